import type Database from 'better-sqlite3';
import { insertPeriod, lastPeriodIndex, type NewPeriod, type PeriodStatus } from '../ledger/index.ts';
import { periodsBetween } from './periods.ts';
import type { Period, Schedule } from './schedule-types.ts';

/** The row of a period to write (insertPeriod): the period, its price, its status and hold. */
export function periodRow(
  subscriptionId: number,
  period: Period,
  price: { readonly amount: number; readonly taxFreeAmount: number },
  status: PeriodStatus,
  at: number,
  hold: NewPeriod['hold'] = null,
): NewPeriod {
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
    hold,
    at,
  };
}

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
      if (!insertPeriod(db, periodRow(sub.id, period, sub, status, options.now))) continue;
      if (status === 'skipped') skipped++;
      else awaitingConfirmation++;
    }
    const lastWritten = periods.at(-1);
    if (!lastWritten || periods.length < 1_000) break;
    fromIndex = lastWritten.index + 1;
  }
  return { skipped, awaitingConfirmation };
}
