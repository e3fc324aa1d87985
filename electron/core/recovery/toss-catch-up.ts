import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/index.ts';
import type { Reconciler } from '../billing/index.ts';
import {
  attemptByOrderId,
  cardsOf,
  closeUnmatched,
  hasUnresolvedRefunds,
  insertRecoveredAttempt,
  insertRecoveredRefund,
  insertUnmatched,
  type Ledger,
  lowerBalance,
  markPeriodPaid,
  memberCustomerKeys,
  readSetting,
  transactionKeyRecorded,
  type UnmatchedReason,
  unchargedPeriodId,
  writeSetting,
} from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import type { Sealer } from '../secrets/index.ts';
import { ensureSystemOperator } from '../staff/index.ts';
import { listTransactionsInRange, type Payment, type TossClient, type Transaction } from '../toss/index.ts';
import { TOSS_CATCH_UP } from './restore-backup.ts';

export interface TossCatchUpDeps {
  readonly ledger: Ledger;
  readonly sealer: Sealer;
  readonly toss: Pick<TossClient, 'listTransactions' | 'getPayment'>;
  /** Run first, so attempts the backup left PENDING or UNKNOWN are settled as usual before comparing. */
  readonly reconciler: Pick<Reconciler, 'reconcile'>;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface TossCatchUpReport {
  readonly since: number;
  readonly recoveredCharges: number;
  readonly recoveredRefunds: number;
  /** Payments of ours Toss knows that could not be tied to a member or period: the "확인 필요" queue. */
  readonly needsReview: number;
}

/** The operator the recovered refunds name (refunds.operator_id is NOT NULL); nobody signs in as it. */
export const CATCH_UP_ACTOR = '토스 대조';
/** Transactions a little before the backup's time are compared too: the copy and Toss's clock differ. */
const MARGIN_MS = 10 * 60 * 1000;
const PERIOD_ORDER = /^s(\d+)p(\d+)a(\d+)_/;

/**
 * After a restore (design.md "Recovery"): reads Toss's transactions from the backup's time until
 * now and compares them with the ledger by orderId. A charge of ours the ledger does not know is
 * recorded as Toss has it (member by customerKey, card by masked number, amounts, paymentKey,
 * marked recovered), with its refunds; one that cannot be tied to a member, a card or a recorded
 * period waits in toss_unmatched. Nothing is sent to Toss but lookups, so nothing is charged again.
 * Runs only while the ledger carries the restore marker, and clears it when done; a run that fails
 * (Toss unreachable) leaves the marker for the next open. Running twice records nothing twice.
 */
export async function catchUpWithToss(deps: TossCatchUpDeps): Promise<TossCatchUpReport | null> {
  const db = deps.ledger.db;
  const marker = readSetting(db, TOSS_CATCH_UP);
  if (!marker || marker.doneAt !== null) return null;
  await deps.reconciler.reconcile();
  const until = deps.now();
  const transactions = await listTransactionsInRange(deps.toss, {
    // A PC clock set behind the backup's would make an empty (refused) window: start no later than now.
    from: new Date(Math.min(marker.since - MARGIN_MS, until.getTime())),
    to: new Date(until.getTime() + 60_000),
  });
  const members = membersByCustomerKey(db, deps.sealer);
  const report = { since: marker.since, recoveredCharges: 0, recoveredRefunds: 0, needsReview: 0 };
  const groups = byPayment(transactions);
  for (const [paymentKey, group] of groups) {
    const first = group[0] as Transaction;
    const attempt = attemptByOrderId(db, first.orderId);
    if (!attempt) {
      // Not a billing payment (a web shop on the same MID): not ours to record.
      if (first.customerKey === null) continue;
      const memberId = members.get(first.customerKey);
      const payment = await deps.toss.getPayment(paymentKey);
      if (
        payment.status !== 'DONE' &&
        payment.status !== 'CANCELED' &&
        payment.status !== 'PARTIAL_CANCELED'
      ) {
        continue;
      }
      const placed =
        memberId === undefined
          ? { unmatched: 'unknown_customer' as const }
          : placeCharge(db, memberId, payment);
      if ('unmatched' in placed) {
        if (recordUnmatched(db, group, placed.unmatched, until)) report.needsReview++;
        continue;
      }
      const id = recordCharge(db, deps, placed, payment, until);
      report.recoveredCharges++;
      report.recoveredRefunds += recordRefunds(db, deps, id, payment, until);
      continue;
    }
    if (attempt.status !== 'DONE') continue;
    const unknownCancels = group.some(
      (tx) => tx.status !== 'DONE' && !transactionKeyRecorded(db, tx.transactionKey),
    );
    if (!unknownCancels) continue;
    if (hasUnresolvedRefunds(db, attempt.id)) {
      report.needsReview++;
      continue;
    }
    report.recoveredRefunds += recordRefunds(
      db,
      deps,
      attempt.id,
      await deps.toss.getPayment(paymentKey),
      until,
    );
  }
  db.transaction(() => {
    writeSetting(db, TOSS_CATCH_UP, { ...marker, doneAt: until.getTime() }, until);
    appendAudit(
      db,
      { actor: CATCH_UP_ACTOR, action: 'recovery.toss_catch_up', subject: 'ledger', details: { ...report } },
      deps.now,
    );
  })();
  deps.log.info('toss catch-up after restore', { ...report });
  return report;
}

/** The transactions of each payment (its approval and cancels), in the order Toss listed them. */
function byPayment(transactions: readonly Transaction[]): Map<string, Transaction[]> {
  const groups = new Map<string, Transaction[]>();
  for (const tx of transactions) {
    const group = groups.get(tx.paymentKey);
    if (group) group.push(tx);
    else groups.set(tx.paymentKey, [tx]);
  }
  return groups;
}

function membersByCustomerKey(db: Database.Database, sealer: Sealer): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of memberCustomerKeys(db)) {
    try {
      map.set(sealer.open(row.customerKeySealed, `members.customer_key:${row.uid}`), row.id);
    } catch {
      // A row that does not open under this key cannot be matched; its payments go to review.
    }
  }
  return map;
}

