import { tz } from '@date-fns/tz';
import { utc } from '@date-fns/utc';
// One module per function, as the core imports them: the package's root index loads every one.
import { addDays as addCalendarDays } from 'date-fns/addDays';
import { addMonths as addCalendarMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { getDay } from 'date-fns/getDay';
import { parseISO } from 'date-fns/parseISO';
import { startOfMonth } from 'date-fns/startOfMonth';

/*
 * Filters and schedules speak in store-local days ('2026-05-03'), while the ledger keeps instants.
 * The PC's own zone may differ from the store's, so every date here is a date-fns value in a zone
 * of its own choosing: TZDate in the store's zone where a day meets an instant, UTCDate for plain
 * calendar arithmetic (UTC has no DST, so a day is a day whatever the PC's zone), as the core does.
 */

/** 'YYYY-MM-DD' as midnight in UTC: only its calendar fields count. */
function calendarDay(date: string) {
  return parseISO(date, { in: utc });
}

/** The 'YYYY-MM-DD' of a date-fns value, read in the value's own zone. */
function dateText(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/** The store-local date an instant falls on. */
export function storeDate(instant: Date, timeZone: string): string {
  return dateText(tz(timeZone)(instant));
}

/**
 * The first instant of a store-local day: its midnight in the store's zone, or where a DST change
 * skips midnight, the first time the clocks show that day.
 */
export function storeDayStart(date: string, timeZone: string): number {
  return parseISO(date, { in: tz(timeZone) }).getTime();
}

/** '2026-01-31' + 1 → '2026-02-01'. */
export function addDays(date: string, days: number): string {
  return dateText(addCalendarDays(calendarDay(date), days));
}

/**
 * A range of store-local days, both ends included, as the ledger's instants: its `to` is exclusive,
 * so the end is the start of the next day. An empty end is left open.
 */
export function storeDayRange(from: string, to: string, timeZone: string): { from?: number; to?: number } {
  return {
    ...(from ? { from: storeDayStart(from, timeZone) } : {}),
    ...(to ? { to: storeDayStart(addDays(to, 1), timeZone) } : {}),
  };
}

/** The first day of the month `months` after the one `date` is in: ('2026-01-31', 1) → '2026-02-01'. */
export function addMonths(date: string, months: number): string {
  return dateText(addCalendarMonths(startOfMonth(calendarDay(date)), months));
}

/** Whole days from one store-local day to another: ('2026-03-02', '2026-04-01') → 30. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(calendarDay(to), calendarDay(from));
}

/** The day of the week of a store-local day, 0 (Sunday) to 6 (Saturday). */
export function weekday(date: string): number {
  return getDay(calendarDay(date));
}
