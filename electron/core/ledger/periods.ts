import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/**
 * The subscription_periods table: one row per period of a subscription once it is due (design.md
 * invariant 6), and the status its charge has reached. What is due, when a period waits for a
 * person and what consent releases are the schedule's rules; this module reads and writes the
 * rows. Dunning's reads of failed periods are in failed-periods.ts.
 */

export type PeriodStatus = 'pending' | 'awaiting_confirmation' | 'charging' | 'paid' | 'failed' | 'skipped';

/** The named parameters of a period's insert: the period, its price and the status it is written in. */
export interface NewPeriod {
  readonly subscriptionId: number;
  readonly index: number;
  readonly dueAt: number;
  readonly start: string;
  readonly end: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly status: PeriodStatus;
  /** Why an 'awaiting_confirmation' period waits: null is the catch-up queue, 'consent' a trial's paid period. */
  readonly hold: 'consent' | null;
  readonly at: number;
}

const INSERT_PERIOD_SQL = `
  INSERT OR IGNORE INTO subscription_periods (subscription_id, period_index, due_at, period_start,
    period_end, amount, tax_free_amount, status, hold, created_at, updated_at)
  VALUES (@subscriptionId, @index, @dueAt, @start, @end, @amount, @taxFreeAmount, @status, @hold, @at, @at)`;

/**
 * Writes the period unless the subscription has one with its index already (UNIQUE and INSERT OR
 * IGNORE: a second materialiser, or a resume racing one, writes nothing twice); true if written.
 */
export function insertPeriod(db: Database.Database, period: NewPeriod): boolean {
  return statement(db, INSERT_PERIOD_SQL).run(period).changes === 1;
}

/** The highest period index written for the subscription, or null. */
export function lastPeriodIndex(db: Database.Database, subscriptionId: number): number | null {
  return statement(db, 'SELECT max(period_index) FROM subscription_periods WHERE subscription_id = ?')
    .pluck()
    .get(subscriptionId) as number | null;
}

/** Whether a period with this index or a later one is written for the subscription. */
export function hasPeriodFrom(db: Database.Database, subscriptionId: number, index: number): boolean {
  return (
    statement(db, 'SELECT 1 FROM subscription_periods WHERE subscription_id = ? AND period_index >= ?')
      .pluck()
      .get(subscriptionId, index) !== undefined
  );
}

/**
 * Marks the subscription's periods that were never charged ('pending', 'awaiting_confirmation')
 * 'skipped'; answers how many. Periods already charging, paid or failed are left as they are.
 */
export function skipOpenPeriods(db: Database.Database, subscriptionId: number, at: number): number {
  return statement(
    db,
    `UPDATE subscription_periods SET status = 'skipped', updated_at = @at
     WHERE subscription_id = @subscriptionId AND status IN ('pending', 'awaiting_confirmation')`,
  ).run({ subscriptionId, at }).changes;
}

/** The earliest of the subscription's periods held for the member's consent, or null. */
export function firstConsentHeldPeriodId(db: Database.Database, subscriptionId: number): number | null {
  return statement(
    db,
    `SELECT min(id) FROM subscription_periods
     WHERE subscription_id = ? AND status = 'awaiting_confirmation' AND hold = 'consent'`,
  )
    .pluck()
    .get(subscriptionId) as number | null;
}

/** The subscription's periods held for consent become 'pending', for the next run to charge. */
export function releaseConsentHeldPeriods(db: Database.Database, subscriptionId: number, at: number): void {
  statement(
    db,
    `UPDATE subscription_periods SET status = 'pending', hold = NULL, updated_at = ?
     WHERE subscription_id = ? AND status = 'awaiting_confirmation' AND hold = 'consent'`,
  ).run(at, subscriptionId);
}

/** A period in (or once in) the confirm catch-up queue, with its subscription and member. */
export interface CatchUpPeriod {
  readonly periodId: number;
  readonly subscriptionId: number;
  readonly periodIndex: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  /** The amount written with the period (the price when it came due), in won. */
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** Epoch ms the charge was due. */
  readonly dueAt: number;
  readonly subscriptionStatus: string;
}

/** A CatchUpPeriod with the period's status and hold, to decide on it. */
export interface CatchUpPeriodRow extends CatchUpPeriod {
  readonly status: PeriodStatus;
  readonly hold: 'consent' | null;
}

const CATCH_UP_COLUMNS = `p.id AS periodId, p.subscription_id AS subscriptionId, p.period_index AS periodIndex,
  s.member_id AS memberId, m.name AS memberName, s.order_name AS orderName, p.amount,
  p.tax_free_amount AS taxFreeAmount, p.period_start AS periodStart, p.period_end AS periodEnd,
  p.due_at AS dueAt, s.status AS subscriptionStatus, p.status AS status, p.hold
  FROM subscription_periods AS p
  JOIN subscriptions AS s ON s.id = p.subscription_id
  JOIN members AS m ON m.id = s.member_id`;

/** The confirm catch-up queue (awaiting confirmation, not held for consent), oldest due first. */
export function catchUpPeriods(db: Database.Database): CatchUpPeriodRow[] {
  return statement(
    db,
    `SELECT ${CATCH_UP_COLUMNS} WHERE p.status = 'awaiting_confirmation' AND p.hold IS NULL ORDER BY p.due_at, p.id`,
  ).all() as CatchUpPeriodRow[];
}

