import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMaskedForDisplay, groupCardNumberInput, maskCardNumber } from '../../shared/card/index.ts';

describe('maskCardNumber', () => {
  it("matches Toss's masking for 16 digits", () => {
    expect(maskCardNumber('4330123456781234')).toBe('43301234****123*');
  });

  it('keeps the length and hides at least five digits for 14, 15 and 19 digits', () => {
    expect(maskCardNumber('36123456789012')).toBe('361234****901*');
    expect(maskCardNumber('371234567890123')).toBe('3712345****012*');
    expect(maskCardNumber('6212345678901234567')).toBe('62123456*******456*');
  });

  it('hides everything of a string too short to be a card number', () => {
    expect(maskCardNumber('1234567890123')).toBe('*************');
    expect(maskCardNumber('')).toBe('');
  });

  it('never reveals more than the first 8 and 3 more digits, nor the last digit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 19 }),
        (digits) => {
          const masked = maskCardNumber(digits);
          expect(masked).toHaveLength(digits.length);
          const shown = [...masked].flatMap((ch, i) => (ch === '*' ? [] : [i]));
          expect(shown.length).toBeLessThanOrEqual(Math.min(11, Math.max(0, digits.length - 5)));
          for (const i of shown) {
            expect(masked[i]).toBe(digits[i]);
            expect(i < 8 || i >= digits.length - 4).toBe(true);
          }
          if (digits.length > 0) expect(masked.at(-1)).toBe('*');
        },
      ),
    );
  });
});

describe('formatMaskedForDisplay', () => {
  it("groups Toss's masked number in fours", () => {
    expect(formatMaskedForDisplay('43301234****123*')).toBe('4330 1234 **** 123*');
    expect(formatMaskedForDisplay('62123456*******456*')).toBe('6212 3456 **** ***4 56*');
  });

  it('groups Amex and Diners like their printed cards and ignores separators already there', () => {
    expect(formatMaskedForDisplay('3712345****012*')).toBe('3712 345*** *012*');
    expect(formatMaskedForDisplay('361234****901*')).toBe('3612 34**** 901*');
    expect(formatMaskedForDisplay('4330-1234-****-123*')).toBe('4330 1234 **** 123*');
  });
});

describe('groupCardNumberInput', () => {
  it('groups most cards 4-4-4-4 as they are typed', () => {
    expect(groupCardNumberInput('')).toBe('');
    expect(groupCardNumberInput('433')).toBe('433');
    expect(groupCardNumberInput('43301')).toBe('4330 1');
    expect(groupCardNumberInput('4330123412341234')).toBe('4330 1234 1234 1234');
    expect(groupCardNumberInput('6212345678901234567')).toBe('6212 3456 7890 1234 567');
  });

  it('groups 15-digit Amex 4-6-5 and 14-digit Diners 4-6-4', () => {
    expect(groupCardNumberInput('378282246310005')).toBe('3782 822463 10005');
    expect(groupCardNumberInput('3782822')).toBe('3782 822');
    expect(groupCardNumberInput('30569309025904')).toBe('3056 930902 5904');
    expect(groupCardNumberInput('36123456789012')).toBe('3612 345678 9012');
  });

  it('only inserts spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 19 }), (digits) => {
        expect(groupCardNumberInput(digits).replaceAll(' ', '')).toBe(digits);
      }),
    );
  });
});
