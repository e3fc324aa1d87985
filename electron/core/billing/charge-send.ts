import type { JsonObject } from '../audit/index.ts';
import { type AttemptRow, attemptRow, cardRow, chargeView, writeOutcome } from '../ledger/index.ts';
import type { BillingKeyRef, ChargeBillingKeyRequest } from '../toss/index.ts';
import { type Actor, audit } from './audit.ts';
import { BillingError } from './billing-error.ts';
import { type ChargeOutcome, outcomeOfError, outcomeOfPayment } from './charge-outcome.ts';
import type { BillingContext } from './deps.ts';
import type { GroupCommit } from './group-commit.ts';
import { memberOrThrow } from './member-lookup.ts';
import { followPeriodOutcome } from './period-charge.ts';
import { openBillingKey, openCustomerKey } from './sealed-keys.ts';
import type { ChargeView } from './views.ts';

/** How an outcome was learned, for the audit row and the reconciliation report. */
export type OutcomeSource = 'charge' | 'lookup' | 'resend' | 'staff';

/**
 * The key of an attempt's request. The card is the one the attempt was written with, even if it
 * has been replaced since: a resend must be the same request (invariant 4); if that key has been
 * deleted, Toss refuses it and nothing is charged.
 */
export function chargeKeyFor(ctx: BillingContext, memberId: number, cardId: number): BillingKeyRef {
  const db = ctx.ledger.db;
  const member = memberOrThrow(db, memberId);
  const card = cardRow(db, cardId);
  if (!card) throw new Error(`card ${cardId} is missing`);
  return openChargeKey(ctx, {
    memberUid: member.uid,
    customerKeySealed: member.customerKeySealed,
    cardUid: card.uid,
    billingKeySealed: card.billingKeySealed,
  });
}

/** The sealed keys of a charge and the rows they are bound to (sealed-keys.ts). */
export interface SealedChargeKey {
  readonly memberUid: string;
  readonly customerKeySealed: Buffer;
  readonly cardUid: string;
  readonly billingKeySealed: Buffer;
}

/** chargeKeyFor with the rows already read (a scheduled charge reads them with its period). */
export function openChargeKey(ctx: BillingContext, sealed: SealedChargeKey): BillingKeyRef {
  return {
    billingKey: openBillingKey(ctx, sealed.cardUid, sealed.billingKeySealed),
    customerKey: openCustomerKey(ctx, sealed.memberUid, sealed.customerKeySealed),
  };
}

/** The body of an attempt's request, from its committed row (and the member's receipt details). */
export function chargeBodyFor(ctx: BillingContext, attempt: AttemptRow): ChargeBillingKeyRequest {
  return chargeBody(attempt, memberOrThrow(ctx.ledger.db, attempt.memberId));
}

/** chargeBodyFor with the member already read. */
export function chargeBody(
  attempt: AttemptRow,
  member: { readonly name: string; readonly email: string | null },
): ChargeBillingKeyRequest {
  return {
    amount: attempt.amount,
    orderId: attempt.orderId,
    orderName: attempt.orderName,
    // Toss e-mails its receipt to this address; the name shows on Toss's side of the payment.
    customerName: member.name,
    ...(member.email === null ? {} : { customerEmail: member.email }),
    ...(attempt.taxFreeAmount > 0 ? { taxFreeAmount: attempt.taxFreeAmount } : {}),
  };
}

/** Sends (or resends) the attempt's request under its own Idempotency-Key and reads the answer. */
export async function sendCharge(
  ctx: BillingContext,
  attempt: AttemptRow,
  request: { key: BillingKeyRef; body: ChargeBillingKeyRequest },
): Promise<ChargeOutcome> {
  let traceId: string | null = null;
  try {
    const payment = await ctx.toss.chargeBillingKey(request.key, request.body, {
      idempotencyKey: attempt.idempotencyKey,
      onTraceId: (id) => {
        traceId = id;
      },
    });
    return outcomeOfPayment(payment, attempt, traceId);
  } catch (error) {
    return outcomeOfError(error);
  }
}

const ACTIONS = {
  DONE: 'charge.done',
  DECLINED: 'charge.declined',
  FAILED: 'charge.failed',
  UNKNOWN: 'charge.unknown',
} as const;

