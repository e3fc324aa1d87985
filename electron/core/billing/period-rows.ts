import type Database from 'better-sqlite3';
import {
  type ChargeablePeriod,
  type ChargingMemberRow,
  chargeablePeriod,
  chargingMember,
  markPeriodFailed,
  markPeriodPaid,
  statement,
} from '../ledger/index.ts';
import type { ChargeStatus } from './views.ts';

/**
 * Everything a scheduled charge's try is made from, in two reads (a due run makes thousands):
 * the period with its subscription and attempts so far (ledger's chargeablePeriod), then its member
 * (with the sealed customer key) and the member's active card (with the sealed billing key; nulls
 * without one).
 */
export type ChargeablePeriodRow = ChargeablePeriod & ChargingMemberRow;

export function chargeablePeriodRow(
  db: Database.Database,
  periodId: number,
  attemptNo: number,
): ChargeablePeriodRow | undefined {
  const period = chargeablePeriod(db, periodId, attemptNo);
  if (!period) return undefined;
  const member = chargingMember(db, period.memberId);
  // The subscription's member_id is a foreign key: the member is there.
  if (!member) throw new Error(`member ${period.memberId} of period ${periodId} is missing`);
  return { ...period, ...member };
}

/** The attempt of a period with this number, if one was ever written. */
export function periodAttemptId(
  db: Database.Database,
  periodId: number,
  attemptNo: number,
): number | undefined {
  return statement(db, 'SELECT id FROM charge_attempts WHERE subscription_period_id = ? AND attempt_no = ?')
    .pluck()
    .get(periodId, attemptNo) as number | undefined;
}

export interface NewPeriodAttempt {
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly memberId: number;
  readonly cardId: number;
  readonly periodId: number;
  readonly attemptNo: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly at: number;
}

/**
 * A scheduled (attempt 1) or retry (attempt 2+) attempt of a period, PENDING and marked sent
 * (sent_at = at: free to leave once committed). The caller commits it together with the period's
 * move to 'charging' and the audit row, before anything is sent, so after any crash sent_at still
 * means what it says (set: the request may have left; NULL: it never did).
 */
export function insertPeriodAttempt(db: Database.Database, attempt: NewPeriodAttempt): number {
  const result = statement(
    db,
    `INSERT INTO charge_attempts (order_id, idempotency_key, request_id, member_id, card_id,
         subscription_period_id, attempt_no, kind, amount, tax_free_amount, order_name, status,
         operator_id, created_at, sent_at, updated_at)
       VALUES (@orderId, @idempotencyKey, NULL, @memberId, @cardId, @periodId, @attemptNo,
         CASE WHEN @attemptNo = 1 THEN 'scheduled' ELSE 'retry' END, @amount, @taxFreeAmount,
         @orderName, 'PENDING', NULL, @at, @at, @at)`,
  ).run(attempt);
  return Number(result.lastInsertRowid);
}

/**
 * Makes an attempt's period (its periodId) follow the attempt's outcome, in the transaction that records it:
 * DONE → 'paid' (money was taken, so whatever the period said, it is paid now); DECLINED or
 * FAILED → 'failed', but only from 'charging' (a period another attempt has moved on is left).
 * UNKNOWN changes nothing: the period stays 'charging' until the reconciler knows. A manual
 * attempt has no period and nothing happens.
 */
export function followPeriodOutcome(
  db: Database.Database,
  periodId: number | null,
  status: ChargeStatus,
  at: number,
): void {
  if (status !== 'DONE' && status !== 'DECLINED' && status !== 'FAILED') return;
  if (periodId === null) return;
  if (status === 'DONE') markPeriodPaid(db, periodId, at);
  else markPeriodFailed(db, periodId, at);
}
