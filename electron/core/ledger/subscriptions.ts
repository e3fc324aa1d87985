import type Database from 'better-sqlite3';
import type { Schedule } from './schedule-columns.ts';
import { statement } from './statement.ts';

/**
 * The subscriptions table: a member's recurring charge, with the terms copied from its plan (or
 * its own), its schedule and its status. The schedule decides what a status change means
 * (schedule/subscriptions.ts); this module reads and writes the rows.
 */

export type SubscriptionStatus = 'active' | 'paused' | 'canceled' | 'past_due' | 'needs_card';

/** One subscription as stored (cancel_at_period_end is 0 or 1). */
export interface SubscriptionRow extends Schedule {
  readonly id: number;
  readonly memberId: number;
  readonly planId: number | null;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly status: SubscriptionStatus;
  readonly cancelAtPeriodEnd: 0 | 1;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface NewSubscription extends Schedule {
  readonly memberId: number;
  readonly planId: number | null;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly at: number;
}

const COLUMNS = `id, member_id AS memberId, plan_id AS planId, amount, tax_free_amount AS taxFreeAmount,
  order_name AS orderName, interval_unit AS intervalUnit, interval_count AS intervalCount,
  charge_time AS chargeTime, anchor_date AS anchorDate, start_date AS startDate, trial_end AS trialEnd,
  status, cancel_at_period_end AS cancelAtPeriodEnd, time_zone AS timeZone, created_at AS createdAt,
  updated_at AS updatedAt`;

export function findSubscription(db: Database.Database, id: number): SubscriptionRow | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  return statement(db, `SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`).get(id) as
    | SubscriptionRow
    | undefined;
}

/** Subscriptions by id, of one member and/or in one status when given. */
export function listSubscriptions(
  db: Database.Database,
  filter: { readonly memberId?: number; readonly status?: SubscriptionStatus },
): SubscriptionRow[] {
  return statement(
    db,
    `SELECT ${COLUMNS} FROM subscriptions
     WHERE (@memberId IS NULL OR member_id = @memberId) AND (@status IS NULL OR status = @status)
     ORDER BY id`,
  ).all({ memberId: filter.memberId ?? null, status: filter.status ?? null }) as SubscriptionRow[];
}

/** Writes a new active subscription; answers its id. */
export function insertSubscription(db: Database.Database, row: NewSubscription): number {
  const inserted = statement(
    db,
    `INSERT INTO subscriptions (member_id, plan_id, amount, tax_free_amount, order_name, interval_unit,
       interval_count, charge_time, anchor_date, start_date, trial_end, time_zone, created_at, updated_at)
     VALUES (@memberId, @planId, @amount, @taxFreeAmount, @orderName, @intervalUnit, @intervalCount,
       @chargeTime, @anchorDate, @startDate, @trialEnd, @timeZone, @at, @at)`,
  ).run(row);
  return Number(inserted.lastInsertRowid);
}

