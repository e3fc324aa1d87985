import type { Ref } from 'react';
import { MIN_CHARGE_AMOUNT, ORDER_NAME_MAX } from '../../../shared/rules/index.ts';
import { TextField } from '../../components/TextField.tsx';
import { amountText, amountTextProblem, formatAmountText } from '../../format.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

/** What the cashier typed; amounts are digit strings so the field can show them grouped. */
export interface ChargeValues {
  readonly amount: string;
  readonly orderName: string;
  readonly taxFree: string;
}

export type ChargeField = keyof ChargeValues;
export type ChargeProblems = Partial<Record<ChargeField, MessageKey>>;

// Toss's own limits (toss-api.md), written once in shared/rules for the core and the screens.
const MINIMUM_AMOUNT = MIN_CHARGE_AMOUNT;

export const CHARGE_FIELD_ORDER: readonly ChargeField[] = ['amount', 'orderName', 'taxFree'];

export function checkChargeValues(values: ChargeValues): ChargeProblems {
  const problems: ChargeProblems = {};
  const amount = Number(values.amount);
  const amountTyped = amountTextProblem(values.amount);
  if (amountTyped) problems.amount = amountTyped;
  else if (values.amount === '') problems.amount = 'charge.amountRequired';
  else if (amount < MINIMUM_AMOUNT) problems.amount = 'charge.amountMinimum';
  const orderName = values.orderName.trim();
  if (orderName === '') problems.orderName = 'charge.orderNameRequired';
  else if (orderName.length > ORDER_NAME_MAX) problems.orderName = 'charge.orderNameTooLong';
  const taxFreeTyped = amountTextProblem(values.taxFree);
  if (taxFreeTyped) problems.taxFree = taxFreeTyped;
  else if (values.taxFree !== '' && Number(values.taxFree) > amount)
    problems.taxFree = 'charge.taxFreeTooLarge';
  return problems;
}

/** The request fields for a checked form. */
export function chargeRequestFields(values: ChargeValues) {
  const taxFree = values.taxFree === '' ? 0 : Number(values.taxFree);
  return {
    amount: Number(values.amount),
    orderName: values.orderName.trim(),
    ...(taxFree > 0 ? { taxFreeAmount: taxFree } : {}),
  };
}

/** Amount (grouped as typed), order name and the optional tax-free part. */
export function ChargeFields({
  idPrefix,
  values,
  onChange,
  problems,
  amountRef,
}: {
  idPrefix: string;
  values: ChargeValues;
  onChange: (values: ChargeValues) => void;
  problems: ChargeProblems;
  amountRef?: Ref<HTMLInputElement>;
}) {
  const { t } = useI18n();
  const message = (field: ChargeField) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  return (
    <div className="field-row">
      <TextField
        id={`${idPrefix}-amount`}
        ref={amountRef}
        label={t('charge.amount')}
        inputMode="numeric"
        autoComplete="off"
        className="field-amount"
        value={formatAmountText(values.amount)}
        onChange={(event) => onChange({ ...values, amount: amountText(event.target.value) })}
        error={message('amount')}
      />
      <TextField
        id={`${idPrefix}-orderName`}
        label={t('charge.orderName')}
        value={values.orderName}
        maxLength={ORDER_NAME_MAX}
        onChange={(event) => onChange({ ...values, orderName: event.target.value })}
        error={message('orderName')}
      />
      <TextField
        id={`${idPrefix}-taxFree`}
        label={t('charge.taxFree')}
        inputMode="numeric"
        autoComplete="off"
        value={formatAmountText(values.taxFree)}
        onChange={(event) => onChange({ ...values, taxFree: amountText(event.target.value) })}
        error={message('taxFree')}
      />
    </div>
  );
}
