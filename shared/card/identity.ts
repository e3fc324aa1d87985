import { validateBirthDate } from './birth-date.ts';
import { isValidBusinessNumber } from './business-number.ts';
import { calendarDateIn, DEFAULT_TIME_ZONE } from './calendar.ts';
import { type Check, fail } from './check.ts';
import { normalizeDigits } from './digits.ts';

/** Toss's customerIdentityNumber: a personal card's birth date or a corporate card's business number. */
export type CustomerIdentity =
  | { kind: 'birthDate'; value: string }
  | { kind: 'businessNumber'; value: string };

// A full resident registration number (YYMMDD + 7 digits) is something staff type by habit; it
// gets its own message so they are told to drop the back half rather than that the length is odd.
const RESIDENT_NUMBER_LENGTH = 13;

/** Validates customerIdentityNumber: YYMMDD (6 digits) or a business number (10 digits, dashes allowed). */
export function validateCustomerIdentity(
  input: string,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): Check<CustomerIdentity> {
  const normalized = normalizeDigits(input);
  if (!normalized.ok) return fail('IDENTITY_CHARACTERS');
  const digits = normalized.value;
  switch (digits.length) {
    case 0:
      return fail('IDENTITY_REQUIRED');
    case 6: {
      const birthDate = validateBirthDate(digits, calendarDateIn(now, timeZone));
      return birthDate.ok ? { ok: true, value: { kind: 'birthDate', value: birthDate.value } } : birthDate;
    }
    case 10:
      return isValidBusinessNumber(digits)
        ? { ok: true, value: { kind: 'businessNumber', value: digits } }
        : fail('BUSINESS_NUMBER_CHECKSUM');
    case RESIDENT_NUMBER_LENGTH:
      return fail('IDENTITY_RESIDENT_NUMBER');
    default:
      return fail('IDENTITY_LENGTH');
  }
}
