import type { FieldProblem } from '../billing/index.ts';
import { parseChargeTime } from './due-at.ts';
import { parseCalendarDate } from './local-date.ts';
import { periodStart } from './periods.ts';
import { ScheduleError } from './schedule-error.ts';
import { INTERVAL_UNITS, type IntervalUnit, type Schedule } from './schedule-types.ts';

/**
 * The longest interval per unit. Nothing in the arithmetic needs a limit; these catch typos
 * ("every 30 months" meant as 30 days) while leaving room for any plan a gym or academy sells.
 */
export const MAX_INTERVAL_COUNT: Readonly<Record<IntervalUnit, number>> = {
  day: 365,
  week: 52,
  month: 24,
  year: 10,
};

/** Input dates must fall in this range: far enough back for imported members, and sane. */
export const EARLIEST_DATE = '1970-01-01';
export const LATEST_DATE = '2999-12-31';

const UNIT_LABEL: Readonly<Record<IntervalUnit, string>> = {
  day: '일',
  week: '주',
  month: '개월',
  year: '년',
};

const DATE_FIELDS = [
  ['anchorDate', '기준일'],
  ['startDate', '시작일'],
  ['trialEnd', '체험 종료일'],
] as const;

/**
 * Every problem of `schedule`, keyed by field, each with a stable code and a Korean message for
 * store staff; empty when the schedule is usable. The rules:
 * - interval_count is an integer from 1 to MAX_INTERVAL_COUNT[unit];
 * - charge_time is 'HH:MM' from 00:00 to 23:59;
 * - dates are real calendar dates (2024-02-30 is refused) between EARLIEST_DATE and LATEST_DATE;
 * - trial_end, if any, is on or after start_date (as the ledger's CHECK says);
 * - the anchor may be before the start date (a member re-joining keeps the billing day) or after it
 *   (joined on the 20th, billed from the store's 1st), but at most one interval after it, so a
 *   mistyped year cannot leave a member unbilled for years;
 * - time_zone is an IANA zone name the runtime knows ('Asia/Seoul', 'UTC'); offsets like '+09:00'
 *   are refused because a fixed offset is wrong wherever the store's zone has DST.
 */
export function scheduleProblems(schedule: Schedule): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const unitOk = INTERVAL_UNITS.includes(schedule.intervalUnit);
  if (!unitOk) {
    problems.intervalUnit = {
      code: 'INTERVAL_UNIT_INVALID',
      message: '결제 주기 단위는 일, 주, 개월, 년 중 하나여야 합니다.',
    };
  } else {
    const max = MAX_INTERVAL_COUNT[schedule.intervalUnit];
    const count = schedule.intervalCount;
    if (!Number.isSafeInteger(count) || count < 1 || count > max) {
      problems.intervalCount = {
        code: 'INTERVAL_COUNT_INVALID',
        message: `${UNIT_LABEL[schedule.intervalUnit]} 단위 결제 주기는 1부터 ${max}까지의 정수여야 합니다.`,
      };
    }
  }
  if (typeof schedule.chargeTime !== 'string' || parseChargeTime(schedule.chargeTime) === undefined) {
    problems.chargeTime = {
      code: 'CHARGE_TIME_INVALID',
      message: '결제 시각은 00:00부터 23:59 사이의 HH:MM 형식이어야 합니다.',
    };
  }
  for (const [field, label] of DATE_FIELDS) {
    const value = schedule[field];
    if (value === null && field === 'trialEnd') continue;
    const problem = dateProblem(value, label);
    if (problem) problems[field] = problem;
  }
  if (!problems.startDate && !problems.trialEnd && schedule.trialEnd !== null) {
    if (schedule.trialEnd < schedule.startDate) {
      problems.trialEnd = {
        code: 'TRIAL_BEFORE_START',
        message: '체험 종료일은 시작일과 같거나 그 뒤여야 합니다.',
      };
    }
  }
  if (!problems.intervalUnit && !problems.intervalCount && !problems.anchorDate && !problems.startDate) {
    // One interval after the start date, by the same clamping arithmetic as the periods themselves.
    const latestAnchor = periodStart({ ...schedule, anchorDate: schedule.startDate }, 1);
    if (schedule.anchorDate > latestAnchor) {
      problems.anchorDate = {
        code: 'ANCHOR_TOO_LATE',
        message: `기준일은 시작일로부터 결제 주기 한 번(${schedule.intervalCount}${UNIT_LABEL[schedule.intervalUnit]}) 이내여야 합니다: ${latestAnchor} 이전으로 정해 주세요.`,
      };
    }
  }
  if (!isIanaTimeZone(schedule.timeZone)) {
    problems.timeZone = {
      code: 'TIME_ZONE_INVALID',
      message: '시간대는 Asia/Seoul 같은 IANA 시간대 이름이어야 합니다.',
    };
  }
  return problems;
}

/** Returns `schedule` unchanged when usable; otherwise throws INVALID_SCHEDULE with every problem. */
export function checkSchedule(schedule: Schedule): Schedule {
  const problems = scheduleProblems(schedule);
  const list = Object.values(problems);
  if (list.length === 0) return schedule;
  const message = list.length === 1 && list[0] ? list[0].message : '결제 일정을 확인해 주세요.';
  throw new ScheduleError('INVALID_SCHEDULE', message, problems);
}

function dateProblem(value: unknown, label: string): FieldProblem | undefined {
  if (typeof value !== 'string' || parseCalendarDate(value) === undefined) {
    return { code: 'DATE_INVALID', message: `${label}은 YYYY-MM-DD 형식의 실제 있는 날짜여야 합니다.` };
  }
  if (value < EARLIEST_DATE || value > LATEST_DATE) {
    return {
      code: 'DATE_OUT_OF_RANGE',
      message: `${label}은 ${EARLIEST_DATE}부터 ${LATEST_DATE} 사이여야 합니다.`,
    };
  }
  return undefined;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export function isIanaTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length > 64 || !ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
