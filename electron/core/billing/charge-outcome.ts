import { cardCompanyName } from '../../../shared/card/companies.ts';
import { vatSplit } from '../../../shared/money/index.ts';
import type { AttemptApproval, AttemptRefusal } from '../ledger/index.ts';
import { type Payment, retryClassOf, TossError } from '../toss/index.ts';

/** A charge that was not approved, or whose approval is not known. */
export interface ChargeRefusal extends AttemptRefusal {
  /**
   * Toss asked to slow down (429, or FORBIDDEN_CONSECUTIVE_REQUEST) and did not take the request:
   * sending the same request again, under the same Idempotency-Key, later is safe.
   */
  readonly slowDown?: { readonly retryAfterMs: number | null };
}

/** What a charge's answer means: approved (what the attempt records of the payment), or not. */
export type ChargeOutcome = AttemptApproval | ChargeRefusal;

/** The request an outcome belongs to, for checking that Toss's payment is this one. */
export interface ChargedRequest {
  readonly orderId: string;
  readonly amount: number;
}

// Statuses of a payment that was approved; cancels after it (refunds) leave it approved.
const APPROVED = new Set(['DONE', 'PARTIAL_CANCELED', 'CANCELED']);
// Statuses of a payment that was not approved and never will be.
const NOT_APPROVED = new Set(['ABORTED', 'EXPIRED']);

/**
 * What a Payment from Toss (a charge's answer or a lookup by orderId) means for the attempt.
 * A payment that is not this attempt's (another orderId or amount) is not trusted as an answer:
 * the attempt stays UNKNOWN for staff, rather than a wrong amount being recorded as charged.
 */
export function outcomeOfPayment(
  payment: Payment,
  request: ChargedRequest,
  traceId: string | null = null,
): ChargeOutcome {
  if (payment.orderId !== request.orderId || payment.totalAmount !== request.amount) {
    return {
      status: 'UNKNOWN',
      code: 'PAYMENT_MISMATCH',
      message: `토스페이먼츠의 결제 정보(주문번호 ${payment.orderId}, ${payment.totalAmount}원)가 요청과 다릅니다. 직원 확인이 필요합니다.`,
      traceId,
    };
  }
  if (APPROVED.has(payment.status)) {
    const issuerCode = payment.card?.issuerCode;
    return {
      status: 'DONE',
      paymentKey: payment.paymentKey,
      approveNo: payment.card?.approveNo ?? null,
      // The split as approved: after a cancel Toss reports what remains, so recompute the
      // original from the formula only when the payment has been cancelled since (invariant 7).
      ...approvedSplit(payment),
      receiptUrl: payment.receipt?.url ?? null,
      balanceAmount: payment.balanceAmount,
      cardNumber: payment.card?.number ?? null,
      cardCompany: issuerCode === undefined ? null : (cardCompanyName(issuerCode) ?? null),
      traceId,
    };
  }
  if (NOT_APPROVED.has(payment.status)) {
    // A failed or aborted payment is an answer, never "not found, send again" (issue 15): its
    // failure code decides. This payment was not approved and never will be, so a code that would
    // leave a refused request unknown (a card company's or Toss's passing error, a code the
    // client does not know) is a decline that dunning may try again later, like a soft decline;
    // a refusal of the card, the key or the request is FAILED.
    const code = payment.failure?.code ?? `PAYMENT_${payment.status}`;
    const retryClass = retryClassOf(400, code);
    return {
      status: retryClass === 'soft-decline' || retryClass === 'unknown-outcome' ? 'DECLINED' : 'FAILED',
      code,
      message: payment.failure?.message ?? '결제가 승인되지 않았습니다.',
      traceId,
    };
  }
  return {
    status: 'UNKNOWN',
    code: `PAYMENT_${payment.status}`,
    message: `토스페이먼츠의 결제 상태가 ${payment.status}입니다. 다시 확인합니다.`,
    traceId,
  };
}

function approvedSplit(payment: Payment): { suppliedAmount: number; vat: number } {
  if (payment.cancels === null || payment.cancels.length === 0) {
    return { suppliedAmount: payment.suppliedAmount, vat: payment.vat };
  }
  const taxFree =
    payment.taxFreeAmount + payment.cancels.reduce((sum, cancel) => sum + cancel.taxFreeAmount, 0);
  const exempt =
    (payment.taxExemptionAmount ?? 0) +
    payment.cancels.reduce((sum, cancel) => sum + (cancel.taxExemptionAmount ?? 0), 0);
  // The approved amount less its tax-exempt part splits as any charge does (shared/money).
  const { suppliedAmount, vat } = vatSplit(payment.totalAmount - exempt, taxFree);
  return { suppliedAmount, vat };
}

/**
 * What a failed charge request means (design.md "A charge, step by step", toss-api.md §8.7):
 * a soft decline is DECLINED, a permanent, configuration or input refusal is FAILED, and
 * anything that may have gone through (timeout, reset, 5xx, 409, 429, an unknown code, or an
 * error that is not Toss's at all) is UNKNOWN, to be reconciled by orderId.
 */
export function outcomeOfError(error: unknown): ChargeRefusal {
  if (!(error instanceof TossError)) {
    return {
      status: 'UNKNOWN',
      code: 'LOCAL_ERROR',
      message: '결제 요청 중 앱 내부 오류가 발생했습니다. 결제 여부를 조회해 확인합니다.',
    };
  }
  const status =
    error.retryClass === 'unknown-outcome'
      ? 'UNKNOWN'
      : error.retryClass === 'soft-decline'
        ? 'DECLINED'
        : 'FAILED';
  const slowDown =
    error.status === 429 || error.code === 'FORBIDDEN_CONSECUTIVE_REQUEST'
      ? { slowDown: { retryAfterMs: error.retryAfterMs } }
      : {};
  return { status, code: error.code, message: error.message, traceId: error.traceId, ...slowDown };
}
