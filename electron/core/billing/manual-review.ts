import { REASON_MAX } from '../../../shared/rules/index.ts';
import {
  type AttemptRow,
  attemptRow,
  chargeView,
  type RefundOutcome,
  type RefundRow,
  refundRow,
} from '../ledger/index.ts';
import type { Payment } from '../toss/index.ts';
import { type Actor, checkOperator } from './audit.ts';
import { BillingError, throwIfInvalid } from './billing-error.ts';
import { type ChargeOutcome, outcomeOfPayment } from './charge-outcome.ts';
import { recordChargeOutcome } from './charge-send.ts';
import { type BillingContext, DECIDE_NOT_CHARGED_AFTER_MS } from './deps.ts';
import type { InFlight } from './in-flight.ts';
import { recordRefundOutcome, refundOutcomeOfPayment } from './refund-send.ts';
import { isNotFound, tossUnreachableError } from './toss-calls.ts';
import type { ChargeView, RefundView } from './views.ts';

export interface ResolveChargeInput extends Actor {
  chargeId: number;
  /** What staff found out (Toss's dashboard, the member's card statement). */
  outcome: 'charged' | 'not-charged';
  /** Why, in words; kept in the audit log and on the charge. */
  reason: string;
}

export interface ResolveRefundInput extends Actor {
  refundId: number;
  outcome: 'refunded' | 'not-refunded';
  reason: string;
}

export interface ReviewService {
  /**
   * Closes a charge in the "확인 필요" queue by hand, with a reason (audited). Invariant 4 holds
   * here too: an UNKNOWN charge is resolved only by looking its order up, so Toss is asked first
   * and what it shows wins. A payment found there is recorded as charged whatever staff chose;
   * 'charged' needs that payment (the ledger records Toss's paymentKey and amounts, not a guess).
   * 'not-charged' needs Toss to say it has no payment for the order (404), and is then recorded
   * as FAILED with code RESOLVED_BY_STAFF instead of being resent. If Toss cannot be asked, nothing
   * changes and TOSS_UNREACHABLE is thrown.
   */
  resolveCharge(input: ResolveChargeInput): Promise<ChargeView>;
  /** The same for a refund: the payment is read back and a matching cancel wins. */
  resolveRefund(input: ResolveRefundInput): Promise<RefundView>;
}

export const RESOLVED_BY_STAFF = 'RESOLVED_BY_STAFF';

/** What asking Toss once more showed. */
type Lookup<T> = { kind: 'found'; outcome: T; balance?: number } | { kind: 'not_found'; balance?: number };

