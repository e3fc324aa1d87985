import { scheduleProblems } from './check-schedule.ts';
import { MAX_PERIODS_PER_CALL, periodsBetween } from './periods.ts';
import type { Schedule } from './schedule-types.ts';

/** The latest instant periodsBetween accepts: "no end" when looking for the first charge. */
const FAR_FUTURE_MS = 8.64e15;

export interface SubscriptionPreview {
  /** The first charged period's store-local date and due instant; null when none can be computed. */
  readonly firstCharge: { readonly date: string; readonly dueAt: number } | null;
  /** Periods already due at `now` (a start date in the past): the next run catches them up. */
  readonly dueNow: number;
  /** Of those, the ones due longer ago than the catch-up threshold: they wait for a manager. */
  readonly awaitingApproval: number;
}

/**
 * What subscribing on `schedule` at `now` will lead to, by the same period rules and the same
 * threshold the runner uses (materializeDuePeriods): a start date in the past is not refused, it
 * is caught up once per missed period, the oldest only after a manager's approval (invariant 6).
 * Terms that do not pass checkSchedule preview as nothing; subscribing then says what is wrong.
 */
export function previewSchedule(
  schedule: Schedule,
  now: Date,
  catchUpThresholdMs: number,
): SubscriptionPreview {
  if (Object.keys(scheduleProblems(schedule)).length > 0) {
    return { firstCharge: null, dueNow: 0, awaitingApproval: 0 };
  }
  const nowMs = now.getTime();
  const [first] = periodsBetween(schedule, { untilMs: FAR_FUTURE_MS, limit: 1 });
  const due = periodsBetween(schedule, { untilMs: nowMs, limit: MAX_PERIODS_PER_CALL });
  return {
    firstCharge: first ? { date: first.start, dueAt: first.dueAt } : null,
    dueNow: due.length,
    awaitingApproval: due.filter((period) => nowMs - period.dueAt > catchUpThresholdMs).length,
  };
}
