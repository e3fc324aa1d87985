import { calendarDateIn } from '../shared/card/calendar.ts';

/*
 * Filters and schedules speak in store-local days ('2026-05-03'), while the ledger keeps instants.
 * The PC's own zone may differ from the store's, so nothing here uses the Date's local fields.
 */

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at `epochMs`. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(epochMs)) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (epochMs - (epochMs % 1000));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The store-local date an instant falls on. */
export function storeDate(instant: Date, timeZone: string): string {
  const { year, month, day } = calendarDateIn(instant, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first instant of a store-local day (twice corrected, so a DST change on that day is honoured). */
export function storeDayStart(date: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}

/** '2026-01-31' + 1 → '2026-02-01'. */
export function addDays(date: string, days: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
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
  const [year = 0, month = 1] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1 + months, 1));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-01`;
}

/** Whole days from one store-local day to another: ('2026-03-02', '2026-04-01') → 30. */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The day of the week of a store-local day, 0 (Sunday) to 6 (Saturday). */
export function weekday(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