/** Sets the status, whatever it was (the caller checked it in the same transaction). */
export function setSubscriptionStatus(
  db: Database.Database,
  id: number,
  status: SubscriptionStatus,
  at: number,
): void {
  statement(db, 'UPDATE subscriptions SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
}

/** Moves the status `from` → `to`; false when it was no longer `from`. */
export function moveSubscriptionStatus(
  db: Database.Database,
  move: {
    readonly id: number;
    readonly from: SubscriptionStatus;
    readonly to: SubscriptionStatus;
    readonly at: number;
  },
): boolean {
  return (
    statement(
      db,
      'UPDATE subscriptions SET status = @to, updated_at = @at WHERE id = @id AND status = @from',
    ).run(move).changes === 1
  );
}

/** Ends a subscription that was set to end with its period (any status but canceled). */
export function endSubscription(db: Database.Database, id: number, at: number): void {
  statement(
    db,
    "UPDATE subscriptions SET status = 'canceled', updated_at = @at WHERE id = @id AND status <> 'canceled'",
  ).run({ id, at });
}

/** Marks the subscription to end when its current period ends. */
export function flagCancelAtPeriodEnd(db: Database.Database, id: number, at: number): void {
  statement(db, 'UPDATE subscriptions SET cancel_at_period_end = 1, updated_at = ? WHERE id = ?').run(at, id);
}

/** The subscription's price from the next period written; periods already written keep theirs. */
export function setSubscriptionPrice(
  db: Database.Database,
  id: number,
  price: { readonly amount: number; readonly taxFreeAmount: number },
  at: number,
): void {
  statement(db, 'UPDATE subscriptions SET amount = ?, tax_free_amount = ?, updated_at = ? WHERE id = ?').run(
    price.amount,
    price.taxFreeAmount,
    at,
    id,
  );
}

/** When the materialiser next has work for the subscription (next-due-schema.ts). */
export function setNextDueAt(db: Database.Database, id: number, nextDueAt: number): void {
  statement(db, 'UPDATE subscriptions SET next_due_at = ? WHERE id = ?').run(nextDueAt, id);
}

/** Every subscription not canceled counts its coming periods in `timeZone`; answers how many moved. */
export function moveSubscriptionsToTimeZone(db: Database.Database, timeZone: string, at: number): number {
  return statement(
    db,
    `UPDATE subscriptions SET time_zone = @timeZone, updated_at = @at
     WHERE status <> 'canceled' AND time_zone <> @timeZone`,
  ).run({ timeZone, at }).changes;
}

/**
 * Active, paused, past due or needs-card subscriptions of a plan still at its price (one priced on
 * its own keeps its price), or at an older price with a raise to it waiting for consent.
 */
export function subscriptionsAtPlanPrice(
  db: Database.Database,
  plan: { readonly id: number; readonly amount: number; readonly taxFreeAmount: number },
): number[] {
  return statement(
    db,
    `SELECT id FROM subscriptions
     WHERE plan_id = @id AND status IN ('active', 'paused', 'past_due', 'needs_card')
       AND ((amount = @amount AND tax_free_amount = @taxFreeAmount)
         -- still at an older price, with a raise to the plan's old price waiting for consent
         OR EXISTS (SELECT 1 FROM price_changes AS pc
           WHERE pc.subscription_id = subscriptions.id AND pc.status IN ('pending', 'consented')
             AND pc.amount = @amount AND pc.tax_free_amount = @taxFreeAmount))
     ORDER BY id`,
  )
    .pluck()
    .all({ id: plan.id, amount: plan.amount, taxFreeAmount: plan.taxFreeAmount }) as number[];
}

/** Active subscriptions with a trial (trial_end after the start), of one member when given, by id. */
export function activeTrialIds(db: Database.Database, memberId: number | null): number[] {
  return statement(
    db,
    `SELECT id FROM subscriptions
     WHERE status = 'active' AND trial_end IS NOT NULL AND trial_end > start_date
       AND (@memberId IS NULL OR member_id = @memberId)
     ORDER BY id`,
  )
    .pluck()
    .all({ memberId }) as number[];
}

/** Subscriptions not canceled without a consent to them on record, by member name. */
export function unconsentedSubscriptionIds(db: Database.Database): number[] {
  return statement(
    db,
    `SELECT s.id FROM subscriptions AS s JOIN members AS m ON m.id = s.member_id
     WHERE s.status <> 'canceled'
       AND NOT EXISTS (SELECT 1 FROM consents AS c WHERE c.subscription_id = s.id AND c.kind = 'subscription')
     ORDER BY m.name, s.id`,
  )
    .pluck()
    .all() as number[];
}

/** The home screen's count: subscriptions waiting for a new card or past due after the last retry. */
export function subscriptionsNeedingAction(db: Database.Database): number {
  return statement(db, "SELECT count(*) FROM subscriptions WHERE status IN ('past_due', 'needs_card')")
    .pluck()
    .get() as number;
}

/**
 * What consent does to a subscription's periods (design.md invariant 12, issue 20), read with it
 * by the materializer that writes them and by the "지금 결제 실행" preview that must say the same:
 * a raise the member consented to, and a trial's latest consent to paid charges. The rules that
 * use them are the schedule's (schedule/consent-periods.ts).
 */
export interface ConsentState {
  /** A raise the member consented to (price_changes 'consented'), or nulls. */
  readonly changeId: number | null;
  readonly changeAmount: number | null;
  readonly changeTaxFreeAmount: number | null;
  readonly changeFrom: string | null;
  readonly changeConsentAt: number | null;
  /** With a trial only: the latest consent to paid charges (signup or trial notice). */
  readonly paidConsentAt: number | null;
}

/** The ConsentState columns, for a query over `subscriptions AS s` with CONSENT_JOINS. */
const CONSENT_COLUMNS = `pc.id AS changeId, pc.amount AS changeAmount,
    pc.tax_free_amount AS changeTaxFreeAmount, pc.effective_from AS changeFrom,
    pcc.recorded_at AS changeConsentAt,
    CASE WHEN s.trial_end IS NULL OR s.trial_end <= s.start_date THEN NULL ELSE
      (SELECT max(c.recorded_at) FROM consents AS c
       WHERE c.subscription_id = s.id AND c.kind IN ('subscription', 'trial-conversion')) END AS paidConsentAt`;

/** The open raise (at most one, price_changes_one_open), only once consented. */
const CONSENT_JOINS = `
  LEFT JOIN price_changes AS pc ON pc.subscription_id = s.id AND pc.status IN ('pending', 'consented')
    AND pc.consent_id IS NOT NULL
  LEFT JOIN consents AS pcc ON pcc.id = pc.consent_id`;

/** A subscription with a period due, as the materialiser reads it (DUE_SUBSCRIPTIONS_SQL). */
export interface DueSubscription extends Schedule, ConsentState {
  readonly id: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly lastIndex: number | null;
  readonly status: SubscriptionStatus;
  readonly cancelAtPeriodEnd: 0 | 1;
  readonly updatedAt: number;
  readonly nextDueAt: number;
}

// Only subscriptions with a period due (next_due_at, next-due-schema.ts), through the partial index
// whose WHERE clause this one repeats; read in pages ordered like the index, so a call that stops
// at its limit has not read the rest. Exported for the query-plan test, which keeps it so.
export const DUE_SUBSCRIPTIONS_SQL = `
  SELECT s.id, s.amount, s.tax_free_amount AS taxFreeAmount, s.interval_unit AS intervalUnit,
    s.interval_count AS intervalCount, s.charge_time AS chargeTime, s.anchor_date AS anchorDate,
    s.start_date AS startDate, s.trial_end AS trialEnd, s.time_zone AS timeZone,
    s.status, s.cancel_at_period_end AS cancelAtPeriodEnd, s.updated_at AS updatedAt,
    s.next_due_at AS nextDueAt,
    (SELECT max(p.period_index) FROM subscription_periods AS p WHERE p.subscription_id = s.id) AS lastIndex,
    ${CONSENT_COLUMNS}
  FROM subscriptions AS s ${CONSENT_JOINS}
  WHERE (s.status = 'active' OR (s.cancel_at_period_end = 1 AND s.status <> 'canceled'))
    AND s.next_due_at <= @now AND (s.next_due_at > @afterDue OR (s.next_due_at = @afterDue AND s.id > @afterId))
  ORDER BY s.next_due_at, s.id
  LIMIT @page`;

/**
 * One page of the subscriptions the materialiser has work for at `now` (active, or ending with
 * their period), after the cursor (next_due_at, id), in that order.
 */
export function dueSubscriptionsPage(
  db: Database.Database,
  page: { readonly now: number; readonly afterDue: number; readonly afterId: number; readonly page: number },
): DueSubscription[] {
  return statement(db, DUE_SUBSCRIPTIONS_SQL).all(page) as DueSubscription[];
}

/** An active subscription of an active member as a run would charge it (runnableSubscriptions). */
export interface RunnableSubscription extends Schedule, ConsentState {
  readonly id: number;
  readonly amount: number;
  readonly lastIndex: number | null;
  /** Whether the member has an active card. */
  readonly hasCard: 0 | 1;
}

// Like the runner: active subscriptions of active members (those set to end with their period are
// charged only up to it, so the preview leaves their new periods out rather than overcount).
const RUNNABLE_SQL = `
  SELECT s.id, s.amount, s.interval_unit AS intervalUnit, s.interval_count AS intervalCount,
    s.charge_time AS chargeTime, s.anchor_date AS anchorDate, s.start_date AS startDate,
    s.trial_end AS trialEnd, s.time_zone AS timeZone,
    (SELECT max(p.period_index) FROM subscription_periods AS p WHERE p.subscription_id = s.id) AS lastIndex,
    EXISTS (SELECT 1 FROM cards AS c WHERE c.member_id = s.member_id AND c.status = 'active') AS hasCard,
    ${CONSENT_COLUMNS}
  FROM subscriptions AS s JOIN members AS m ON m.id = s.member_id ${CONSENT_JOINS}
  WHERE s.status = 'active' AND s.cancel_at_period_end = 0 AND m.status = 'active'
  ORDER BY s.id`;

/** Active subscriptions of active members not set to end, by id: what "지금 결제 실행" previews. */
export function runnableSubscriptions(db: Database.Database): RunnableSubscription[] {
  return statement(db, RUNNABLE_SQL).all() as RunnableSubscription[];
}

/** An active subscription with its member's name and active card, as the upcoming preview reads it. */
export interface ScheduledSubscription extends Schedule {
  readonly id: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  readonly amount: number;
  readonly lastIndex: number | null;
  readonly hasCard: 0 | 1;
  readonly cardId: number | null;
  readonly maskedNumber: string | null;
  readonly expiryMonth: number | null;
  readonly expiryYear: number | null;
  /** A raise the member consented to, which the materialiser will apply (schedule/materialize.ts). */
  readonly raisedAmount: number | null;
  readonly raisedFrom: string | null;
  readonly raiseConsentAt: number | null;
}

// Subscriptions set to end with their current period are left out: their next period is never
// charged (schedule/subscriptions.ts, cancelAtPeriodEnd). Archived members' subscriptions are left
// out too: the runner refuses to charge them. hasCard is the join's own answer (a member has at
// most one active card, cards_one_active_per_member), not a second look at cards.
const SCHEDULED_SQL = `
  SELECT s.id, s.member_id AS memberId, m.name AS memberName, s.order_name AS orderName, s.amount,
    s.interval_unit AS intervalUnit, s.interval_count AS intervalCount, s.charge_time AS chargeTime,
    s.anchor_date AS anchorDate, s.start_date AS startDate, s.trial_end AS trialEnd, s.time_zone AS timeZone,
    (SELECT max(p.period_index) FROM subscription_periods AS p WHERE p.subscription_id = s.id) AS lastIndex,
    k.id IS NOT NULL AS hasCard, k.id AS cardId, k.masked_number AS maskedNumber,
    k.expiry_month AS expiryMonth, k.expiry_year AS expiryYear,
    pc.amount AS raisedAmount, pc.effective_from AS raisedFrom, pcc.recorded_at AS raiseConsentAt
  FROM subscriptions AS s JOIN members AS m ON m.id = s.member_id
  LEFT JOIN cards AS k ON k.member_id = s.member_id AND k.status = 'active' ${CONSENT_JOINS}
  WHERE s.status = 'active' AND s.cancel_at_period_end = 0 AND m.status = 'active'
    AND (@memberId IS NULL OR s.member_id = @memberId)
  ORDER BY s.id`;

/** Active subscriptions not set to end, of active members (one member's when given), by id. */
export function scheduledSubscriptions(
  db: Database.Database,
  memberId: number | null,
): ScheduledSubscription[] {
  return statement(db, SCHEDULED_SQL).all({ memberId }) as ScheduledSubscription[];
}
