import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  type Schedule,
  ScheduleError,
  scheduleProblems,
} from '../../electron/core/schedule/index.ts';
import { schedule } from './schedule.ts';

function codes(s: Schedule): Record<string, string> {
  return Object.fromEntries(Object.entries(scheduleProblems(s)).map(([field, p]) => [field, p.code]));
}

describe('checkSchedule', () => {
  it('accepts a usable schedule as it is', () => {
    const s = schedule({ trialEnd: '2024-02-14' });
    expect(checkSchedule(s)).toBe(s);
    const yearly = schedule({
      timeZone: 'UTC',
      chargeTime: '23:59',
      intervalUnit: 'day',
      intervalCount: 365,
    });
    expect(checkSchedule(yearly)).toBe(yearly);
  });

  it('interval count from 1 to the per-unit maximum', () => {
    expect(codes(schedule({ intervalCount: 0 }))).toEqual({ intervalCount: 'INTERVAL_COUNT_INVALID' });
    expect(codes(schedule({ intervalCount: 1.5 }))).toEqual({ intervalCount: 'INTERVAL_COUNT_INVALID' });
    expect(codes(schedule({ intervalCount: 25 }))).toEqual({ intervalCount: 'INTERVAL_COUNT_INVALID' });
    expect(codes(schedule({ intervalUnit: 'year', intervalCount: 11 }))).toEqual({
      intervalCount: 'INTERVAL_COUNT_INVALID',
    });
    expect(codes(schedule({ intervalUnit: 'fortnight' as Schedule['intervalUnit'] }))).toEqual({
      intervalUnit: 'INTERVAL_UNIT_INVALID',
    });
  });

  it('charge time HH:MM from 00:00 to 23:59', () => {
    for (const chargeTime of ['24:00', '9:00', '10:60', '10:00:00', '']) {
      expect(codes(schedule({ chargeTime }))).toEqual({ chargeTime: 'CHARGE_TIME_INVALID' });
    }
    expect(codes(schedule({ chargeTime: '00:00' }))).toEqual({});
  });

  it('real calendar dates in range', () => {
    expect(codes(schedule({ anchorDate: '2024-02-30' }))).toMatchObject({ anchorDate: 'DATE_INVALID' });
    expect(codes(schedule({ anchorDate: '2023-02-29' }))).toMatchObject({ anchorDate: 'DATE_INVALID' });
    expect(codes(schedule({ startDate: '2024-1-31' }))).toMatchObject({ startDate: 'DATE_INVALID' });
    expect(codes(schedule({ anchorDate: '1969-12-31' }))).toMatchObject({ anchorDate: 'DATE_OUT_OF_RANGE' });
    expect(codes(schedule({ trialEnd: '2024-13-01' }))).toEqual({ trialEnd: 'DATE_INVALID' });
  });

  it('trial ends on or after the start', () => {
    expect(codes(schedule({ trialEnd: '2024-01-30' }))).toEqual({ trialEnd: 'TRIAL_BEFORE_START' });
    expect(codes(schedule({ trialEnd: '2024-01-31' }))).toEqual({});
  });

  it('the anchor may precede the start, or follow it by at most one interval', () => {
    expect(codes(schedule({ anchorDate: '2020-01-31', startDate: '2024-05-02' }))).toEqual({});
    expect(codes(schedule({ anchorDate: '2024-02-20', startDate: '2024-01-20' }))).toEqual({});
    expect(codes(schedule({ anchorDate: '2024-02-21', startDate: '2024-01-20' }))).toEqual({
      anchorDate: 'ANCHOR_TOO_LATE',
    });
    // One month after Jan 31 is Feb 29, by the same clamping as the periods.
    expect(codes(schedule({ anchorDate: '2024-03-01', startDate: '2024-01-31' }))).toEqual({
      anchorDate: 'ANCHOR_TOO_LATE',
    });
    expect(
      codes(schedule({ anchorDate: '2024-01-27', startDate: '2024-01-20', intervalUnit: 'week' })),
    ).toEqual({});
    expect(
      codes(schedule({ anchorDate: '2024-01-28', startDate: '2024-01-20', intervalUnit: 'week' })),
    ).toEqual({
      anchorDate: 'ANCHOR_TOO_LATE',
    });
  });

  it('IANA time zones only', () => {
    for (const timeZone of ['Seoul', 'Asia/Nowhere', '+09:00', '', 'KST ']) {
      expect(codes(schedule({ timeZone }))).toEqual({ timeZone: 'TIME_ZONE_INVALID' });
    }
    expect(codes(schedule({ timeZone: 'America/New_York' }))).toEqual({});
  });

  it('throws every problem at once with Korean messages and stable codes', () => {
    let error: unknown;
    try {
      checkSchedule(schedule({ chargeTime: '25:00', timeZone: 'Mars/Base' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScheduleError);
    const scheduleError = error as ScheduleError;
    expect(scheduleError.code).toBe('INVALID_SCHEDULE');
    expect(scheduleError.message).toBe('결제 일정을 확인해 주세요.');
    expect(Object.keys(scheduleError.fields ?? {})).toEqual(['chargeTime', 'timeZone']);
    expect(scheduleError.fields?.chargeTime?.message).toBe(
      '결제 시각은 00:00부터 23:59 사이의 HH:MM 형식이어야 합니다.',
    );
    expect(() => checkSchedule(schedule({ intervalCount: 0 }))).toThrow(
      '개월 단위 결제 주기는 1부터 24까지의 정수여야 합니다.',
    );
  });
});
