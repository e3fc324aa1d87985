import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber, validateCustomerIdentity } from '../../shared/card/index.ts';

// Already 2026-12-01 in Seoul, still 2026-11-30 in UTC.
const now = new Date('2026-11-30T15:30:00Z');

describe('validateCustomerIdentity: birth date', () => {
  it('accepts a real YYMMDD date', () => {
    expect(validateCustomerIdentity('900101', now)).toEqual({
      ok: true,
      value: { kind: 'birthDate', value: '900101' },
    });
    expect(validateCustomerIdentity('９００１０１', now)).toMatchObject({ ok: true });
  });

  it('accepts Feb 29 only in leap years', () => {
    expect(validateCustomerIdentity('000229', now)).toMatchObject({ ok: true }); // 2000: divisible by 400
    expect(validateCustomerIdentity('040229', now)).toMatchObject({ ok: true });
    expect(validateCustomerIdentity('960229', now)).toMatchObject({ ok: true });
    for (const text of ['250229', '970229', '010229']) {
      expect(validateCustomerIdentity(text, now)).toMatchObject({ ok: false, code: 'BIRTH_DATE_INVALID' });
    }
  });

  it('rejects dates that do not exist', () => {
    for (const text of ['901301', '900001', '900100', '900132', '900431', '900631']) {
      expect(validateCustomerIdentity(text, now)).toMatchObject({ ok: false, code: 'BIRTH_DATE_INVALID' });
    }
  });

  it('reads YY up to the current year as 20YY and later YY as 19YY', () => {
    // 27 > 26, so 1927 (in the past); 26 → 2026.
    expect(validateCustomerIdentity('271231', now)).toMatchObject({ ok: true });
    expect(validateCustomerIdentity('260101', now)).toMatchObject({ ok: true });
  });

  it('rejects a birth date after today in Korea time, allowing today', () => {
    expect(validateCustomerIdentity('261201', now)).toMatchObject({ ok: true });
    expect(validateCustomerIdentity('261202', now)).toMatchObject({ ok: false, code: 'BIRTH_DATE_FUTURE' });
    expect(validateCustomerIdentity('261201', now, 'UTC')).toMatchObject({
      ok: false,
      code: 'BIRTH_DATE_FUTURE',
    });
  });

  it('agrees with the Gregorian calendar for every date of the last century', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1927, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const date = new Date(Date.UTC(year, month - 1, day));
          const exists = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          const text = [year % 100, month, day].map((n) => String(n).padStart(2, '0')).join('');
          expect(validateCustomerIdentity(text, now).ok).toBe(exists);
        },
      ),
    );
  });
});

describe('validateCustomerIdentity: business number', () => {
  it('accepts a valid business registration number, with or without dashes', () => {
    expect(validateCustomerIdentity('124-81-00998', now)).toEqual({
      ok: true,
      value: { kind: 'businessNumber', value: '1248100998' },
    });
    expect(validateCustomerIdentity('1234567891', now)).toMatchObject({ ok: true });
  });

  it('rejects a wrong check digit', () => {
    expect(validateCustomerIdentity('124-81-00999', now)).toMatchObject({
      ok: false,
      code: 'BUSINESS_NUMBER_CHECKSUM',
    });
  });

  it('includes the tens carry of the ninth digit (d9 × 5) in the sum', () => {
    // Without floor(9 × 5 / 10) = 4 the check digit would be 5 instead of 1.
    expect(isValidBusinessNumber('1234567891')).toBe(true);
    expect(isValidBusinessNumber('1234567895')).toBe(false);
  });

  it('has exactly one valid check digit for every nine-digit prefix', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
        (prefix) => {
          const valid = [...'0123456789'].filter((d) => isValidBusinessNumber(prefix + d));
          expect(valid).toHaveLength(1);
        },
      ),
    );
  });
});

describe('validateCustomerIdentity: other input', () => {
  it('asks for the birth date only when a full resident registration number is typed', () => {
    expect(validateCustomerIdentity('900101-1234567', now)).toMatchObject({
      ok: false,
      code: 'IDENTITY_RESIDENT_NUMBER',
    });
  });

  it('rejects other lengths, letters and blank input', () => {
    expect(validateCustomerIdentity('19900101', now)).toMatchObject({ ok: false, code: 'IDENTITY_LENGTH' });
    expect(validateCustomerIdentity('90010', now)).toMatchObject({ ok: false, code: 'IDENTITY_LENGTH' });
    expect(validateCustomerIdentity('90O101', now)).toMatchObject({ ok: false, code: 'IDENTITY_CHARACTERS' });
    expect(validateCustomerIdentity(' ', now)).toMatchObject({ ok: false, code: 'IDENTITY_REQUIRED' });
  });
});
