import {
  type AttemptRow,
  attemptRow,
  chargeView,
  markResent,
  type RefundOutcome,
  type RefundRow,
  refundRow,
  unresolvedAttempts,
  unresolvedChargeViews,
  unresolvedRefundViews,
} from '../ledger/index.ts';
import { type Payment, TossError } from '../toss/index.ts';
import type { Actor } from './audit.ts';
import { type ChargeOutcome, outcomeOfError, outcomeOfPayment } from './charge-outcome.ts';
import {
  chargeBodyFor,
  chargeKeyFor,
  type OutcomeSource,
  recordChargeOutcome,
  sendCharge,
} from './charge-send.ts';
import { type BillingContext, backoffMs } from './deps.ts';
import type { InFlight } from './in-flight.ts';
import {
  MAYBE_ALREADY_DONE,
  recordRefundOutcome,
  refundOutcomeOfError,
  refundOutcomeOfPayment,
  sendCancel,
} from './refund-send.ts';
import { isNotFound } from './toss-calls.ts';
import type { ChargeStatus, ChargeView, RefundStatus, RefundView } from './views.ts';

export interface ResolvedEntry {
  readonly kind: 'charge' | 'refund';
  readonly id: number;
  readonly from: 'PENDING' | 'UNKNOWN';
  readonly to: Exclude<ChargeStatus | RefundStatus, 'PENDING' | 'UNKNOWN'>;
  /** lookup: Toss already had it. resend: Toss had not seen it, and the same request was sent again. */
  readonly via: OutcomeSource;
  readonly tossCode: string | null;
}

export interface ReviewEntry {
  readonly kind: 'charge' | 'refund';
  readonly id: number;
  readonly tossCode: string | null;
  readonly tossMessage: string | null;
}

export interface ReconcileReport {
  /** Unresolved rows looked at in this run. */
  readonly checked: number;
  readonly resolved: readonly ResolvedEntry[];
  /** Still unknown after this run's tries: the "확인 필요" queue, for staff (see resolveByHand). */
  readonly needsReview: readonly ReviewEntry[];
  /** Rows left alone because this process is sending them right now. */
  readonly inFlight: number;
}

export interface Reconciler {
  /**
   * Resolves PENDING left-overs and UNKNOWN charges and refunds (toss-api.md §8.7, §10). Run it
   * at start, every few minutes and on demand; concurrent calls share one run.
   * A charge is looked up by orderId: found → its outcome is recorded; 404 → the same request is
   * resent with the same orderId and Idempotency-Key. A refund is matched in the payment read
   * back by paymentKey; not there → the same cancel is resent with its own key. Each row gets a
   * bounded number of tries with backoff; what stays unknown is left for staff.
   */
  reconcile(): Promise<ReconcileReport>;
  /** The "확인 필요" queue: charges and refunds whose outcome is not known, oldest first. */
  needsReview(): { charges: ChargeView[]; refunds: RefundView[] };
}

const RECONCILER: Actor = { actor: 'reconciler' };
/** 4xx answers that say a passing error at Toss or the card company, not whether a payment exists. */
const PASSING_ERRORS: ReadonlySet<string> = new Set(['PROVIDER_ERROR', 'CARD_PROCESSING_ERROR']);
const BATCH = 1_000;

