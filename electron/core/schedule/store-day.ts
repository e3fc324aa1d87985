import { TZDate } from '@date-fns/tz';
import { parseCalendarDate } from './local-date.ts';

export interface StoreDay {
  /** 'YYYY-MM-DD' in the store's time zone. */
  readonly date: string;
  /** Epoch ms of the day's local midnight, inclusive. */
  readonly start: number;
  /** Epoch ms of the next local midnight, exclusive (23 or 25 hours later on a DST change). */
  readonly end: number;
}

/**
 * The store-local calendar day that holds `now`, or the one `offsetDays` before or after it.
 * Counted in calendar days, not in 24-hour steps, so it stays right across DST changes.
 */
export function storeDay(now: Date, timeZone: string, offsetDays = 0): StoreDay {
  const local = new TZDate(now.getTime(), timeZone);
  return dayOf(local.getFullYear(), local.getMonth(), local.getDate() + offsetDays, timeZone);
}

/** The store-local day a 'YYYY-MM-DD' names, or undefined when it names none. */
export function storeDayOf(date: string, timeZone: string): StoreDay | undefined {
  const calendar = parseCalendarDate(date);
  return calendar && dayOf(calendar.getFullYear(), calendar.getMonth(), calendar.getDate(), timeZone);
}

function dayOf(y: number, m: number, d: number, timeZone: string): StoreDay {
  const start = new TZDate(y, m, d, timeZone);
  const end = new TZDate(y, m, d + 1, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    start: start.getTime(),
    end: end.getTime(),
  };
}

/** The store-local month that holds `now`, as [first midnight, next month's first midnight). */
export function storeMonth(now: Date, timeZone: string): { start: number; end: number } {
  const local = new TZDate(now.getTime(), timeZone);
  return {
    start: new TZDate(local.getFullYear(), local.getMonth(), 1, timeZone).getTime(),
    end: new TZDate(local.getFullYear(), local.getMonth() + 1, 1, timeZone).getTime(),
  };
}
