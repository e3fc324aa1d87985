import type Database from 'better-sqlite3';
import { periodsBetween } from './periods.ts';
import type { Period, Schedule } from './schedule-types.ts';

/**
 * Marks the periods of a subscription that were never charged ('pending', 'awaiting_confirmation')
 * 'skipped': a canceled subscription must not be charged later by the runner or a catch-up
 * approval. Periods already charging, paid or failed are left as they are. The caller runs it in
 * the transaction that cancels the subscription.
 */
export function skipOpenPeriods(db: Database.Database, subscriptionId: number, at: number): number {
  return db
    .prepare(
      `UPDATE subscription_periods SET status = 'skipped', updated_at = @at
       WHERE subscription_id = @subscriptionId AND status IN ('pending', 'awaiting_confirmation')`,
    )
    .run({ subscriptionId, at }).changes;
}

/** The highest period index written for the subscription, or null. */
export function lastPeriodIndex(db: Database.Database, subscriptionId: number): number | null {
  return db
    .prepare('SELECT max(period_index) FROM subscription_periods WHERE subscription_id = ?')
    .pluck()
    .get(subscriptionId) as number | null;
}

/** The named parameters of a subscription_periods insert (INSERT_SKIPPED_SQL, the materialiser's). */
export function periodRow(
  subscriptionId: number,
  period: Period,
  price: { readonly amount: number; readonly taxFreeAmount: number },
  status: string,
  at: number,
) {
  const { index, dueAt, start, end } = period;
  return {
    subscriptionId,
    index,
    dueAt,
    start,
    end,
    amount: price.amount,
    taxFreeAmount: price.taxFreeAmount,
    status,
    at,
  };
}

const INSERT_SKIPPED_SQL = `
  INSERT OR IGNORE INTO subscription_periods (subscription_id, period_index, due_at, period_start,
    period_end, amount, tax_free_amount, status, created_at, updated_at)
  VALUES (@subscriptionId, @index, @dueAt, @start, @end, @amount, @taxFreeAmount, @status, @at, @at)`;

/**
 * On resume: writes every period that came due while the subscription was not being materialised
 * (index past the last one written, dueAt ≤ now), so the materialiser, which starts one past the
 * last index, never charges them. Those due at or after `pausedAt` are 'skipped' (the member was
 * paused: nothing is owed); any due before it were missed by a runner that was not running when
 * the pause came, and go to the confirm catch-up queue ('awaiting_confirmation') for staff rather
 * than being charged or dropped silently. Returns how many of each were written.
 */
export function writePausedPeriods(
  db: Database.Database,
  sub: Schedule & { readonly id: number; readonly amount: number; readonly taxFreeAmount: number },
  options: { readonly pausedAt: number | undefined; readonly now: number },
): { skipped: number; awaitingConfirmation: number } {
  const insert = db.prepare(INSERT_SKIPPED_SQL);
  let skipped = 0;
  let awaitingConfirmation = 0;
  const last = lastPeriodIndex(db, sub.id);
  let fromIndex = last === null ? 0 : last + 1;
  // Bounded: 100 calls of 1,000 periods is far more than any real pause (daily for 270 years).
  for (let round = 0; round < 100; round++) {
    const periods = periodsBetween(sub, { fromIndex, untilMs: options.now, limit: 1_000 });
    for (const period of periods) {
      const status =
        options.pausedAt !== undefined && period.dueAt < options.pausedAt
          ? 'awaiting_confirmation'
          : 'skipped';
      const changes = insert.run(periodRow(sub.id, period, sub, status, options.now)).changes;
      if (changes === 0) continue;
      if (status === 'skipped') skipped++;
      else awaitingConfirmation++;
    }
    const lastWritten = periods.at(-1);
    if (!lastWritten || periods.length < 1_000) break;
    fromIndex = lastWritten.index + 1;
  }
  return { skipped, awaitingConfirmation };
}
