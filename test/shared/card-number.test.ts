import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBin, luhnCheckDigit, passesLuhn, validateCardNumber } from '../../shared/card/index.ts';

const live = { mode: 'live' } as const;
const test = { mode: 'test' } as const;

describe('passesLuhn and luhnCheckDigit', () => {
  it('accepts well-known valid numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('30569309025904')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });

  it('rejects empty and non-digit input', () => {
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('4111 1111 1111 1111')).toBe(false);
    expect(luhnCheckDigit('41x1')).toBeUndefined();
  });

  it('computes the digit that makes a payload valid', () => {
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('37828224631000')).toBe('5');
  });

  it('payload + check digit always passes, and any single-digit change fails', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, where, delta) => {
          const full = payload + luhnCheckDigit(payload);
          expect(passesLuhn(full)).toBe(true);
          const i = where % full.length;
          const changed = full.slice(0, i) + String((Number(full[i]) + delta) % 10) + full.slice(i + 1);
          expect(passesLuhn(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('cardBin', () => {
  it('is the first 6 digits, never all zeros', () => {
    expect(cardBin('9410001234567890')).toBe('941000');
    expect(cardBin('0000001234567890')).toBeUndefined();
    expect(cardBin('12345')).toBeUndefined();
  });
});

describe('validateCardNumber', () => {
  it("accepts Toss's test number in test mode although it fails Luhn", () => {
    expect(passesLuhn('9410001234567890')).toBe(false);
    expect(validateCardNumber('9410 0012 3456 7890', test)).toEqual({ ok: true, value: '9410001234567890' });
    expect(validateCardNumber('9410001234567890', live)).toMatchObject({
      ok: false,
      code: 'CARD_NUMBER_LUHN',
    });
  });

  it('accepts Luhn-valid numbers in live mode, with dashes or full-width digits', () => {
    expect(validateCardNumber('4111-1111-1111-1111', live)).toEqual({ ok: true, value: '4111111111111111' });
    expect(validateCardNumber('４１１１ １１１１ １１１１ １１１１', live)).toEqual({
      ok: true,
      value: '4111111111111111',
    });
    expect(validateCardNumber('3782 822463 10005', live)).toEqual({ ok: true, value: '378282246310005' });
    expect(validateCardNumber('3056 930902 5904', live)).toEqual({ ok: true, value: '30569309025904' });
  });

  it('accepts 14 to 19 digits and rejects other lengths', () => {
    const digits = (n: number) => '9'.repeat(n);
    expect(validateCardNumber(digits(13), test)).toMatchObject({ ok: false, code: 'CARD_NUMBER_LENGTH' });
    for (let n = 14; n <= 19; n++) expect(validateCardNumber(digits(n), test)).toMatchObject({ ok: true });
    expect(validateCardNumber(digits(20), test)).toMatchObject({ ok: false, code: 'CARD_NUMBER_LENGTH' });
  });

  it('reports a missing number, stray characters and a zero BIN with their own codes', () => {
    expect(validateCardNumber('  ', test)).toMatchObject({ ok: false, code: 'CARD_NUMBER_REQUIRED' });
    expect(validateCardNumber('4330 1234 abcd 1234', test)).toMatchObject({
      ok: false,
      code: 'CARD_NUMBER_CHARACTERS',
    });
    expect(validateCardNumber('0000001234567890', test)).toMatchObject({
      ok: false,
      code: 'CARD_NUMBER_BIN',
    });
  });

  it('gives the Korean message from the table', () => {
    expect(validateCardNumber('1234', test)).toEqual({
      ok: false,
      code: 'CARD_NUMBER_LENGTH',
      message: '카드번호는 14~19자리 숫자여야 합니다.',
    });
  });

  it('every generated Luhn-valid number of a valid length passes in live mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 17 }),
        (first, rest) => {
          const payload = `${first}${rest}`;
          const number = payload + luhnCheckDigit(payload);
          expect(validateCardNumber(number, live)).toEqual({ ok: true, value: number });
        },
      ),
    );
  });
});
