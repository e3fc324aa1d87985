// Stores using this app are in Korea; schedules and card checks follow the store's zone.
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/**
 * A day on the calendar as its three numbers (month 1–12), as card checks compare them. Not the
 * core's CalendarDate (electron/core/schedule/local-date.ts), the date-fns value schedules count in.
 */
export type YearMonthDay = { year: number; month: number; day: number };

// Building a DateTimeFormat is far slower than using one, and validation runs on every keystroke.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date that `instant` falls on in `timeZone` (an IANA name such as 'Asia/Seoul').
 * An unknown zone or an invalid Date is a programming error and throws a RangeError.
 */
export function calendarDateIn(instant: Date, timeZone: string): YearMonthDay {
  const date: YearMonthDay = { year: 0, month: 0, day: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') {
      date[part.type] = Number(part.value);
    }
  }
  return date;
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in `month` (1–12) of `year`, Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