export function findCatchUpPeriod(db: Database.Database, periodId: number): CatchUpPeriodRow | undefined {
  if (!Number.isSafeInteger(periodId)) return undefined;
  return statement(db, `SELECT ${CATCH_UP_COLUMNS} WHERE p.id = ?`).get(periodId) as
    | CatchUpPeriodRow
    | undefined;
}

/** A period awaiting confirmation becomes `to`; nothing happens to one in any other status. */
export function moveAwaitingPeriod(
  db: Database.Database,
  periodId: number,
  to: 'pending' | 'skipped',
  at: number,
): void {
  statement(
    db,
    `UPDATE subscription_periods SET status = ?, updated_at = ?
     WHERE id = ? AND status = 'awaiting_confirmation'`,
  ).run(to, at, periodId);
}

/** A pending period due by now: its amount, and whether its member has an active card. */
export interface PendingDuePeriod {
  readonly amount: number;
  readonly hasCard: 0 | 1;
}

/**
 * Periods already written and waiting to be charged by `now` (an approved catch-up, a run cut
 * short), of active subscriptions.
 */
export function pendingDuePeriods(db: Database.Database, now: number): PendingDuePeriod[] {
  return statement(
    db,
    `SELECT p.amount,
       EXISTS (SELECT 1 FROM cards AS c WHERE c.member_id = s.member_id AND c.status = 'active') AS hasCard
     FROM subscription_periods AS p JOIN subscriptions AS s ON s.id = p.subscription_id
     WHERE p.status = 'pending' AND p.due_at <= @now AND s.status = 'active'`,
  ).all({ now }) as PendingDuePeriod[];
}

/** A pending period's key in the runner's keyset paging. */
export interface DuePeriodKey {
  readonly id: number;
  readonly dueAt: number;
}

// Keyset paging over the partial index of pending periods: a period skipped in a run (no card)
// stays 'pending', and must not be read again and again before the ones after it.
const DUE_PERIOD_PAGE_SQL = `
  SELECT id, due_at AS dueAt FROM subscription_periods INDEXED BY subscription_periods_due
  WHERE status = 'pending' AND due_at <= @until
    AND (due_at > @afterDue OR (due_at = @afterDue AND id > @afterId))
  ORDER BY due_at, id
  LIMIT @limit`;

/** Pending periods due by `until`, after the cursor (due_at, id), earliest first: the runner's pages. */
export function duePeriodPage(
  db: Database.Database,
  page: {
    readonly until: number;
    readonly afterDue: number;
    readonly afterId: number;
    readonly limit: number;
  },
): DuePeriodKey[] {
  return statement(db, DUE_PERIOD_PAGE_SQL).all(page) as DuePeriodKey[];
}

/**
 * A period as its scheduled charge's try reads it: the period, its subscription, and its attempts
 * so far. The member and card are read by the charge (billing/period-charge.ts).
 */
export interface ChargeablePeriod {
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

// Scalar subqueries rather than joins: with the SQLite that better-sqlite3 bundles, each join costs
// a step 5–25 µs more than the same row read through a subquery (bench/PROFILING.md), and a due run
// reads this once per charge.
const CHARGEABLE_PERIOD_SQL = `
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

export function chargeablePeriod(
  db: Database.Database,
  periodId: number,
  attemptNo: number,
): ChargeablePeriod | undefined {
  return statement(db, CHARGEABLE_PERIOD_SQL).get({ periodId, attemptNo }) as ChargeablePeriod | undefined;
}

/**
 * The member's period of this subscription and index that has no attempt PENDING, UNKNOWN or DONE
 * (one a payment found at Toss may be recorded against), or undefined.
 */
export function unchargedPeriodId(
  db: Database.Database,
  period: { readonly subscriptionId: number; readonly periodIndex: number; readonly memberId: number },
): number | undefined {
  return statement(
    db,
    `SELECT p.id FROM subscription_periods AS p JOIN subscriptions AS s ON s.id = p.subscription_id
     WHERE p.subscription_id = ? AND p.period_index = ? AND s.member_id = ?
       AND NOT EXISTS (SELECT 1 FROM charge_attempts AS c WHERE c.subscription_period_id = p.id
                       AND c.status IN ('PENDING', 'UNKNOWN', 'DONE'))`,
  )
    .pluck()
    .get(period.subscriptionId, period.periodIndex, period.memberId) as number | undefined;
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

/** Money was taken for the period: it is paid, whatever it said. */
export function markPeriodPaid(db: Database.Database, periodId: number, at: number): void {
  statement(
    db,
    "UPDATE subscription_periods SET status = 'paid', updated_at = @at WHERE id = @periodId AND status <> 'paid'",
  ).run({ periodId, at });
}

/** The period's charge failed: 'failed', but only from 'charging' (one another attempt moved on is left). */
export function markPeriodFailed(db: Database.Database, periodId: number, at: number): void {
  statement(
    db,
    "UPDATE subscription_periods SET status = 'failed', updated_at = @at WHERE id = @periodId AND status = 'charging'",
  ).run({ periodId, at });
}
