import { UTCDate } from '@date-fns/utc';

/**
 * Store-local calendar dates ('YYYY-MM-DD') as date-fns values. They are carried as midnight in
 * UTC only because UTC has no DST: adding days or months to them is then pure calendar arithmetic,
 * whatever the time zone of the process or of the store. They are never instants.
 *
 * A UTCDate (local fields are its UTC fields) rather than a TZDate in 'UTC': a TZDate asks Intl
 * for its zone's offset on every construction and field change, and a due run computes the
 * periods of thousands of subscriptions. date-fns makes new values with `new date.constructor()`,
 * so its arithmetic keeps returning UTCDates.
 */
export type CalendarDate = UTCDate;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The latest date a period may start on: 'YYYY-MM-DD' has four year digits. */
export const MAX_CALENDAR_YEAR = 9999;

/** Parses 'YYYY-MM-DD'; undefined for any other shape or a date the calendar lacks (2024-02-30). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = DATE_SHAPE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const day = Number(match[3]);
  const date = calendarDate(year, monthIndex, day);
  // Date.UTC rolls 2024-02-30 over into March (and reads years 0–99 as 1900–1999).
  if (date.getFullYear() !== year || date.getMonth() !== monthIndex || date.getDate() !== day) {
    return undefined;
  }
  return date;
}

/** Like parseCalendarDate, for dates that were already checked; a bad one is a programming error. */
export function toCalendarDate(text: string): CalendarDate {
  const date = parseCalendarDate(text);
  if (date === undefined) throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  return date;
}

export function calendarDate(year: number, monthIndex: number, day: number): CalendarDate {
  return new UTCDate(Date.UTC(year, monthIndex, day));
}

/** 'YYYY-MM-DD'. Plain padding rather than date-fns' format: that one parses its pattern on every call. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}
