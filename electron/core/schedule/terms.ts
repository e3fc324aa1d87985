import { MIN_CHARGE_AMOUNT, ORDER_NAME_MAX } from '../../../shared/rules/index.ts';
import type { FieldProblem } from '../billing/index.ts';
import { scheduleProblems } from './check-schedule.ts';
import type { IntervalUnit } from './schedule-types.ts';

/** The least a charge may be, as the ledger's CHECK (amount >= 100) says: the one minimum of every charge. */
export const MIN_TERM_AMOUNT = MIN_CHARGE_AMOUNT;

/** The charge time of a plan or subscription when none is given and the store set no default of its own. */
export const DEFAULT_CHARGE_TIME = '10:00';

/** The price terms a plan or subscription row holds: amount and its tax-free part, in won. */
export interface PriceTerms {
  readonly amount: number;
  readonly taxFreeAmount: number;
}

/** Per-field problems of a price, matching the CHECKs of plans/subscriptions so the form says why first. */
export function priceProblems(price: PriceTerms): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const amountOk = Number.isSafeInteger(price.amount) && price.amount >= MIN_TERM_AMOUNT;
  if (!amountOk) {
    problems.amount = {
      code: 'AMOUNT_INVALID',
      message: `금액은 ${MIN_TERM_AMOUNT}원 이상의 정수여야 합니다.`,
    };
  }
  const taxFree = price.taxFreeAmount;
  if (!Number.isSafeInteger(taxFree) || taxFree < 0 || (amountOk && taxFree > price.amount)) {
    problems.taxFreeAmount = {
      code: 'TAX_FREE_AMOUNT_INVALID',
      message: '면세 금액은 0원 이상, 결제 금액 이하의 정수여야 합니다.',
    };
  }
  return problems;
}

/** A name or order name: trimmed, 1 to 100 characters (the ledger's CHECK, and Toss's orderName limit). */
export function textProblem(value: unknown, label: string): FieldProblem | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return { code: 'REQUIRED', message: `${label}을(를) 입력해 주세요.` };
  }
  if (value.trim().length > ORDER_NAME_MAX) {
    return {
      code: 'TOO_LONG',
      message: `${label}은(는) ${ORDER_NAME_MAX}자 이하로 입력해 주세요.`,
      params: { max: ORDER_NAME_MAX },
    };
  }
  return undefined;
}

/**
 * Problems of an interval and charge time alone (a plan has no dates). The rules live in
 * scheduleProblems; a fixed valid placeholder for the date and zone fields lets us reuse them
 * instead of keeping a second copy that could drift.
 */
export function intervalProblems(terms: {
  intervalUnit: IntervalUnit;
  intervalCount: number;
  chargeTime: string;
}): Record<string, FieldProblem> {
  const all = scheduleProblems({
    ...terms,
    anchorDate: '2000-01-01',
    startDate: '2000-01-01',
    trialEnd: null,
    timeZone: 'UTC',
  });
  const problems: Record<string, FieldProblem> = {};
  for (const field of ['intervalUnit', 'intervalCount', 'chargeTime'] as const) {
    const problem = all[field];
    if (problem) problems[field] = problem;
  }
  return problems;
}
