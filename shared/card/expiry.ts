import { calendarDateIn, DEFAULT_TIME_ZONE } from './calendar.ts';
import { type Check, fail } from './check.ts';
import { normalizeDigits } from './digits.ts';

/** Expiry as entered: month '1'–'12' or '01'–'12', year 'YY' or '20YY'. */
export type ExpiryInput = { month: string; year: string };

/** Expiry as Toss wants it: `month` 'MM' (cardExpirationMonth) and `year` 'YY' (cardExpirationYear). */
export type CardExpiry = { month: string; year: string };

const SLASHES = /[/／]/u;

/**
 * Splits a single expiry field into month and year. Accepts 'MM/YY', 'MM / YY', 'M/YY',
 * 'MM/YYYY', 'MMYY' and 'MMYYYY', with full-width digits. Ranges are checked by validateExpiry.
 */
export function parseExpiryInput(text: string): Check<ExpiryInput> {
  const parts = text.split(SLASHES);
  if (parts.length === 1) {
    const normalized = normalizeDigits(text);
    if (!normalized.ok) return fail('EXPIRY_FORMAT');
    const digits = normalized.value;
    if (digits === '') return fail('EXPIRY_REQUIRED');
    if (digits.length !== 4 && digits.length !== 6) return fail('EXPIRY_FORMAT');
    return { ok: true, value: { month: digits.slice(0, 2), year: digits.slice(2) } };
  }
  const [monthText, yearText] = parts;
  if (parts.length !== 2 || monthText === undefined || yearText === undefined) return fail('EXPIRY_FORMAT');
  const month = normalizeDigits(monthText);
  const year = normalizeDigits(yearText);
  if (!month.ok || !year.ok) return fail('EXPIRY_FORMAT');
  if (month.value.length < 1 || month.value.length > 2) return fail('EXPIRY_FORMAT');
  if (year.value.length !== 2 && year.value.length !== 4) return fail('EXPIRY_FORMAT');
  return { ok: true, value: { month: month.value, year: year.value } };
}

/**
 * Validates an expiry against `now` and returns the two-digit strings Toss wants.
 * A card is valid through the last day of its expiry month, judged in `timeZone` (Korea time by
 * default), so 2026-11-30T15:30Z already rejects 11/26 because it is December 1 in Seoul.
 */
export function validateExpiry(
  input: ExpiryInput,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): Check<CardExpiry> {
  const month = normalizeDigits(input.month);
  const year = normalizeDigits(input.year);
  if (month.ok && year.ok && month.value === '' && year.value === '') return fail('EXPIRY_REQUIRED');

  if (!month.ok || !/^[0-9]{1,2}$/.test(month.value)) return fail('EXPIRY_MONTH');
  const monthNumber = Number(month.value);
  if (monthNumber < 1 || monthNumber > 12) return fail('EXPIRY_MONTH');

  if (!year.ok || !/^(?:20)?[0-9]{2}$/.test(year.value)) return fail('EXPIRY_YEAR');
  const yy = year.value.slice(-2);

  const today = calendarDateIn(now, timeZone);
  const expiryIndex = (2000 + Number(yy)) * 12 + monthNumber;
  if (expiryIndex < today.year * 12 + today.month) return fail('EXPIRY_PAST');

  return { ok: true, value: { month: String(monthNumber).padStart(2, '0'), year: yy } };
}
