import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCardNumberLikeRun, redactCardNumbers } from '../../shared/card/index.ts';

describe('redactCardNumbers', () => {
  it('redacts a bare card number, also inside JSON', () => {
    expect(redactCardNumbers('{"cardNumber":"9410001234567890"}')).toBe('{"cardNumber":"****************"}');
  });

  it('redacts numbers written with spaces, dashes or full-width digits and keeps the separators', () => {
    expect(redactCardNumbers('card 4330-1234-1234-1234 ok')).toBe('card ****-****-****-**** ok');
    expect(redactCardNumbers('카드 4330 1234\u00a01234 1234입니다')).toBe(
      '카드 **** ****\u00a0**** ****입니다',
    );
    expect(redactCardNumbers('３７８２ ８２２４６３ １０００５')).toBe('**** ****** *****');
    expect(redactCardNumbers('4330 - 1234 - 1234 - 1234')).toBe('**** - **** - **** - ****');
  });

  it('redacts 13 to 19 digits, and longer runs a card number may have merged into', () => {
    expect(redactCardNumbers('1234567890123')).toBe('*************');
    expect(redactCardNumbers('4330-1234-1234-1234 2026')).toBe('****-****-****-**** ****');
    expect(redactCardNumbers('x4330123412341234y')).toBe('x****************y');
  });

  it('leaves shorter runs alone: amounts, dates, phone and business numbers', () => {
    const text = '2026-11-30 15:30 결제 10000원, 010-1234-5678, 124-81-00998, order_12345678';
    expect(redactCardNumbers(text)).toBe(text);
    expect(containsCardNumberLikeRun(text)).toBe(false);
  });

  it('does not join groups split by other characters or by long gaps', () => {
    expect(redactCardNumbers('4330.1234.1234.1234')).toBe('4330.1234.1234.1234');
    expect(redactCardNumbers('433012    341234 1234')).toBe('433012    341234 1234');
  });

  it('redacts every run in a line', () => {
    expect(redactCardNumbers('a 9410001234567890 b 4111111111111111')).toBe(
      'a **************** b ****************',
    );
  });

  it('detects runs', () => {
    expect(containsCardNumberLikeRun('card=9410 0012 3456 7890')).toBe(true);
    expect(containsCardNumberLikeRun('')).toBe(false);
  });

  it('never leaves 13 consecutive digits and only ever replaces digits', () => {
    const unit = fc.constantFrom(...'0123456789 -x'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const redacted = redactCardNumbers(text);
        expect(redacted).toHaveLength(text.length);
        expect(redacted).not.toMatch(/[0-9]{13}/);
        expect(containsCardNumberLikeRun(redacted)).toBe(false);
        for (let i = 0; i < text.length; i++) {
          if (redacted[i] !== text[i]) expect(text[i]).toMatch(/[0-9]/);
        }
      }),
    );
  });

  it('redacts a long run of separated digits whole and leaves the rest alone', () => {
    const text = '1 '.repeat(100_000) + '1-'.repeat(100_000) + 'a'.repeat(100_000);
    const redacted = redactCardNumbers(text);
    expect(redacted).toBe('* '.repeat(100_000) + '*-'.repeat(100_000) + 'a'.repeat(100_000));
  });
});