export function createReviewService(
  ctx: BillingContext,
  chargesInFlight: InFlight<ChargeView>,
  refundsInFlight: InFlight<RefundView>,
): ReviewService {
  const db = ctx.ledger.db;

  function checkReason(reason: string): string {
    const trimmed = typeof reason === 'string' ? reason.trim() : '';
    if (trimmed === '') {
      throwIfInvalid({ reason: { code: 'REASON_REQUIRED', message: '확인 내용(사유)을 입력해 주세요.' } });
    }
    if (trimmed.length > REASON_MAX) {
      throwIfInvalid({
        reason: {
          code: 'REASON_TOO_LONG',
          message: `확인 내용(사유)은 ${REASON_MAX}자 이하로 입력해 주세요.`,
        },
      });
    }
    return trimmed;
  }

  const notUnderReview = (what: string, status: string) =>
    new BillingError('NOT_UNDER_REVIEW', `확인 필요 상태가 아닌 ${what}입니다 (현재 상태: ${status}).`);
  const busy = () =>
    new BillingError('BUSY', '지금 토스페이먼츠에 확인 중입니다. 잠시 후 다시 시도해 주세요.');

  /**
   * Toss may still be approving a request sent less than its longest approval time ago: a lookup
   * that says "not found" then proves nothing, so "결제 안 됨" waits until that time has passed
   * since the last send (the first one or a reconciler's resend).
   */
  function refuseTooEarly(attempt: AttemptRow): void {
    const lastSent = Math.max(attempt.createdAt, attempt.sentAt ?? 0);
    const waitMs = lastSent + DECIDE_NOT_CHARGED_AFTER_MS - ctx.now().getTime();
    if (waitMs > 0) {
      throw new BillingError(
        'TOO_EARLY_TO_DECIDE',
        `토스페이먼츠가 아직 이 결제를 처리하고 있을 수 있습니다. ${Math.ceil(waitMs / 1_000)}초 뒤에 다시 확인해 주세요.`,
      );
    }
  }

  async function lookUpCharge(attempt: AttemptRow): Promise<Lookup<ChargeOutcome>> {
    let outcome: ChargeOutcome;
    try {
      outcome = outcomeOfPayment(await ctx.toss.getPaymentByOrderId(attempt.orderId), attempt);
    } catch (error) {
      if (isNotFound(error)) return { kind: 'not_found' };
      throw tossUnreachableError(error);
    }
    // A payment under this orderId that is not this charge's approval: beyond what staff can
    // settle here; the message says what Toss has.
    if (outcome.status === 'UNKNOWN') throw new BillingError('PAYMENT_MISMATCH_AT_TOSS', outcome.message);
    return { kind: 'found', outcome };
  }

  async function lookUpRefund(refund: RefundRow): Promise<Lookup<RefundOutcome>> {
    const paymentKey = chargeView(db, refund.chargeId)?.paymentKey;
    if (!paymentKey) throw new Error(`refund ${refund.id} belongs to a charge without a payment`);
    let payment: Payment;
    try {
      payment = await ctx.toss.getPayment(paymentKey);
    } catch (error) {
      throw tossUnreachableError(error);
    }
    const matched = refundOutcomeOfPayment(ctx, payment, refund);
    return matched
      ? { kind: 'found', outcome: matched, balance: payment.balanceAmount }
      : { kind: 'not_found', balance: payment.balanceAmount };
  }

  return {
    async resolveCharge(input) {
      const reason = checkReason(input.reason);
      checkOperator(ctx, input.operatorId);
      const attempt = Number.isSafeInteger(input.chargeId) ? attemptRow(db, input.chargeId) : undefined;
      if (!attempt) {
        throw new BillingError('CHARGE_NOT_FOUND', `결제 기록(번호 ${input.chargeId})을 찾을 수 없습니다.`);
      }
      if (attempt.status !== 'PENDING' && attempt.status !== 'UNKNOWN')
        throw notUnderReview('결제', attempt.status);
      if (chargesInFlight.has(attempt.id)) throw busy();
      if (input.outcome === 'not-charged') refuseTooEarly(attempt);
      return chargesInFlight.run(attempt.id, async () => {
        const found = await lookUpCharge(attempt);
        const extra = { reason, staffSaid: input.outcome, toss: found.kind };
        if (found.kind === 'found')
          return recordChargeOutcome(ctx, attempt.id, found.outcome, input, 'staff', extra);
        if (input.outcome === 'charged') {
          throw new BillingError(
            'PAYMENT_NOT_FOUND_AT_TOSS',
            `토스페이먼츠에 주문번호 ${attempt.orderId}의 결제가 없습니다. 결제된 것으로 기록할 수 없습니다.`,
          );
        }
        const closed: ChargeOutcome = {
          status: 'FAILED',
          code: RESOLVED_BY_STAFF,
          message: `직원 확인: 결제되지 않음 (${reason})`,
        };
        return recordChargeOutcome(ctx, attempt.id, closed, input, 'staff', extra);
      });
    },

    async resolveRefund(input) {
      const reason = checkReason(input.reason);
      checkOperator(ctx, input.operatorId);
      const refund = Number.isSafeInteger(input.refundId) ? refundRow(db, input.refundId) : undefined;
      if (!refund) {
        throw new BillingError('REFUND_NOT_FOUND', `환불 기록(번호 ${input.refundId})을 찾을 수 없습니다.`);
      }
      if (refund.status !== 'PENDING' && refund.status !== 'UNKNOWN')
        throw notUnderReview('환불', refund.status);
      if (refundsInFlight.has(refund.id)) throw busy();
      return refundsInFlight.run(refund.id, async () => {
        const found = await lookUpRefund(refund);
        const balance = found.balance ?? null;
        const extra = { reason, staffSaid: input.outcome, toss: found.kind };
        if (found.kind === 'found') {
          return recordRefundOutcome(ctx, refund.id, found.outcome, balance, input, 'staff', extra);
        }
        if (input.outcome === 'refunded') {
          throw new BillingError(
            'PAYMENT_NOT_FOUND_AT_TOSS',
            '토스페이먼츠의 결제에 이 환불(같은 금액의 취소)이 없습니다. 환불된 것으로 기록할 수 없습니다.',
          );
        }
        const closed: RefundOutcome = {
          status: 'FAILED',
          code: RESOLVED_BY_STAFF,
          message: `직원 확인: 환불되지 않음 (${reason})`,
        };
        return recordRefundOutcome(ctx, refund.id, closed, balance, input, 'staff', extra);
      });
    },
  };
}
