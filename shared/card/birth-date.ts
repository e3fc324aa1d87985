import { daysInMonth, type YearMonthDay } from './calendar.ts';
import { type Check, fail } from './check.ts';

function ordinal(date: YearMonthDay): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/**
 * Checks a 6-digit YYMMDD birth date against `today` (the date in the store's time zone).
 * The century follows the usual Korean reading: YY up to this year's YY is 20YY, anything
 * later is 19YY. The date must exist (Feb 29 only in leap years) and not lie in the future.
 */
export function validateBirthDate(yymmdd: string, today: YearMonthDay): Check<string> {
  if (!/^[0-9]{6}$/.test(yymmdd)) return fail('BIRTH_DATE_INVALID');
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const year = yy <= today.year % 100 ? 2000 + yy : 1900 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail('BIRTH_DATE_INVALID');
  if (ordinal({ year, month, day }) > ordinal(today)) return fail('BIRTH_DATE_FUTURE');
  return { ok: true, value: yymmdd };
}
