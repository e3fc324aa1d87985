import { describe, expect, it } from 'vitest';
import {
  firstChargeIndex,
  period,
  periodIndexOn,
  periodStart,
  periodsBetween,
  ScheduleError,
} from '../../electron/core/schedule/index.ts';
import { schedule } from './schedule.ts';

function starts(s: ReturnType<typeof schedule>, count: number): string[] {
  return Array.from({ length: count }, (_, i) => periodStart(s, i));
}

describe('periodStart: from the anchor, never chained', () => {
  it('anchor Jan 31 monthly over 2024 (leap) and 2025', () => {
    expect(starts(schedule({ anchorDate: '2024-01-31' }), 25)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
      '2024-07-31',
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
    ]);
  });

  it('anchor Jan 31 2025 gives Feb 28 then Mar 31', () => {
    expect(starts(schedule({ anchorDate: '2025-01-31' }), 3)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
    ]);
  });

  it('Feb 29 yearly over 2024–2032: Feb 28 in common years, Feb 29 in leap years', () => {
    expect(starts(schedule({ anchorDate: '2024-02-29', intervalUnit: 'year' }), 9)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
    ]);
  });

  it('every 3 months from Nov 30', () => {
    expect(starts(schedule({ anchorDate: '2023-11-30', intervalCount: 3 }), 6)).toEqual([
      '2023-11-30',
      '2024-02-29',
      '2024-05-30',
      '2024-08-30',
      '2024-11-30',
      '2025-02-28',
    ]);
  });

  it('weekly and every 2 weeks', () => {
    expect(starts(schedule({ anchorDate: '2024-12-25', intervalUnit: 'week' }), 3)).toEqual([
      '2024-12-25',
      '2025-01-01',
      '2025-01-08',
    ]);
    expect(starts(schedule({ anchorDate: '2024-02-22', intervalUnit: 'week', intervalCount: 2 }), 3)).toEqual(
      ['2024-02-22', '2024-03-07', '2024-03-21'],
    );
  });

  it('every 10 days, across Feb 29', () => {
    expect(starts(schedule({ anchorDate: '2024-02-10', intervalUnit: 'day', intervalCount: 10 }), 4)).toEqual(
      ['2024-02-10', '2024-02-20', '2024-03-01', '2024-03-11'],
    );
  });

  it('computes a far index directly', () => {
    expect(periodStart(schedule({ anchorDate: '2024-01-31' }), 12 * 76 + 1)).toBe('2100-02-28');
  });

  it('refuses a bad index and a period past 9999', () => {
    for (const index of [-1, 1.5, Number.NaN]) {
      expect(() => periodStart(schedule(), index)).toThrow(ScheduleError);
    }
    const yearly = schedule({ anchorDate: '2999-01-01', intervalUnit: 'year', intervalCount: 10 });
    expect(() => periodStart(yearly, 701)).toThrow(expect.objectContaining({ code: 'PERIOD_OUT_OF_RANGE' }));
  });
});

describe('period', () => {
  it('end is the next start; due at 10:00 KST is 01:00Z', () => {
    expect(period(schedule({ anchorDate: '2024-01-31' }), 1)).toEqual({
      index: 1,
      start: '2024-02-29',
      end: '2024-03-31',
      dueAt: Date.parse('2024-02-29T01:00:00Z'),
    });
  });

  it('00:00 and 23:59 in Seoul', () => {
    expect(period(schedule({ anchorDate: '2024-03-01', chargeTime: '00:00' }), 0).dueAt).toBe(
      Date.parse('2024-02-29T15:00:00Z'),
    );
    expect(period(schedule({ anchorDate: '2024-03-01', chargeTime: '23:59' }), 0).dueAt).toBe(
      Date.parse('2024-03-01T14:59:00Z'),
    );
  });

  it('a time skipped by spring-forward moves forward by the jump', () => {
    const ny = schedule({ anchorDate: '2024-03-10', chargeTime: '02:30', timeZone: 'America/New_York' });
    expect(period(ny, 0).dueAt).toBe(Date.parse('2024-03-10T03:30:00-04:00'));
    const lordHowe = schedule({
      anchorDate: '2024-10-06',
      chargeTime: '02:15',
      timeZone: 'Australia/Lord_Howe',
    });
    expect(period(lordHowe, 0).dueAt).toBe(Date.parse('2024-10-06T02:45:00+11:00'));
  });

  it('a time repeated by fall-back is its first occurrence', () => {
    const ny = schedule({ anchorDate: '2024-11-03', chargeTime: '01:30', timeZone: 'America/New_York' });
    expect(period(ny, 0).dueAt).toBe(Date.parse('2024-11-03T01:30:00-04:00'));
  });

  it('other days in a DST zone use the offset of that day', () => {
    const ny = schedule({ anchorDate: '2024-01-15', chargeTime: '10:00', timeZone: 'America/New_York' });
    expect(period(ny, 0).dueAt).toBe(Date.parse('2024-01-15T10:00:00-05:00'));
    expect(period(ny, 6).dueAt).toBe(Date.parse('2024-07-15T10:00:00-04:00'));
  });
});

