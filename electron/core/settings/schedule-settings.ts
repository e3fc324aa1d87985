import type { Setting } from '../ledger/index.ts';

const isDays = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 60;

/** Periods missed by more than this many days wait for a manager instead of being charged (invariant 6). */
export const CATCH_UP_THRESHOLD_DAYS: Setting<number> = {
  key: 'schedule.catch_up_threshold_days',
  fallback: 3,
  valid: isDays,
};

/** Soft-decline retries, in days after the period's due time, strictly increasing; none is allowed. */
export const RETRY_DAYS: Setting<readonly number[]> = {
  key: 'schedule.retry_days',
  fallback: [1, 3, 7],
  valid: (value): value is readonly number[] =>
    Array.isArray(value) &&
    value.length <= 5 &&
    value.every((day, i) => isDays(day) && (i === 0 || day > (value[i - 1] as number))),
};