export function createReconciler(
  ctx: BillingContext,
  chargesInFlight: InFlight<ChargeView>,
  refundsInFlight: InFlight<RefundView>,
): Reconciler {
  const db = ctx.ledger.db;
  let running: Promise<ReconcileReport> | undefined;

  const mayResend = (createdAt: number) => ctx.now().getTime() - createdAt <= ctx.retry.resendWindowMs;
  /**
   * A charge a person asked for is resent only within minutes of the request (the customer may
   * have paid another way since); the schedule's own charges keep the longer window. Read again
   * right before each resend: a charge someone resolved meanwhile (staff's "결제 안 됨") is final.
   */
  function mayResendCharge(attempt: AttemptRow): boolean {
    const current = attemptRow(db, attempt.id);
    if (!current || (current.status !== 'PENDING' && current.status !== 'UNKNOWN')) return false;
    const window = attempt.kind === 'manual' ? ctx.retry.personResendWindowMs : ctx.retry.resendWindowMs;
    return ctx.now().getTime() - attempt.createdAt <= window;
  }

  /** One charge: lookups and resends until Toss's answer is known or the tries run out. */
  async function settleCharge(attempt: AttemptRow): Promise<{ outcome: ChargeOutcome; via: OutcomeSource }> {
    let last: ChargeOutcome = {
      status: 'UNKNOWN',
      code: 'NOT_CHECKED',
      message: '아직 확인하지 않았습니다.',
    };
    for (let tryNo = 1; tryNo <= ctx.retry.maxTries; tryNo++) {
      if (tryNo > 1) await ctx.sleep(backoffMs(ctx.retry, tryNo - 1));
      let payment: Payment;
      let traceId: string | null = null;
      try {
        payment = await ctx.toss.getPaymentByOrderId(attempt.orderId, {
          onTraceId: (id) => {
            traceId = id;
          },
        });
      } catch (error) {
        if (!isNotFound(error)) {
          // Whatever a failed lookup says, the charge's own outcome is still unknown.
          last = { ...outcomeOfError(error), status: 'UNKNOWN' };
          // A lookup refused for the store's keys will not change by waiting.
          if (error instanceof TossError && error.retryClass === 'config') break;
          continue;
        }
        // Toss has no payment for this order: it never ran it, so the same request is sent again.
        if (!mayResendCharge(attempt)) {
          return {
            outcome: {
              status: 'UNKNOWN',
              code: 'RESEND_WINDOW_PASSED',
              message:
                '토스페이먼츠에 결제가 없고, 요청한 지 오래되어 다시 보내지 않았습니다. 직원 확인이 필요합니다.',
            },
            via: 'lookup',
          };
        }
        markResent(db, attempt.id, ctx.now().getTime());
        const outcome = await sendCharge(ctx, attempt, {
          key: chargeKeyFor(ctx, attempt.memberId, attempt.cardId),
          body: chargeBodyFor(ctx, attempt),
        });
        if (outcome.status !== 'UNKNOWN') return { outcome, via: 'resend' };
        // Toss has no payment for the order and keeps answering this key with a passing error: it
        // stores a 4xx answer under its Idempotency-Key for 15 days (toss-api.md §9, measured), so
        // the request will never run again as it is. Not charged: a decline that dunning may retry
        // under a new key, instead of an UNKNOWN that no lookup or resend can ever settle.
        if (PASSING_ERRORS.has(outcome.code))
          return { outcome: { ...outcome, status: 'DECLINED' }, via: 'resend' };
        last = outcome;
        continue;
      }
      // Whatever Toss keeps for the order decides, a failed or ABORTED payment included (its
      // failure code makes it DECLINED or FAILED): only "no payment at all" is ever resent.
      const outcome = outcomeOfPayment(payment, attempt, traceId);
      if (outcome.status !== 'UNKNOWN') return { outcome, via: 'lookup' };
      last = outcome;
    }
    return { outcome: last, via: 'lookup' };
  }

  /** One refund: read the payment back, match the cancel; not there → resend the same cancel. */
  async function settleRefund(
    refund: RefundRow,
    paymentKey: string,
  ): Promise<{ outcome: RefundOutcome; balance: number | null; via: OutcomeSource }> {
    let last: RefundOutcome = {
      status: 'UNKNOWN',
      code: 'NOT_CHECKED',
      message: '아직 확인하지 않았습니다.',
    };
    for (let tryNo = 1; tryNo <= ctx.retry.maxTries; tryNo++) {
      if (tryNo > 1) await ctx.sleep(backoffMs(ctx.retry, tryNo - 1));
      let payment: Payment;
      let traceId: string | null = null;
      try {
        payment = await ctx.toss.getPayment(paymentKey, {
          onTraceId: (id) => {
            traceId = id;
          },
        });
      } catch (error) {
        last = { ...refundOutcomeOfError(error), status: 'UNKNOWN' };
        if (error instanceof TossError && error.retryClass === 'config') break;
        continue;
      }
      const found = refundOutcomeOfPayment(ctx, payment, refund, traceId);
      if (found) return { outcome: found, balance: payment.balanceAmount, via: 'lookup' };
      if (!mayResend(refund.createdAt)) {
        return {
          outcome: {
            status: 'UNKNOWN',
            code: 'RESEND_WINDOW_PASSED',
            message:
              '토스페이먼츠에 이 환불이 없고, 요청한 지 오래되어 다시 보내지 않았습니다. 직원 확인이 필요합니다.',
          },
          balance: payment.balanceAmount,
          via: 'lookup',
        };
      }
      const answer = await sendCancel(ctx, refund, paymentKey);
      if ('payment' in answer) {
        const matched = refundOutcomeOfPayment(ctx, answer.payment, refund, answer.traceId);
        if (matched) return { outcome: matched, balance: answer.payment.balanceAmount, via: 'resend' };
        last = {
          status: 'UNKNOWN',
          code: 'CANCEL_NOT_FOUND',
          message: '토스페이먼츠의 응답에서 이 환불을 찾지 못했습니다. 다시 확인합니다.',
        };
        continue;
      }
      const refused = refundOutcomeOfError(answer.error);
      // These may answer a retry of a cancel that did go through: the next lookup decides.
      if (
        refused.status === 'UNKNOWN' ||
        (MAYBE_ALREADY_DONE.has(refused.code) && tryNo < ctx.retry.maxTries)
      ) {
        last = { ...refused, status: 'UNKNOWN' };
        continue;
      }
      return { outcome: refused, balance: payment.balanceAmount, via: 'resend' };
    }
    return { outcome: last, balance: null, via: 'lookup' };
  }

  async function run(): Promise<ReconcileReport> {
    const resolved: ResolvedEntry[] = [];
    const needsReview: ReviewEntry[] = [];
    let checked = 0;
    let inFlight = 0;

    for (const unresolved of unresolvedAttempts(db, BATCH)) {
      if (chargesInFlight.has(unresolved.id)) {
        inFlight++;
        continue;
      }
      const attempt = attemptRow(db, unresolved.id);
      if (!attempt || (attempt.status !== 'PENDING' && attempt.status !== 'UNKNOWN')) continue;
      checked++;
      const from = attempt.status;
      let via: OutcomeSource = 'lookup';
      // Registered as in flight, so a repeated request id waits for this instead of reading PENDING.
      const view = await chargesInFlight.run(attempt.id, async () => {
        let settled: { outcome: ChargeOutcome; via: OutcomeSource };
        try {
          settled = await settleCharge(attempt);
        } catch (error) {
          settled = { outcome: outcomeOfError(error), via: 'lookup' };
          ctx.log.error('charge reconciliation failed', { chargeId: attempt.id, error });
        }
        via = settled.via;
        return recordChargeOutcome(ctx, attempt.id, settled.outcome, RECONCILER, settled.via, { from });
      });
      collect({ kind: 'charge', id: attempt.id, from, via }, view.status, view.tossCode, view.tossMessage);
    }

    for (const pending of unresolvedRefundViews(db, BATCH)) {
      if (refundsInFlight.has(pending.id)) {
        inFlight++;
        continue;
      }
      const refund = refundRow(db, pending.id);
      const charge = refund ? chargeView(db, refund.chargeId) : undefined;
      if (!refund || !charge?.paymentKey || (refund.status !== 'PENDING' && refund.status !== 'UNKNOWN'))
        continue;
      checked++;
      const from = refund.status;
      const paymentKey = charge.paymentKey;
      let via: OutcomeSource = 'lookup';
      const view = await refundsInFlight.run(refund.id, async () => {
        let settled: { outcome: RefundOutcome; balance: number | null; via: OutcomeSource };
        try {
          settled = await settleRefund(refund, paymentKey);
        } catch (error) {
          settled = {
            outcome: { ...refundOutcomeOfError(error), status: 'UNKNOWN' },
            balance: null,
            via: 'lookup',
          };
          ctx.log.error('refund reconciliation failed', { refundId: refund.id, error });
        }
        via = settled.via;
        return recordRefundOutcome(
          ctx,
          refund.id,
          settled.outcome,
          settled.balance,
          RECONCILER,
          settled.via,
          {
            from,
          },
        );
      });
      collect({ kind: 'refund', id: refund.id, from, via }, view.status, view.tossCode, view.tossMessage);
    }

    ctx.log.info('reconciled', {
      checked,
      resolved: resolved.length,
      needsReview: needsReview.length,
      inFlight,
    });
    return { checked, resolved, needsReview, inFlight };

    function collect(
      row: Pick<ResolvedEntry, 'kind' | 'id' | 'from' | 'via'>,
      to: ChargeStatus | RefundStatus,
      tossCode: string | null,
      tossMessage: string | null,
    ) {
      if (to === 'PENDING' || to === 'UNKNOWN')
        needsReview.push({ kind: row.kind, id: row.id, tossCode, tossMessage });
      else resolved.push({ ...row, to, tossCode });
    }
  }

  return {
    reconcile() {
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    needsReview() {
      return {
        charges: unresolvedChargeViews(db, BATCH).filter((view) => !chargesInFlight.has(view.id)),
        refunds: unresolvedRefundViews(db, BATCH).filter((view) => !refundsInFlight.has(view.id)),
      };
    },
  };
}
