import { type FormEvent, useState } from 'react';
import type { PlanViewData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { FormActions } from '../components/FormActions.tsx';
import { showRefusal } from '../components/field-messages.ts';
import { TextField } from '../components/TextField.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { amountDigits, formatAmountInput } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';

const UNITS: readonly PlanViewData['intervalUnit'][] = ['month', 'week', 'day', 'year'];

/** A price and a period; the core checks the terms and answers per field in Korean. */
export function PlanForm({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const nameRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<PlanViewData['intervalUnit']>('month');
  const [count, setCount] = useState('1');
  const [chargeTime, setChargeTime] = useState('10:00');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('plans.nameRequired');
    if (amount === '' || Number(amount) < 100) found.amount = t('charge.amountMinimum');
    setErrors(found);
    if (found.name || found.amount) {
      document.getElementById(found.name ? 'plan-name' : 'plan-amount')?.focus();
      return;
    }
    setBusy(true);
    const result = await call('createPlan', {
      name: name.trim(),
      amount: Number(amount),
      intervalUnit: unit,
      intervalCount: Math.max(1, Number(count) || 1),
      chargeTime,
    });
    setBusy(false);
    if (result.ok) return onDone();
    showRefusal(result.error, setErrors, setFailure);
  }

  return (
    <form
      className="panel panel-inline"
      aria-labelledby="plan-form-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id="plan-form-title">{t('plans.formTitle')}</h3>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="field-row">
        <TextField
          id="plan-name"
          ref={nameRef}
          label={t('plans.name')}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <TextField
          id="plan-amount"
          label={t('plans.amount')}
          inputMode="numeric"
          autoComplete="off"
          className="field-amount"
          value={formatAmountInput(amount)}
          onChange={(event) => setAmount(amountDigits(event.target.value))}
          error={errors.amount}
        />
      </div>
      <div className="field-row">
        <TextField
          id="plan-count"
          label={t('plans.intervalCount')}
          inputMode="numeric"
          value={count}
          onChange={(event) => setCount(event.target.value.replace(/\D/g, '').slice(0, 3))}
          error={errors.intervalCount}
        />
        <div className="field">
          <label htmlFor="plan-unit">{t('plans.intervalUnit')}</label>
          <select
            id="plan-unit"
            value={unit}
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
      <FormActions submitLabel={t('plans.create')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
