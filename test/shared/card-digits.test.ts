import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDigits } from '../../shared/card/index.ts';

describe('normalizeDigits', () => {
  it('keeps plain ASCII digits', () => {
    expect(normalizeDigits('4330123412341234')).toEqual({ ok: true, value: '4330123412341234' });
  });

  it('strips ASCII, no-break and ideographic spaces, tabs and line breaks', () => {
    expect(normalizeDigits(' 4330 1234\u00a01234\u30001234\t\n')).toEqual({
      ok: true,
      value: '4330123412341234',
    });
  });

  it('strips every kind of dash and hyphen people type or paste', () => {
    const dashes = [
      '-',
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\u30fc',
      '\uff0d',
    ];
    for (const dash of dashes) {
      expect(normalizeDigits(`124${dash}81${dash}00998`)).toEqual({ ok: true, value: '1248100998' });
    }
  });

  it('converts full-width digits to ASCII', () => {
    expect(normalizeDigits('０１２３４５６７８９')).toEqual({ ok: true, value: '0123456789' });
    expect(normalizeDigits('９４１０ ０００１－２３４５')).toEqual({ ok: true, value: '941000012345' });
  });

  it('fails on letters and other symbols instead of dropping them', () => {
    expect(normalizeDigits('4330 abcd 1234')).toEqual({ ok: false });
    expect(normalizeDigits('4330.1234')).toEqual({ ok: false });
    expect(normalizeDigits('12/30')).toEqual({ ok: false });
    expect(normalizeDigits('١٢٣')).toEqual({ ok: false });
    expect(normalizeDigits('1\u200b2')).toEqual({ ok: false });
  });

  it('returns an empty value for empty or separator-only input', () => {
    expect(normalizeDigits('')).toEqual({ ok: true, value: '' });
    expect(normalizeDigits(' - ')).toEqual({ ok: true, value: '' });
  });

  it('is idempotent and yields only ASCII digits', () => {
    const alphabet = fc.constantFrom(...'0123456789０１２３４５６７８９ -\u00a0\u3000－–ーa/'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
        (text) => {
          const once = normalizeDigits(text);
          if (!once.ok) return;
          expect(once.value).toMatch(/^[0-9]*$/);
          expect(normalizeDigits(once.value)).toEqual(once);
        },
      ),
    );
  });
});
