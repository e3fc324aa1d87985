import { type FormEvent, useEffect, useState } from 'react';
import type { PlanViewData, ResponseOf } from '../../../shared/ipc/index.ts';
import { MIN_CHARGE_AMOUNT, ORDER_NAME_MAX } from '../../../shared/rules/index.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { CheckField } from '../../components/CheckField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { showRefusal } from '../../components/field-messages.ts';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { amountText, amountTextProblem, formatAmountText } from '../../format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const UNITS: readonly PlanViewData['intervalUnit'][] = ['month', 'week', 'day', 'year'];

type PlanFormProps = { onCancel: () => void } & (
  | { plan?: undefined; onDone: () => void }
  /** Editing: the form starts from the plan, and its interval stays as it is (main takes none). */
  | { plan: PlanViewData; onDone: (update: ResponseOf<'updatePlan'>) => void }
);

/** A price and a period; the core checks the terms and answers per field in Korean. */
export function PlanForm(props: PlanFormProps) {
  const { plan, onCancel } = props;
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState(plan?.name ?? '');
  const [amount, setAmount] = useState(plan ? String(plan.amount) : '');
  const [unit, setUnit] = useState<PlanViewData['intervalUnit']>(plan?.intervalUnit ?? 'month');
  const [count, setCount] = useState(String(plan?.intervalCount ?? 1));
  const [chargeTime, setChargeTime] = useState(plan?.chargeTime ?? '');
  const [applyToSubscriptions, setApplyToSubscriptions] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Asked only when there is a new price to pass on; a name or time edit never touches subscriptions.
  const priceChanged = plan !== undefined && amount !== '' && Number(amount) !== plan.amount;

  // A new plan starts at the store's default run time, unless someone typed a time first.
  useEffect(() => {
    if (plan) return;
    void call('getScheduleSettings', {}).then((result) => {
      if (result.ok) setChargeTime((typed) => typed || result.value.defaultRunTime);
    });
  }, [plan]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('plans.nameRequired');
    const typed = amountTextProblem(amount);
    if (typed) found.amount = t(typed);
    else if (amount === '' || Number(amount) < MIN_CHARGE_AMOUNT) found.amount = t('charge.amountMinimum');
    setErrors(found);
    if (found.name || found.amount) {
      document.getElementById(found.name ? 'plan-name' : 'plan-amount')?.focus();
      return;
    }
    setBusy(true);
    // Left empty, main gives the plan the store's default run time.
    const terms = { name: name.trim(), amount: Number(amount), ...(chargeTime ? { chargeTime } : {}) };
    if (props.plan) {
      const result = await call('updatePlan', {
        id: props.plan.id,
        ...terms,
        ...(priceChanged && applyToSubscriptions ? { applyToSubscriptions } : {}),
      });
      setBusy(false);
      if (result.ok) return props.onDone(result.value);
      return showRefusal(result.error, setErrors, setFailure);
    }
    const result = await call('createPlan', {
      ...terms,
      intervalUnit: unit,
      intervalCount: Math.max(1, Number(count) || 1),
    });
    setBusy(false);
    if (result.ok) return props.onDone();
    showRefusal(result.error, setErrors, setFailure);
  }

  return (
    <form
      className="panel panel-inline"
      aria-labelledby="plan-form-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id="plan-form-title">{plan ? t('plans.editTitle', { name: plan.name }) : t('plans.formTitle')}</h3>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <TextField
          id="plan-name"
          ref={nameRef}
          label={t('plans.name')}
          value={name}
          maxLength={ORDER_NAME_MAX}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <TextField
          id="plan-amount"
          label={t('plans.amount')}
          inputMode="numeric"
          autoComplete="off"
          className="field-amount"
          value={formatAmountText(amount)}
          onChange={(event) => setAmount(amountText(event.target.value))}
          // The form has no tax-free field (the CLI sets that part), so a new amount below it is
          // refused on the tax-free field: shown here, where the amount that caused it is.
          error={errors.amount ?? errors.taxFreeAmount}
        />
      </div>
      {priceChanged && (
        <CheckField
          id="plan-apply"
          label={t('plans.applyToSubscriptions')}
          hint={t('plans.applyHint')}
          checked={applyToSubscriptions}
          onChange={setApplyToSubscriptions}
        />
      )}
      <div className="field-row">
        <TextField
          id="plan-count"
          label={t('plans.intervalCount')}
          inputMode="numeric"
          value={count}
          disabled={plan !== undefined}
          hint={plan && t('plans.intervalFixed')}
          onChange={(event) => setCount(event.target.value.replace(/\D/g, '').slice(0, 3))}
          error={errors.intervalCount}
        />
        <div className="field">
          <label htmlFor="plan-unit">{t('plans.intervalUnit')}</label>
          <select
            id="plan-unit"
            value={unit}
            disabled={plan !== undefined}
            onChange={(event) => setUnit(event.target.value as PlanViewData['intervalUnit'])}
          >
            {UNITS.map((option) => (
              <option key={option} value={option}>
                {t(`plans.unit.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="plan-chargeTime"
          type="time"
          label={t('plans.chargeTime')}
          value={chargeTime}
          onChange={(event) => setChargeTime(event.target.value)}
          error={errors.chargeTime}
        />
      </div>
      <FormActions submitLabel={plan ? t('plans.save') : t('plans.create')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
