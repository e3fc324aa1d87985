import { TZDate } from '@date-fns/tz';
// Per-function entry points: the package root pulls in all of date-fns, which costs the CLI a
// second or more at every start.
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { dueAtOf } from './due-at.ts';
import {
  type CalendarDate,
  calendarDate,
  formatCalendarDate,
  MAX_CALENDAR_YEAR,
  parseCalendarDate,
} from './local-date.ts';
import { ScheduleError } from './schedule-error.ts';
import type { Period, Schedule } from './schedule-types.ts';

// Every function here expects a schedule that passed checkSchedule; arguments that only a bug
// would pass (a negative index, a malformed date) are refused with INVALID_ARGUMENT.

/** Most periods one periodsBetween call returns: a run or a preview pages with `fromIndex`. */
export const MAX_PERIODS_PER_CALL = 10_000;
const DEFAULT_PERIODS_PER_CALL = 1_000;

/**
 * The store-local start date of period `index` ('YYYY-MM-DD'), computed from the anchor as
 * anchor + index × interval, never from the previous period: chaining would let one short month
 * drag every later month to the 28th. date-fns clamps a month or year shift to the end of a shorter
 * month, so anchor Jan 31 gives Feb 28 (29 in a leap year) and then Mar 31 again, and a Feb 29
 * yearly anchor gives Feb 28 in common years and Feb 29 in leap years.
 */
export function periodStart(schedule: Schedule, index: number): string {
  return formatCalendarDate(periodStartDate(schedule, index));
}

/** Period `index`: its dates, and the instant its charge is due (see dueAtOf for the DST rule). */
export function period(schedule: Schedule, index: number): Period {
  const start = periodStartDate(schedule, index);
  return {
    index,
    start: formatCalendarDate(start),
    end: formatCalendarDate(periodStartDate(schedule, index + 1)),
    dueAt: dueAtOf(start, schedule.chargeTime, schedule.timeZone),
  };
}

/**
 * The index of the period containing the store-local `date` ('YYYY-MM-DD'), or null when `date`
 * is before the anchor (period 0 starts on the anchor; nothing comes before it). Computed in one
 * step from the calendar distance to the anchor, so a date decades away costs the same as today.
 */
export function periodIndexOn(schedule: Schedule, date: string): number | null {
  const anchor = dateArg(schedule.anchorDate);
  const day = dateArg(date);
  if (day.getTime() < anchor.getTime()) return null;
  const { intervalUnit: unit, intervalCount: count } = schedule;
  if (unit === 'day' || unit === 'week') {
    const length = unit === 'week' ? 7 * count : count;
    return Math.floor(differenceInCalendarDays(day, anchor) / length);
  }
  const months = unit === 'year' ? 12 * count : count;
  const index = Math.floor(differenceInCalendarMonths(day, anchor) / months);
  // Period `index` starts in the same calendar month as `date` or earlier; in the same month its
  // (possibly clamped) day can still be after `date`, and then `date` belongs to the period before.
  return periodStartDate(schedule, index).getTime() > day.getTime() ? index - 1 : index;
}

/**
 * The index of the first period that is charged: the first period starting on or after the start
 * date, or, with a trial, on or after trial_end. trial_end is exclusive: the trial covers
 * [start_date, trial_end), and a period starting on trial_end is charged. Days between the start
 * (or the trial's end) and the next period start are not charged here; proration, if a store
 * wants it, is a separate charge.
 */
export function firstChargeIndex(schedule: Schedule): number {
  const from =
    schedule.trialEnd !== null && schedule.trialEnd > schedule.startDate
      ? schedule.trialEnd
      : schedule.startDate;
  const index = periodIndexOn(schedule, from);
  if (index === null) return 0;
  return periodStart(schedule, index) === from ? index : index + 1;
}

export interface PeriodRange {
  /** The first index to consider (a runner passes one past the last period it recorded). */
  readonly fromIndex?: number;
  /** Only periods due at or after this instant (epoch ms). */
  readonly fromMs?: number;
  /** Only periods due at or before this instant (epoch ms), like duePeriods' `due_at <= until`. */
  readonly untilMs: number;
  /** At most this many periods (default 1,000, at most MAX_PERIODS_PER_CALL). */
  readonly limit?: number;
}

