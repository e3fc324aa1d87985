import {
  MIN_CHARGE_AMOUNT,
  ORDER_NAME_MAX,
  REQUEST_ID_MAX,
  REQUEST_ID_MIN,
  REQUEST_ID_PATTERN,
} from '../../../shared/rules/index.ts';
import { type FieldProblem, throwIfInvalid } from './billing-error.ts';

export { MIN_CHARGE_AMOUNT };

/** The amounts and names of a charge as staff enter them. */
export interface ChargeRequestInput {
  amount: number;
  orderName: string;
  taxFreeAmount?: number | undefined;
  /** Chosen per click by the caller: the same id again returns the same attempt (see charges.ts). */
  requestId?: string | undefined;
}

export interface ChargeRequest {
  readonly amount: number;
  readonly orderName: string;
  readonly taxFreeAmount: number;
  readonly requestId: string | null;
}

/** Checks every field and throws all problems at once; the values come back normalised. */
export function checkChargeRequest(input: ChargeRequestInput): ChargeRequest {
  const problems: Record<string, FieldProblem> = {};
  const amount = input.amount;
  if (!Number.isSafeInteger(amount) || amount < MIN_CHARGE_AMOUNT) {
    problems.amount = {
      code: 'AMOUNT_INVALID',
      message: `결제 금액은 ${MIN_CHARGE_AMOUNT}원 이상의 정수(원 단위)로 입력해 주세요.`,
    };
  }
  const orderName = typeof input.orderName === 'string' ? input.orderName.trim() : '';
  if (orderName === '') {
    problems.orderName = { code: 'ORDER_NAME_REQUIRED', message: '결제 내용(주문명)을 입력해 주세요.' };
  } else if (orderName.length > ORDER_NAME_MAX) {
    problems.orderName = {
      code: 'ORDER_NAME_TOO_LONG',
      message: `결제 내용(주문명)은 ${ORDER_NAME_MAX}자 이하로 입력해 주세요.`,
    };
  }
  const taxFreeAmount = input.taxFreeAmount ?? 0;
  const taxFree = taxFreeProblem(taxFreeAmount, Number.isSafeInteger(amount) ? amount : undefined);
  if (taxFree) problems.taxFreeAmount = taxFree;
  const requestId = input.requestId ?? null;
  const requestIdInvalid = requestIdProblem(requestId);
  if (requestIdInvalid) problems.requestId = requestIdInvalid;
  throwIfInvalid(problems);
  return { amount, orderName, taxFreeAmount, requestId };
}

/** A tax-free part must be a whole number of won, and no more than the amount it is part of. */
export function taxFreeProblem(taxFreeAmount: number, ofAmount?: number): FieldProblem | undefined {
  if (!Number.isSafeInteger(taxFreeAmount) || taxFreeAmount < 0) {
    return { code: 'TAX_FREE_INVALID', message: '면세 금액은 0원 이상의 정수로 입력해 주세요.' };
  }
  if (ofAmount !== undefined && taxFreeAmount > ofAmount) {
    return { code: 'TAX_FREE_OVER_AMOUNT', message: '면세 금액은 결제 금액보다 클 수 없습니다.' };
  }
  return undefined;
}

/** A caller's request id, when given, is printable ASCII like an Idempotency-Key. */
export function requestIdProblem(requestId: string | null): FieldProblem | undefined {
  if (requestId === null || REQUEST_ID_PATTERN.test(requestId)) return undefined;
  return {
    code: 'REQUEST_ID_INVALID',
    message: `요청 번호는 ${REQUEST_ID_MIN}~${REQUEST_ID_MAX}자의 공백 없는 영문, 숫자, 기호여야 합니다.`,
  };
}
