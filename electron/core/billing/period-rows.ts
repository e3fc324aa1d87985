import type Database from 'better-sqlite3';
import { statement } from '../ledger/index.ts';
import type { ChargeStatus } from './views.ts';

/**
 * Everything a scheduled charge's try is made from, in two reads (a due run makes thousands):
 * the period, its subscription and member (with the sealed customer key), the member's active card
 * (with the sealed billing key; nulls without one), and the period's attempts so far.
 */
export interface ChargeablePeriodRow {
  readonly periodId: number;
  readonly periodIndex: number;
  readonly periodStatus: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly subscriptionId: number;
  readonly subscriptionStatus: string;
  readonly orderName: string;
  readonly memberId: number;
  readonly memberUid: string;
  readonly memberStatus: string;
  readonly memberName: string;
  readonly memberEmail: string | null;
  readonly customerKeySealed: Buffer;
  readonly cardId: number | null;
  readonly cardUid: string | null;
  readonly billingKeySealed: Buffer | null;
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

const MEMBER_SQL = `
  SELECT m.uid AS memberUid, m.status AS memberStatus, m.name AS memberName, m.email AS memberEmail,
    m.customer_key_sealed AS customerKeySealed,
    (SELECT id FROM cards WHERE member_id = m.id AND status = 'active') AS cardId,
    (SELECT uid FROM cards WHERE member_id = m.id AND status = 'active') AS cardUid,
    (SELECT billing_key_sealed FROM cards WHERE member_id = m.id AND status = 'active') AS billingKeySealed
  FROM members AS m WHERE m.id = ?`;

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
  const member = statement(db, MEMBER_SQL).get(period.memberId) as
    | Omit<ChargeablePeriodRow, keyof PeriodPart>
    | undefined;
  // The subscription's member_id is a foreign key: the member is there.
  if (!member) throw new Error(`member ${period.memberId} of period ${periodId} is missing`);
  return { ...period, ...member };
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
