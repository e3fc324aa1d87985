import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IntervalUnit,
  period,
  periodIndexOn,
  periodStart,
  periodsBetween,
  type Schedule,
} from '../../electron/core/schedule/index.ts';
import { schedule } from './schedule.ts';

// Bounded so the whole file runs in about a second: about a hundred schedules per property, 24 periods each.
const RUNS = { numRuns: 120 };
const PERIODS = 24;

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A real calendar date in 2024–2100, days 28–31 drawn more often: they are where months clamp. */
const anchorDate = fc
  .record({
    year: fc.integer({ min: 2024, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })),
  })
  .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`);

const countFor: Record<IntervalUnit, number> = { day: 60, week: 8, month: 12, year: 3 };
const scheduleArb = fc
  .record({
    anchorDate,
    intervalUnit: fc.constantFrom<IntervalUnit>('day', 'week', 'month', 'year'),
    rawCount: fc.integer({ min: 1, max: 60 }),
    chargeTime: fc.constantFrom('00:00', '02:30', '10:00', '23:59'),
    timeZone: fc.constantFrom('Asia/Seoul', 'America/New_York', 'Australia/Lord_Howe'),
  })
  .map(
    ({ rawCount, ...rest }): Schedule =>
      schedule({ ...rest, intervalCount: 1 + ((rawCount - 1) % countFor[rest.intervalUnit]) }),
  );

const calendarScheduleArb = fc
  .record({
    anchorDate,
    intervalUnit: fc.constantFrom<IntervalUnit>('month', 'year'),
    intervalCount: fc.integer({ min: 1, max: 3 }),
  })
  .map((fields) => schedule(fields));

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

describe('period properties over anchors in 2024–2100', () => {
  it('periods never skip and never repeat; due times never go back', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const periods = Array.from({ length: PERIODS }, (_, i) => period(s, i));
        expect(periods[0]?.start).toBe(s.anchorDate);
        for (const [i, p] of periods.entries()) {
          expect(p.start < p.end).toBe(true);
          const next = periods[i + 1];
          if (next === undefined) continue;
          expect(p.end).toBe(next.start);
          expect(next.dueAt).toBeGreaterThan(p.dueAt);
        }
      }),
      RUNS,
    );
  });

  it('every date between two starts belongs to exactly the period that contains it', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 0, max: PERIODS - 1 }), (s, i) => {
        const p = period(s, i);
        expect(periodIndexOn(s, p.start)).toBe(i);
        const [y, m, d] = parts(p.end);
        const dayBeforeEnd = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
        expect(periodIndexOn(s, dayBeforeEnd)).toBe(i);
      }),
      RUNS,
    );
  });

  it('monthly and yearly starts are on the anchor day, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(calendarScheduleArb, (s) => {
        const anchorDay = parts(s.anchorDate)[2];
        for (let i = 0; i < PERIODS; i++) {
          const [year, month, day] = parts(periodStart(s, i));
          expect(day).toBe(Math.min(anchorDay, daysIn(year, month)));
        }
      }),
      RUNS,
    );
  });

  it('consecutive starts are exactly one interval apart in (year, month)', () => {
    fc.assert(
      fc.property(calendarScheduleArb, (s) => {
        const months = s.intervalCount * (s.intervalUnit === 'year' ? 12 : 1);
        for (let i = 0; i + 1 < PERIODS; i++) {
          const [y0, m0] = parts(periodStart(s, i));
          const [y1, m1] = parts(periodStart(s, i + 1));
          expect(y1 * 12 + m1 - (y0 * 12 + m0)).toBe(months);
        }
      }),
      RUNS,
    );
  });

  it('periodsBetween agrees with period() and pages without gaps or repeats', () => {
    fc.assert(
      fc.property(scheduleArb, fc.integer({ min: 1, max: 7 }), (s, limit) => {
        const untilMs = period(s, 15).dueAt;
        const seen: number[] = [];
        let fromIndex = 0;
        for (let page = 0; page < 20; page++) {
          const periods = periodsBetween(s, { fromIndex, untilMs, limit });
          for (const p of periods) expect(p).toEqual(period(s, p.index));
          seen.push(...periods.map((p) => p.index));
          if (periods.length < limit) break;
          fromIndex = (periods.at(-1)?.index ?? 0) + 1;
        }
        expect(seen).toEqual(Array.from({ length: 16 }, (_, i) => i));
      }),
      { numRuns: 100 },
    );
  });
});