interface Placement {
  readonly memberId: number;
  readonly cardId: number;
  readonly periodId: number | null;
  readonly attemptNo: number;
}

type Placed = Placement | { readonly unmatched: Exclude<UnmatchedReason, 'unknown_customer'> };

/** Which card and, for a scheduled order, which period of the member the payment belongs to. */
function placeCharge(db: Database.Database, memberId: number, payment: Payment): Placed {
  const cards = cardsOf(db, memberId);
  const card =
    cards.find((c) => c.maskedNumber === payment.card?.number) ??
    cards.find((c) => c.status === 'active') ??
    cards[0];
  if (!card) return { unmatched: 'no_card' };
  const period = PERIOD_ORDER.exec(payment.orderId);
  if (!period) return { memberId, cardId: card.id, periodId: null, attemptNo: 1 };
  const periodId = unchargedPeriodId(db, {
    subscriptionId: Number(period[1]),
    periodIndex: Number(period[2]),
    memberId,
  });
  // A period the backup had not written yet: the schedule will write it and charge it with this very
  // orderId, which Toss refuses as a duplicate and the reconciler then records. Until then, review.
  if (periodId === undefined) return { unmatched: 'unrecorded_period' };
  return { memberId, cardId: card.id, periodId, attemptNo: Number(period[3]) };
}

function epochOf(iso: string | null, fallback: Date): number {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(ms) ? ms : fallback.getTime();
}

