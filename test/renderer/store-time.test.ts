import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  storeDate,
  storeDayRange,
  storeDayStart,
  weekday,
} from '../../renderer/store-time.ts';

const HOUR = 3_600_000;

/**
 * The PC's zone must not matter: the store may be in Seoul while the PC runs on UTC or New York
 * time. Node reads TZ again whenever it is set, so each run below is a PC in another zone.
 */
const PC_ZONES = ['UTC', 'America/New_York', 'Asia/Seoul', 'Pacific/Kiritimati'];

describe.each(PC_ZONES)('store days on a PC set to %s', (pcZone) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = pcZone;
  });
  afterAll(() => {
    // Assigning undefined would set TZ to the string 'undefined', not unset it.
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it('runs with the PC zone it names', () => {
    const offsets: Record<string, number> = {
      UTC: 0,
      'America/New_York': 300,
      'Asia/Seoul': -540,
      'Pacific/Kiritimati': -840,
    };
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(offsets[pcZone]);
  });

  it('reads the Seoul day an instant falls on, and where a Seoul day begins', () => {
    expect(storeDate(new Date(Date.UTC(2026, 4, 2, 14, 59, 59, 999)), 'Asia/Seoul')).toBe('2026-05-02');
    expect(storeDate(new Date(Date.UTC(2026, 4, 2, 15)), 'Asia/Seoul')).toBe('2026-05-03');
    expect(storeDayStart('2026-05-03', 'Asia/Seoul')).toBe(Date.UTC(2026, 4, 2, 15));
    expect(storeDayStart('2027-01-01', 'Asia/Seoul')).toBe(Date.UTC(2026, 11, 31, 15));
    expect(storeDayRange('2026-05-01', '2026-05-31', 'Asia/Seoul')).toEqual({
      from: Date.UTC(2026, 3, 30, 15),
      to: Date.UTC(2026, 4, 31, 15),
    });
  });

  it('leaves an empty end of a range open', () => {
    expect(storeDayRange('', '2026-05-03', 'Asia/Seoul')).toEqual({ to: Date.UTC(2026, 4, 3, 15) });
    expect(storeDayRange('2026-05-03', '', 'Asia/Seoul')).toEqual({ from: Date.UTC(2026, 4, 2, 15) });
    expect(storeDayRange('', '', 'Asia/Seoul')).toEqual({});
  });

  it('gives New York’s spring-forward day 23 hours and its fall-back day 25', () => {
    const spring = storeDayRange('2026-03-08', '2026-03-08', 'America/New_York');
    expect(spring).toEqual({ from: Date.UTC(2026, 2, 8, 5), to: Date.UTC(2026, 2, 9, 4) });
    const fall = storeDayRange('2026-11-01', '2026-11-01', 'America/New_York');
    expect(fall).toEqual({ from: Date.UTC(2026, 10, 1, 4), to: Date.UTC(2026, 10, 2, 5) });
    expect([(spring.to ?? 0) - (spring.from ?? 0), (fall.to ?? 0) - (fall.from ?? 0)]).toEqual([
      23 * HOUR,
      25 * HOUR,
    ]);
  });

  it('reads both 01:30s of the fall-back night as that day, and the day after from its midnight', () => {
    expect(storeDate(new Date(Date.UTC(2026, 10, 1, 5, 30)), 'America/New_York')).toBe('2026-11-01');
    expect(storeDate(new Date(Date.UTC(2026, 10, 1, 6, 30)), 'America/New_York')).toBe('2026-11-01');
    expect(storeDate(new Date(Date.UTC(2026, 10, 2, 4, 59, 59, 999)), 'America/New_York')).toBe('2026-11-01');
    expect(storeDate(new Date(Date.UTC(2026, 10, 2, 5)), 'America/New_York')).toBe('2026-11-02');
    expect(storeDate(new Date(Date.UTC(2026, 2, 8, 6, 59)), 'America/New_York')).toBe('2026-03-08');
  });

  it('starts a day whose midnight the clocks skip at the first time they show it', () => {
    // Chile moves from 24:00 straight to 01:00: 2026-09-06 begins at 01:00 -03, not in 09-05.
    expect(storeDayStart('2026-09-06', 'America/Santiago')).toBe(Date.UTC(2026, 8, 6, 4));
    expect(storeDate(new Date(Date.UTC(2026, 8, 6, 4)), 'America/Santiago')).toBe('2026-09-06');
    expect(storeDate(new Date(Date.UTC(2026, 8, 6, 4) - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('counts calendar days and months, across month ends, leap days and DST changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDays('2026-12-31', 366)).toBe('2028-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-08', 0)).toBe('2026-03-01');
    expect(daysBetween('2026-03-02', '2026-04-01')).toBe(30);
    expect(daysBetween('2026-03-01', '2026-03-15')).toBe(14);
    expect(daysBetween('2026-10-25', '2026-11-08')).toBe(14);
    expect(daysBetween('2026-11-01', '2026-10-25')).toBe(-7);
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect([weekday('2026-03-08'), weekday('2026-05-04'), weekday('2026-11-07')]).toEqual([0, 1, 6]);
  });
});
