import type { JsonObject } from '../audit/index.ts';
import {
  lowerBalance,
  type RefundOutcome,
  type RefundRefusal,
  type RefundRow,
  recordedTransactionKeys,
  refundRow,
  refundView,
  writeRefundOutcome,
} from '../ledger/index.ts';
import { type Payment, type PaymentCancel, TossError } from '../toss/index.ts';
import { type Actor, audit } from './audit.ts';
import { BillingError } from './billing-error.ts';
import type { OutcomeSource } from './charge-send.ts';
import type { BillingContext } from './deps.ts';
import type { RefundView } from './views.ts';

/** Cancel refusals that can also answer a retry of a cancel that went through (toss-api.md §8.7.5). */
export const MAYBE_ALREADY_DONE = new Set(['ALREADY_CANCELED_PAYMENT', 'NOT_CANCELABLE_AMOUNT']);

/**
 * The cancel in Toss's payment that is this refund's: one not yet matched to another refund, of
 * the same amount, the same reason preferred (and, for a cancel's own answer, the latest
 * transaction). Toss has no request id on cancels, so amount and reason are what there is.
 */
export function matchCancel(
  payment: Payment,
  refund: RefundRow,
  taken: ReadonlySet<string>,
): PaymentCancel | undefined {
  const candidates = (payment.cancels ?? []).filter(
    (cancel) =>
      !taken.has(cancel.transactionKey) &&
      cancel.cancelAmount === refund.amount &&
      cancel.cancelStatus === 'DONE',
  );
  return (
    candidates.find((cancel) => cancel.transactionKey === payment.lastTransactionKey) ??
    candidates.find((cancel) => cancel.cancelReason === refund.reason) ??
    candidates[0]
  );
}

/** What Toss's payment says about the refund: its cancel, or nothing yet. */
export function refundOutcomeOfPayment(
  ctx: BillingContext,
  payment: Payment,
  refund: RefundRow,
  traceId: string | null = null,
): RefundOutcome | undefined {
  const cancel = matchCancel(payment, refund, recordedTransactionKeys(ctx.ledger.db, refund.chargeId));
  return cancel
    ? {
        status: 'DONE',
        transactionKey: cancel.transactionKey,
        balanceAfter: cancel.refundableAmount,
        traceId,
      }
    : undefined;
}

/** A refused or lost cancel: unknown outcomes are reconciled, every other refusal is final. */
export function refundOutcomeOfError(error: unknown): RefundRefusal {
  if (error instanceof TossError) {
    return {
      status: error.outcomeUnknown ? 'UNKNOWN' : 'FAILED',
      code: error.code,
      message: error.message,
      traceId: error.traceId,
    };
  }
  return {
    status: 'UNKNOWN',
    code: 'LOCAL_ERROR',
    message: '환불 요청 중 앱 내부 오류가 발생했습니다. 결제를 다시 조회해 확인합니다.',
  };
}

/** Sends (or resends) the refund's cancel under its own Idempotency-Key. */
export async function sendCancel(
  ctx: BillingContext,
  refund: RefundRow,
  paymentKey: string,
): Promise<{ payment: Payment; traceId: string | null } | { error: unknown }> {
  let traceId: string | null = null;
  try {
    const payment = await ctx.toss.cancelPayment(
      paymentKey,
      {
        cancelReason: refund.reason,
        // Always the amount, even for "the rest": if the local balance is out of date, Toss
        // refuses (NOT_CANCELABLE_AMOUNT) instead of cancelling some other amount.
        cancelAmount: refund.amount,
        ...(refund.taxFreeAmount > 0 ? { taxFreeAmount: refund.taxFreeAmount } : {}),
      },
      {
        idempotencyKey: refund.idempotencyKey,
        onTraceId: (id) => {
          traceId = id;
        },
      },
    );
    return { payment, traceId };
  } catch (error) {
    return { error };
  }
}

const ACTIONS = { DONE: 'refund.done', FAILED: 'refund.failed', UNKNOWN: 'refund.unknown' } as const;

/**
 * Writes a refund's outcome with its audit row and, when Toss reported the payment, lowers the
 * charge's balance to Toss's (never raises it), all in one transaction.
 */
export function recordRefundOutcome(
  ctx: BillingContext,
  refundId: number,
  outcome: RefundOutcome,
  tossBalance: number | null,
  who: Actor,
  source: OutcomeSource,
  extra: JsonObject = {},
): RefundView {
  const db = ctx.ledger.db;
  try {
    db.transaction(() => {
      const current = refundRow(db, refundId);
      if (!current) return;
      const at = ctx.now().getTime();
      if (tossBalance !== null) lowerBalance(db, current.chargeId, tossBalance, at);
      if (current.status !== 'PENDING' && current.status !== 'UNKNOWN') return;
      writeRefundOutcome(db, refundId, outcome, at);
      if (outcome.status === 'UNKNOWN' && current.status === 'UNKNOWN') return;
      const details: JsonObject =
        outcome.status === 'DONE'
          ? { transactionKey: outcome.transactionKey, balanceAfter: outcome.balanceAfter }
          : { code: outcome.code, message: outcome.message };
      audit(ctx, who, ACTIONS[outcome.status], `refund:${refundId}`, {
        traceId: outcome.traceId ?? null,
        chargeId: current.chargeId,
        amount: current.amount,
        via: source,
        ...details,
        ...extra,
      });
    })();
  } catch (error) {
    ctx.log.error('refund outcome not recorded', { refundId, status: outcome.status, error });
    throw new BillingError(
      'LEDGER_WRITE_FAILED',
      '토스페이먼츠의 환불 결과를 장부에 기록하지 못했습니다. 결제 확인(대사)을 실행하면 다시 기록합니다.',
      { cause: error },
    );
  }
  const view = refundView(db, refundId);
  if (!view) throw new Error(`refund ${refundId} vanished`);
  ctx.log.info('refund outcome', {
    refundId,
    chargeId: view.chargeId,
    status: view.status,
    code: view.tossCode,
    traceId: view.tossTraceId,
    via: source,
  });
  return view;
}