describe('periodIndexOn', () => {
  const monthly = schedule({ anchorDate: '2024-01-31' });

  it('finds the period containing a date, clamped months included', () => {
    expect(periodIndexOn(monthly, '2024-01-30')).toBeNull();
    expect(periodIndexOn(monthly, '2024-01-31')).toBe(0);
    expect(periodIndexOn(monthly, '2024-02-28')).toBe(0);
    expect(periodIndexOn(monthly, '2024-02-29')).toBe(1);
    expect(periodIndexOn(monthly, '2024-03-30')).toBe(1);
    expect(periodIndexOn(monthly, '2024-03-31')).toBe(2);
    expect(periodIndexOn(monthly, '2024-04-01')).toBe(2);
  });

  it('days, weeks and years', () => {
    const tenDays = schedule({ anchorDate: '2024-02-10', intervalUnit: 'day', intervalCount: 10 });
    expect(periodIndexOn(tenDays, '2024-02-29')).toBe(1);
    expect(periodIndexOn(tenDays, '2024-03-01')).toBe(2);
    const weekly = schedule({ anchorDate: '2024-12-25', intervalUnit: 'week' });
    expect(periodIndexOn(weekly, '2025-01-07')).toBe(1);
    expect(periodIndexOn(weekly, '2025-01-08')).toBe(2);
    const leapYearly = schedule({ anchorDate: '2024-02-29', intervalUnit: 'year' });
    expect(periodIndexOn(leapYearly, '2025-02-27')).toBe(0);
    expect(periodIndexOn(leapYearly, '2025-02-28')).toBe(1);
    expect(periodIndexOn(leapYearly, '2028-02-28')).toBe(3);
    expect(periodIndexOn(leapYearly, '2028-02-29')).toBe(4);
  });

  it('refuses a date that does not exist', () => {
    expect(() => periodIndexOn(monthly, '2024-02-30')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('first charge and trials', () => {
  it('without a trial, the first period starting on or after the start date', () => {
    expect(firstChargeIndex(schedule({ anchorDate: '2024-01-31' }))).toBe(0);
    expect(firstChargeIndex(schedule({ anchorDate: '2024-01-31', startDate: '2024-02-29' }))).toBe(1);
    expect(firstChargeIndex(schedule({ anchorDate: '2024-01-31', startDate: '2024-03-01' }))).toBe(2);
    // Start before the anchor: the first charge is the anchor itself.
    expect(firstChargeIndex(schedule({ anchorDate: '2024-02-01', startDate: '2024-01-20' }))).toBe(0);
  });

  it('trial_end is exclusive: a period starting on it is charged', () => {
    const base = { anchorDate: '2024-01-31', startDate: '2024-01-31' };
    expect(firstChargeIndex(schedule({ ...base, trialEnd: '2024-01-31' }))).toBe(0);
    expect(firstChargeIndex(schedule({ ...base, trialEnd: '2024-02-29' }))).toBe(1);
    expect(firstChargeIndex(schedule({ ...base, trialEnd: '2024-02-14' }))).toBe(1);
    expect(firstChargeIndex(schedule({ ...base, trialEnd: '2024-03-01' }))).toBe(2);
  });

  it('periodsBetween starts at the first charged period', () => {
    const trial = schedule({ anchorDate: '2024-01-31', trialEnd: '2024-02-14' });
    const periods = periodsBetween(trial, { untilMs: Date.parse('2024-04-30T01:00:00Z') });
    expect(periods.map((p) => [p.index, p.start, p.end])).toEqual([
      [1, '2024-02-29', '2024-03-31'],
      [2, '2024-03-31', '2024-04-30'],
      [3, '2024-04-30', '2024-05-31'],
    ]);
  });
});

describe('periodsBetween', () => {
  const monthly = schedule({ anchorDate: '2024-01-31' });

  it('both ends are inclusive', () => {
    const periods = periodsBetween(monthly, {
      fromMs: Date.parse('2024-02-29T01:00:00Z'),
      untilMs: Date.parse('2024-03-31T01:00:00Z'),
    });
    expect(periods.map((p) => p.index)).toEqual([1, 2]);
    const justAfter = periodsBetween(monthly, {
      fromMs: Date.parse('2024-02-29T01:00:00.001Z'),
      untilMs: Date.parse('2024-03-31T00:59:59.999Z'),
    });
    expect(justAfter).toEqual([]);
  });

  it('nothing due before the first charge', () => {
    expect(periodsBetween(monthly, { untilMs: Date.parse('2024-01-31T00:59:59Z') })).toEqual([]);
  });

  it('a range far from the anchor starts there without walking from period 0', () => {
    const daily = schedule({ anchorDate: '1970-01-01', intervalUnit: 'day' });
    const periods = periodsBetween(daily, {
      fromMs: Date.parse('2099-12-30T00:00:00Z'),
      untilMs: Date.parse('2100-01-02T00:00:00Z'),
    });
    expect(periods.map((p) => p.start)).toEqual(['2099-12-30', '2099-12-31', '2100-01-01']);
  });

  it('pages with limit and fromIndex', () => {
    const daily = schedule({ anchorDate: '2024-01-01', intervalUnit: 'day' });
    const untilMs = Date.parse('2024-12-31T23:59:59Z');
    const first = periodsBetween(daily, { untilMs, limit: 100 });
    expect(first).toHaveLength(100);
    const last = first.at(-1);
    const rest = periodsBetween(daily, { untilMs, fromIndex: (last?.index ?? 0) + 1 });
    expect(rest[0]?.index).toBe(100);
    expect(first.length + rest.length).toBe(366);
  });

  it('stops before 9999 instead of throwing', () => {
    const yearly = schedule({ anchorDate: '2999-01-01', intervalUnit: 'year', intervalCount: 10 });
    const periods = periodsBetween(yearly, { untilMs: 8.64e15, limit: 10_000 });
    expect(periods.at(-1)?.start).toBe('9989-01-01');
  });

  it('refuses bad ranges', () => {
    for (const range of [
      { untilMs: Number.NaN },
      { untilMs: 0, limit: 0 },
      { untilMs: 0, limit: 10_001 },
      { untilMs: 0, fromIndex: -1 },
      { untilMs: 0, fromMs: Number.POSITIVE_INFINITY },
    ]) {
      expect(() => periodsBetween(monthly, range)).toThrow(
        expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
      );
    }
  });
});
