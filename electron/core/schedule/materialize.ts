import type { Ledger } from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import { firstChargeIndex, periodsBetween } from './periods.ts';
import type { Schedule } from './schedule-types.ts';

/** Periods due longer ago than this wait for a manager instead of being charged (issue 5, catch-up). */
export const DEFAULT_CATCH_UP_THRESHOLD_MS = 3 * 24 * 60 * 60 * 1_000;
/** Most periods one call writes: a run calls again while `more` is true. */
export const DEFAULT_MATERIALIZE_LIMIT = 1_000;

export interface MaterializeOptions {
  /** The instant the run is as of: periods due at or before it are written. */
  readonly now: Date;
  readonly catchUpThresholdMs?: number;
  /** At most this many periods per call (default 1,000). */
  readonly limit?: number;
  readonly log?: Logger;
}

export interface MaterializeResult {
  /** Periods written by this call, whatever their status. */
  readonly inserted: number;
  /** Of those, the ones written 'awaiting_confirmation' (the confirm catch-up queue). */
  readonly awaitingConfirmation: number;
  /** True when the limit was reached: call again for the rest. */
  readonly more: boolean;
  /** Subscriptions whose periods could not be computed (logged; their rows need fixing). */
  readonly failed: number;
}

interface SubscriptionTerms extends Schedule {
  readonly id: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly lastIndex: number | null;
}

const ACTIVE_SUBSCRIPTIONS_SQL = `
  SELECT s.id, s.amount, s.tax_free_amount AS taxFreeAmount, s.interval_unit AS intervalUnit,
    s.interval_count AS intervalCount, s.charge_time AS chargeTime, s.anchor_date AS anchorDate,
    s.start_date AS startDate, s.trial_end AS trialEnd, s.time_zone AS timeZone,
    (SELECT max(p.period_index) FROM subscription_periods AS p WHERE p.subscription_id = s.id) AS lastIndex
  FROM subscriptions AS s
  WHERE s.status = 'active'
  ORDER BY s.id`;

const INSERT_PERIOD_SQL = `
  INSERT OR IGNORE INTO subscription_periods (subscription_id, period_index, due_at, period_start,
    period_end, amount, tax_free_amount, status, created_at, updated_at)
  VALUES (@subscriptionId, @index, @dueAt, @start, @end, @amount, @taxFreeAmount, @status, @at, @at)`;

/**
 * Writes the periods of active subscriptions that have come due and are not in the ledger yet
 * (design.md invariant 6). Each period is computed from the anchor (periodsBetween) starting one
 * past the subscription's last recorded period, or at firstChargeIndex; it takes the
 * subscription's amount as it is now, so a price change applies to periods written after it.
 * A period due more than `catchUpThresholdMs` before `now` (missed while the PC was off) is
 * written 'awaiting_confirmation' for a manager; the others 'pending', for the runner.
 *
 * Idempotent: UNIQUE(subscription_id, period_index) and INSERT OR IGNORE mean a second call, or
 * one racing on another connection, writes nothing twice. One transaction per call, bounded by
 * `limit`. Paused, canceled, past_due and needs_card subscriptions get no periods here.
 */
export function materializeDuePeriods(ledger: Ledger, options: MaterializeOptions): MaterializeResult {
  const db = ledger.db;
  const nowMs = options.now.getTime();
  const threshold = options.catchUpThresholdMs ?? DEFAULT_CATCH_UP_THRESHOLD_MS;
  const limit = options.limit ?? DEFAULT_MATERIALIZE_LIMIT;
  if (!Number.isFinite(nowMs)) throw new RangeError('materializeDuePeriods: now is not a valid date');
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('materializeDuePeriods: bad limit');
  if (!(threshold >= 0)) throw new RangeError('materializeDuePeriods: bad catchUpThresholdMs');

  const insert = db.prepare(INSERT_PERIOD_SQL);
  let inserted = 0;
  let awaitingConfirmation = 0;
  let failed = 0;
  let more = false;

  db.transaction(() => {
    // Read inside the transaction, so the last indexes and the inserts see one state.
    const subscriptions = db.prepare(ACTIVE_SUBSCRIPTIONS_SQL).all() as SubscriptionTerms[];
    for (const sub of subscriptions) {
      const room = limit - inserted;
      if (room <= 0) {
        more = true;
        break;
      }
      let periods: ReturnType<typeof periodsBetween>;
      try {
        const fromIndex = Math.max(firstChargeIndex(sub), sub.lastIndex === null ? 0 : sub.lastIndex + 1);
        periods = periodsBetween(sub, { fromIndex, untilMs: nowMs, limit: Math.min(room, 10_000) });
      } catch (error) {
        // One subscription with terms that cannot be computed must not stop every other charge.
        failed++;
        options.log?.error('subscription periods not computed', { subscriptionId: sub.id, error });
        continue;
      }
      for (const period of periods) {
        const status = nowMs - period.dueAt > threshold ? 'awaiting_confirmation' : 'pending';
        const changes = insert.run({
          subscriptionId: sub.id,
          index: period.index,
          dueAt: period.dueAt,
          start: period.start,
          end: period.end,
          amount: sub.amount,
          taxFreeAmount: sub.taxFreeAmount,
          status,
          at: nowMs,
        }).changes;
        if (changes === 0) continue;
        inserted++;
        if (status === 'awaiting_confirmation') awaitingConfirmation++;
      }
      if (periods.length === room) more = true;
    }
  })();

  if (inserted > 0 || failed > 0) {
    options.log?.info('periods materialized', { inserted, awaitingConfirmation, failed, more });
  }
  return { inserted, awaitingConfirmation, more, failed };
}
