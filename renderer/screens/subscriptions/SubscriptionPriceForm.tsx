import { type FormEvent, useState } from 'react';
import type { SubscriptionViewData } from '../../../shared/ipc/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { showRefusal } from '../../components/field-messages.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useFormValues } from '../../components/use-form-values.ts';
import { amountText, amountTextProblem, formatAmountText } from '../../format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

// Toss's minimum charge (toss-api.md): a price below it could never be collected.
const MINIMUM_AMOUNT = 100;

/**
 * A subscription's new price. Periods already created keep their amount (the core's rule), so the
 * form says the change applies from the next period; an empty tax-free field keeps the current one.
 */
export function SubscriptionPriceForm({
  subscription,
  onCancel,
  onDone,
}: {
  subscription: SubscriptionViewData;
  onCancel: () => void;
  onDone: (changed: SubscriptionViewData) => void;
}) {
  const { t, won } = useI18n();
  const amountRef = useFocusOnMount<HTMLInputElement>();
  const { values, setValues } = useFormValues({ amount: '', taxFree: '' });
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const amountInput = (name: 'amount' | 'taxFree') => ({
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    value: formatAmountText(values[name]),
    onChange: (event: { target: { value: string } }) =>
      setValues((previous) => ({ ...previous, [name]: amountText(event.target.value) })),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const amount = Number(values.amount);
    const found: Record<string, string> = {};
    const amountTyped = amountTextProblem(values.amount);
    const taxFreeTyped = amountTextProblem(values.taxFree);
    if (amountTyped) found.amount = t(amountTyped);
    else if (values.amount === '') found.amount = t('charge.amountRequired');
    else if (amount < MINIMUM_AMOUNT) found.amount = t('charge.amountMinimum');
    else if (taxFreeTyped) found.taxFreeAmount = t(taxFreeTyped);
    else if (values.taxFree !== '' && Number(values.taxFree) > amount) {
      found.taxFreeAmount = t('charge.taxFreeTooLarge');
    }
    setErrors(found);
    if (found.amount || found.taxFreeAmount) {
      document.getElementById(found.amount ? 'sub-price-amount' : 'sub-price-taxFree')?.focus();
      return;
    }
    setBusy(true);
    const result = await call('changeSubscriptionPrice', {
      id: subscription.id,
      amount,
      ...(values.taxFree === '' ? {} : { taxFreeAmount: Number(values.taxFree) }),
    });
    setBusy(false);
    if (result.ok) return onDone(result.value);
    showRefusal(result.error, setErrors, setFailure);
  }

  return (
    <form
      className="panel panel-inline"
      aria-labelledby="sub-price-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="sub-price-title">{t('subPrice.title', { orderName: subscription.orderName })}</h3>
      <p data-testid="sub-price-current">
        {t('subPrice.current', {
          amount: won(subscription.amount),
          taxFree: won(subscription.taxFreeAmount),
        })}
      </p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <TextField
          id="sub-price-amount"
          ref={amountRef}
          label={t('subPrice.amount')}
          hint={t('subPrice.note')}
          className="field-amount"
          error={errors.amount}
          {...amountInput('amount')}
        />
        <TextField
          id="sub-price-taxFree"
          label={t('subPrice.taxFree')}
          hint={t('subPrice.taxFreeHint')}
          error={errors.taxFreeAmount}
          {...amountInput('taxFree')}
        />
      </div>
      <FormActions submitLabel={t('subPrice.submit')} busy={busy} cancelDisabled={busy} onCancel={onCancel} />
    </form>
  );
}
