// The timing columns are the ledger's (its rows carry them); the schedule computes with them.
export { INTERVAL_UNITS, type IntervalUnit, type Schedule } from '../ledger/index.ts';

/** One row of subscription_periods: period_index, period_start, period_end, due_at. */
export interface Period {
  readonly index: number;
  /** Inclusive store-local date. */
  readonly start: string;
  /** Exclusive store-local date: the next period's start. */
  readonly end: string;
  /** Epoch ms of `start` at the schedule's charge time in its time zone. */
  readonly dueAt: number;
}
