/** The units of subscriptions.interval_unit / plans.interval_unit (their CHECK constraints). */
export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

export const INTERVAL_UNITS: readonly IntervalUnit[] = ['day', 'week', 'month', 'year'];

/**
 * The timing terms of one subscription, one field per column of `subscriptions` (schema-v1):
 * interval_unit, interval_count, charge_time, anchor_date, start_date, trial_end, time_zone.
 * Dates are store-local calendar dates 'YYYY-MM-DD' in `timeZone`, never instants. The schedule
 * computes periods from them (schedule/periods.ts); the ledger's rows carry them.
 */
export interface Schedule {
  readonly intervalUnit: IntervalUnit;
  readonly intervalCount: number;
  /** 'HH:MM', 00:00–23:59, store-local wall-clock time at which a period's charge is due. */
  readonly chargeTime: string;
  /** Period 0 starts here; every period start is computed from it (design.md invariant 6). */
  readonly anchorDate: string;
  /** The first day the member is subscribed; no period starting before it is charged. */
  readonly startDate: string;
  /** Exclusive end of the free trial: the first charge is the first period starting on/after it. */
  readonly trialEnd: string | null;
  /** IANA zone, 'Asia/Seoul' by default in the ledger. */
  readonly timeZone: string;
}