function recordCharge(
  db: Database.Database,
  deps: TossCatchUpDeps,
  at: Placement,
  payment: Payment,
  now: Date,
): number {
  const approvedAt = epochOf(payment.approvedAt ?? payment.requestedAt, now);
  return db.transaction(() => {
    const id = insertRecoveredAttempt(db, {
      orderId: payment.orderId,
      idempotencyKey: `recovered_${payment.paymentKey}`.slice(0, 300),
      memberId: at.memberId,
      cardId: at.cardId,
      periodId: at.periodId,
      attemptNo: at.attemptNo,
      kind: at.periodId === null ? 'manual' : at.attemptNo > 1 ? 'retry' : 'scheduled',
      amount: payment.totalAmount,
      taxFreeAmount: payment.taxFreeAmount,
      orderName: payment.orderName.slice(0, 100) || '복원 후 확인된 결제',
      paymentKey: payment.paymentKey,
      approveNo: payment.card?.approveNo ?? null,
      suppliedAmount: payment.suppliedAmount,
      vat: payment.vat,
      receiptUrl: payment.receipt?.url ?? null,
      approvedAt,
      now: now.getTime(),
    });
    if (at.periodId !== null) {
      markPeriodPaid(db, at.periodId, now.getTime());
    }
    appendAudit(
      db,
      {
        actor: CATCH_UP_ACTOR,
        action: 'charge.recovered',
        subject: `charge_attempt:${id}`,
        details: { orderId: payment.orderId, amount: payment.totalAmount, memberId: at.memberId },
      },
      deps.now,
    );
    return id;
  })();
}

/** Records the payment's cancels the ledger does not know, oldest first; returns how many. */
function recordRefunds(
  db: Database.Database,
  deps: TossCatchUpDeps,
  chargeId: number,
  payment: Payment,
  now: Date,
): number {
  let operatorId: number | undefined;
  let balance = payment.totalAmount;
  let recorded = 0;
  for (const cancel of payment.cancels ?? []) {
    balance -= cancel.cancelAmount;
    if (cancel.cancelStatus !== 'DONE' || transactionKeyRecorded(db, cancel.transactionKey)) continue;
    operatorId ??= ensureSystemOperator(deps.ledger, CATCH_UP_ACTOR, deps.now);
    const refundedBy = operatorId;
    db.transaction(() => {
      const id = insertRecoveredRefund(db, {
        chargeId,
        idempotencyKey: `recovered_${cancel.transactionKey}`.slice(0, 300),
        amount: cancel.cancelAmount,
        taxFreeAmount: cancel.taxFreeAmount,
        reason: (cancel.cancelReason || '복원 후 확인된 환불').slice(0, 200),
        transactionKey: cancel.transactionKey,
        balanceAfter: Math.max(0, balance),
        operatorId: refundedBy,
        at: epochOf(cancel.canceledAt, now),
        now: now.getTime(),
      });
      // The charge is DONE (recorded so, or found so): its balance comes down to what Toss left.
      lowerBalance(db, chargeId, Math.max(0, balance), now.getTime());
      appendAudit(
        db,
        {
          actor: CATCH_UP_ACTOR,
          operatorId,
          action: 'refund.recovered',
          subject: `refund:${id}`,
          details: { chargeId, amount: cancel.cancelAmount, balanceAfter: Math.max(0, balance) },
        },
        deps.now,
      );
    })();
    recorded++;
  }
  return recorded;
}

/** Keeps each of the payment's transactions for a person; false when all were there already. */
function recordUnmatched(
  db: Database.Database,
  group: readonly Transaction[],
  reason: UnmatchedReason,
  now: Date,
): boolean {
  let added = 0;
  db.transaction(() => {
    for (const tx of group) if (insertUnmatched(db, tx, reason, now.getTime())) added++;
  })();
  return added > 0;
}

/**
 * A person closes an unmatched Toss payment with what they found (for example "walk-in card
 * payment on the same MID", or the member it belonged to, recorded by hand). Audited; the row is
 * kept, never deleted.
 */
export function resolveUnmatchedTossPayment(
  db: Database.Database,
  input: {
    readonly id: number;
    readonly reason: string;
    readonly actor: string;
    readonly operatorId?: number | null;
  },
  now: () => Date,
): boolean {
  const reason = input.reason.trim().slice(0, 200);
  if (reason === '') return false;
  return db.transaction(() => {
    if (!closeUnmatched(db, input.id, reason, now().getTime())) return false;
    appendAudit(
      db,
      {
        actor: input.actor,
        operatorId: input.operatorId ?? null,
        action: 'recovery.unmatched_resolved',
        subject: `toss_unmatched:${input.id}`,
        details: { reason },
      },
      now,
    );
    return true;
  })();
}
