import type Database from 'better-sqlite3';
import { type ChargingMemberRow, chargingMember, statement } from '../ledger/index.ts';
import type { ChargeStatus } from './views.ts';

/**
 * Everything a scheduled charge's try is made from, in two reads (a due run makes thousands):
 * the period, its subscription and member (with the sealed customer key), the member's active card
 * (with the sealed billing key; nulls without one), and the period's attempts so far.
 */
export interface ChargeablePeriodRow extends ChargingMemberRow {
  readonly periodId: number;
  readonly periodIndex: number;
  readonly periodStatus: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly subscriptionId: number;
  readonly subscriptionStatus: string;
  readonly orderName: string;
  readonly memberId: number;
  /** The highest attempt number of the period (0: none yet). */
  readonly lastAttemptNo: number;
  /** Its attempts that are PENDING, UNKNOWN or DONE. */
  readonly liveAttempts: number;
  /** The attempt numbered like the try asked for, if it was ever written. */
  readonly writtenAttemptId: number | null;
}

// Two statements of scalar subqueries rather than one of joins: with the SQLite that
// better-sqlite3 bundles, each join costs a step 5–25 µs more than the same row read through a
// subquery (bench/PROFILING.md), and a due run reads this once per charge.
const PERIOD_SQL = `
  SELECT p.id AS periodId, p.period_index AS periodIndex, p.status AS periodStatus, p.amount,
    p.tax_free_amount AS taxFreeAmount, p.subscription_id AS subscriptionId,
    (SELECT status FROM subscriptions WHERE id = p.subscription_id) AS subscriptionStatus,
    (SELECT order_name FROM subscriptions WHERE id = p.subscription_id) AS orderName,
    (SELECT member_id FROM subscriptions WHERE id = p.subscription_id) AS memberId,
    (SELECT coalesce(max(attempt_no), 0) FROM charge_attempts WHERE subscription_period_id = p.id)
      AS lastAttemptNo,
    (SELECT coalesce(sum(status IN ('PENDING', 'UNKNOWN', 'DONE')), 0) FROM charge_attempts
      WHERE subscription_period_id = p.id) AS liveAttempts,
    (SELECT id FROM charge_attempts WHERE subscription_period_id = p.id AND attempt_no = @attemptNo)
      AS writtenAttemptId
  FROM subscription_periods AS p WHERE p.id = @periodId`;

type PeriodPart = Pick<
  ChargeablePeriodRow,
  | 'periodId'
  | 'periodIndex'
  | 'periodStatus'
  | 'amount'
  | 'taxFreeAmount'
  | 'subscriptionId'
  | 'subscriptionStatus'
  | 'orderName'
  | 'memberId'
  | 'lastAttemptNo'
  | 'liveAttempts'
  | 'writtenAttemptId'
>;

export function chargeablePeriodRow(
  db: Database.Database,
  periodId: number,
  attemptNo: number,
): ChargeablePeriodRow | undefined {
  const period = statement(db, PERIOD_SQL).get({ periodId, attemptNo }) as PeriodPart | undefined;
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

/** Moves a period to 'charging' from the status its attempt may start from; false if it was not there. */
export function markPeriodCharging(
  db: Database.Database,
  periodId: number,
  from: string,
  at: number,
): boolean {
  return (
    statement(
      db,
      "UPDATE subscription_periods SET status = 'charging', updated_at = @at WHERE id = @periodId AND status = @from",
    ).run({ periodId, from, at }).changes === 1
  );
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
  if (status === 'DONE') {
    statement(
      db,
      "UPDATE subscription_periods SET status = 'paid', updated_at = @at WHERE id = @periodId AND status <> 'paid'",
    ).run({ periodId, at });
  } else {
    statement(
      db,
      "UPDATE subscription_periods SET status = 'failed', updated_at = @at WHERE id = @periodId AND status = 'charging'",
    ).run({ periodId, at });
  }
}