/**
 * The charged periods (index ≥ firstChargeIndex) whose dueAt lies in [fromMs, untilMs], in index
 * order, at most `limit` of them: a caller that gets `limit` back asks again with
 * `fromIndex: last.index + 1`. dueAt never decreases with the index, so the walk stops at the first
 * period due after `untilMs`; the loop has a fixed bound besides.
 */
export function periodsBetween(schedule: Schedule, range: PeriodRange): Period[] {
  const limit = range.limit ?? DEFAULT_PERIODS_PER_CALL;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PERIODS_PER_CALL) {
    throw argumentError(`한 번에 계산할 수 있는 기간은 1개부터 ${MAX_PERIODS_PER_CALL}개까지입니다.`);
  }
  if (!isInstant(range.untilMs) || (range.fromMs !== undefined && !isInstant(range.fromMs))) {
    throw argumentError('조회 범위의 시각이 올바르지 않습니다.');
  }
  if (range.fromIndex !== undefined) indexArg(range.fromIndex);

  let index = Math.max(firstChargeIndex(schedule), range.fromIndex ?? 0);
  if (range.fromMs !== undefined) index = Math.max(index, firstIndexNear(schedule, range.fromMs));

  const periods: Period[] = [];
  let next: CalendarDate | undefined;
  // Starting near fromMs skips at most a few periods due just before it (see firstIndexNear).
  for (let step = 0; step < limit + 8 && periods.length < limit; step++, index++) {
    const start = next ?? periodStartDate(schedule, index, 'stop');
    next = periodStartDate(schedule, index + 1, 'stop');
    // A period needs its end too: the last one that fits before 9999-12-31 ends the walk.
    if (start === undefined || next === undefined) break;
    const dueAt = dueAtOf(start, schedule.chargeTime, schedule.timeZone);
    if (dueAt > range.untilMs) break;
    if (range.fromMs === undefined || dueAt >= range.fromMs) {
      periods.push({ index, start: formatCalendarDate(start), end: formatCalendarDate(next), dueAt });
    }
  }
  return periods;
}

/**
 * An index whose period is due no later than `ms`, and at most a few periods before the first one
 * due at or after it: the period containing the store-local date two days before `ms`. (Two days,
 * because a DST jump can push a due time forward by hours, and a skipped calendar day, as Samoa
 * skipped 2011-12-30, by a whole day.)
 */
function firstIndexNear(schedule: Schedule, ms: number): number {
  const local = new TZDate(ms, schedule.timeZone);
  const day = addDays(calendarDate(local.getFullYear(), local.getMonth(), local.getDate()), -2);
  // Dates outside what a 'YYYY-MM-DD' holds: before any anchor, or after every period.
  if (day.getFullYear() < 1000) return 0;
  if (day.getFullYear() > MAX_CALENDAR_YEAR) return Number.MAX_SAFE_INTEGER;
  return periodIndexOn(schedule, formatCalendarDate(day)) ?? 0;
}

function periodStartDate(schedule: Schedule, index: number): CalendarDate;
function periodStartDate(schedule: Schedule, index: number, past: 'stop'): CalendarDate | undefined;
function periodStartDate(schedule: Schedule, index: number, past?: 'stop'): CalendarDate | undefined {
  indexArg(index);
  const anchor = dateArg(schedule.anchorDate);
  const amount = index * schedule.intervalCount;
  const start = shifted(anchor, schedule.intervalUnit, amount);
  const year = start.getFullYear();
  if (Number.isNaN(year) || year > MAX_CALENDAR_YEAR) {
    if (past === 'stop') return undefined;
    throw new ScheduleError(
      'PERIOD_OUT_OF_RANGE',
      '9999년 12월 31일 이후에 시작하는 결제 기간은 계산할 수 없습니다.',
    );
  }
  return start;
}

function shifted(anchor: CalendarDate, unit: Schedule['intervalUnit'], amount: number): CalendarDate {
  switch (unit) {
    case 'day':
      return addDays(anchor, amount);
    case 'week':
      return addWeeks(anchor, amount);
    case 'month':
      return addMonths(anchor, amount);
    case 'year':
      return addYears(anchor, amount);
  }
}

function indexArg(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw argumentError('기간 번호는 0 이상의 정수여야 합니다.');
}

function dateArg(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (date === undefined)
    throw argumentError(`날짜 ${JSON.stringify(text)}는 YYYY-MM-DD 형식의 실제 날짜가 아닙니다.`);
  return date;
}

function isInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

function argumentError(message: string): ScheduleError {
  return new ScheduleError('INVALID_ARGUMENT', message);
}
