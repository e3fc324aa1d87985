export {
  checkSchedule,
  EARLIEST_DATE,
  LATEST_DATE,
  MAX_INTERVAL_COUNT,
  scheduleProblems,
} from './check-schedule.ts';
export {
  firstChargeIndex,
  MAX_PERIODS_PER_CALL,
  type PeriodRange,
  period,
  periodIndexOn,
  periodStart,
  periodsBetween,
} from './periods.ts';
export { ScheduleError, type ScheduleErrorCode } from './schedule-error.ts';
export { INTERVAL_UNITS, type IntervalUnit, type Period, type Schedule } from './schedule-types.ts';