/**
 * Writes an outcome onto an unresolved attempt with its audit row, in one transaction, and
 * returns the attempt as it now stands. An attempt resolved meanwhile is left as it is. If the
 * write fails after Toss answered, the attempt stays PENDING or UNKNOWN, which is what the
 * reconciler looks for: the payment is found again by its orderId.
 */
export function recordChargeOutcome(
  ctx: BillingContext,
  attemptId: number,
  outcome: ChargeOutcome,
  who: Actor,
  source: OutcomeSource,
  extra: JsonObject = {},
): ChargeView {
  try {
    ctx.ledger.db.transaction(() => writeChargeOutcome(ctx, attemptId, outcome, who, source, extra))();
  } catch (error) {
    throw notRecorded(ctx, attemptId, outcome, error);
  }
  return recordedView(ctx, attemptId, source);
}

/**
 * recordChargeOutcome for the scheduled path: the outcome shares its transaction with other
 * writes (group-commit.ts; lazily, since no request waits for it), and the returned promise
 * settles after that commit, so an outcome is still on disk before anyone counts or reports it.
 */
export async function recordChargeOutcomeGrouped(
  ctx: BillingContext,
  group: GroupCommit,
  attemptId: number,
  outcome: ChargeOutcome,
  who: Actor,
  source: OutcomeSource,
): Promise<ChargeView> {
  try {
    await group.runLazily(() => writeChargeOutcome(ctx, attemptId, outcome, who, source, {}));
  } catch (error) {
    throw notRecorded(ctx, attemptId, outcome, error);
  }
  return recordedView(ctx, attemptId, source);
}

/** The rows of an outcome, inside the caller's transaction. */
function writeChargeOutcome(
  ctx: BillingContext,
  attemptId: number,
  outcome: ChargeOutcome,
  who: Actor,
  source: OutcomeSource,
  extra: JsonObject,
): void {
  const db = ctx.ledger.db;
  const current = attemptRow(db, attemptId);
  if (!current || (current.status !== 'PENDING' && current.status !== 'UNKNOWN')) return;
  const at = ctx.now().getTime();
  writeOutcome(db, attemptId, outcome, at);
  // A scheduled attempt's period follows it in the same transaction, whichever path learned
  // the outcome (the charge itself, the reconciler, staff), so the two never disagree.
  followPeriodOutcome(db, current.periodId, outcome.status, at);
  // UNKNOWN again after UNKNOWN is no news: only changes of state are audited.
  if (outcome.status === 'UNKNOWN' && current.status === 'UNKNOWN') return;
  const details: JsonObject =
    outcome.status === 'DONE'
      ? {
          paymentKey: outcome.paymentKey,
          approveNo: outcome.approveNo,
          balanceAmount: outcome.balanceAmount,
          traceId: outcome.traceId ?? null,
        }
      : { code: outcome.code, message: outcome.message, traceId: outcome.traceId ?? null };
  audit(ctx, who, ACTIONS[outcome.status], `charge_attempt:${attemptId}`, {
    orderId: current.orderId,
    amount: current.amount,
    via: source,
    ...details,
    ...extra,
  });
}

function notRecorded(ctx: BillingContext, attemptId: number, outcome: ChargeOutcome, error: unknown) {
  ctx.log.error('charge outcome not recorded', { chargeId: attemptId, status: outcome.status, error });
  return new BillingError(
    'LEDGER_WRITE_FAILED',
    '토스페이먼츠의 결제 결과를 장부에 기록하지 못했습니다. 결제 확인(대사)을 실행하면 다시 기록합니다.',
    { cause: error },
  );
}

function recordedView(ctx: BillingContext, attemptId: number, source: OutcomeSource): ChargeView {
  const view = chargeView(ctx.ledger.db, attemptId);
  if (!view) throw new Error(`charge attempt ${attemptId} vanished`);
  ctx.log.info('charge outcome', {
    chargeId: attemptId,
    orderId: view.orderId,
    status: view.status,
    code: view.tossCode,
    traceId: view.tossTraceId,
    via: source,
  });
  return view;
}
