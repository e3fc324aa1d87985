import { describe, expect, it } from 'vitest';
import { parseExpiryInput, validateExpiry } from '../../shared/card/index.ts';

// 2026-11-30 23:59:59 in Seoul, and half an hour into December 1 in Seoul (still Nov 30 in UTC).
const lastSecondOfNovemberKst = new Date('2026-11-30T14:59:59Z');
const decemberFirstKst = new Date('2026-11-30T15:30:00Z');

describe('validateExpiry', () => {
  it('returns the two-digit month and year Toss wants', () => {
    expect(validateExpiry({ month: '12', year: '30' }, decemberFirstKst)).toEqual({
      ok: true,
      value: { month: '12', year: '30' },
    });
    expect(validateExpiry({ month: '3', year: '2031' }, decemberFirstKst)).toEqual({
      ok: true,
      value: { month: '03', year: '31' },
    });
    expect(validateExpiry({ month: '０７', year: '２９' }, decemberFirstKst)).toEqual({
      ok: true,
      value: { month: '07', year: '29' },
    });
  });

  it('keeps a card valid through the last day of its expiry month in Korea time', () => {
    expect(validateExpiry({ month: '11', year: '26' }, lastSecondOfNovemberKst)).toMatchObject({ ok: true });
    expect(validateExpiry({ month: '11', year: '26' }, decemberFirstKst)).toMatchObject({
      ok: false,
      code: 'EXPIRY_PAST',
    });
    expect(validateExpiry({ month: '12', year: '26' }, decemberFirstKst)).toMatchObject({ ok: true });
  });

  it('uses the given time zone instead of Seoul', () => {
    expect(validateExpiry({ month: '11', year: '26' }, decemberFirstKst, 'UTC')).toMatchObject({ ok: true });
  });

  it('rejects earlier years', () => {
    expect(validateExpiry({ month: '12', year: '25' }, decemberFirstKst)).toMatchObject({
      ok: false,
      code: 'EXPIRY_PAST',
    });
  });

  it('rejects months outside 01-12', () => {
    for (const month of ['0', '00', '13', '99', '123', '1a', '']) {
      expect(validateExpiry({ month, year: '30' }, decemberFirstKst)).toMatchObject({
        ok: false,
        code: 'EXPIRY_MONTH',
      });
    }
  });

  it('accepts YY or 20YY only', () => {
    for (const year of ['3', '030', '1930', '2130', 'ab', '']) {
      expect(validateExpiry({ month: '12', year }, decemberFirstKst)).toMatchObject({
        ok: false,
        code: 'EXPIRY_YEAR',
      });
    }
  });

  it('asks for the expiry when both parts are blank', () => {
    expect(validateExpiry({ month: ' ', year: '' }, decemberFirstKst)).toMatchObject({
      ok: false,
      code: 'EXPIRY_REQUIRED',
    });
  });
});

describe('parseExpiryInput', () => {
  it('accepts MM/YY, MM / YY, M/YY, MMYY, MM/YYYY and full-width input', () => {
    const cases: Array<[string, { month: string; year: string }]> = [
      ['12/30', { month: '12', year: '30' }],
      ['12 / 30', { month: '12', year: '30' }],
      ['1/30', { month: '1', year: '30' }],
      ['1230', { month: '12', year: '30' }],
      ['12/2030', { month: '12', year: '2030' }],
      ['122030', { month: '12', year: '2030' }],
      ['１２／３０', { month: '12', year: '30' }],
    ];
    for (const [text, value] of cases) expect(parseExpiryInput(text)).toEqual({ ok: true, value });
  });

  it('rejects other shapes', () => {
    for (const text of ['12/3', '123', '12/30/1', '/30', 'ab/cd', '12.30', '12345']) {
      expect(parseExpiryInput(text)).toMatchObject({ ok: false, code: 'EXPIRY_FORMAT' });
    }
    expect(parseExpiryInput('  ')).toMatchObject({ ok: false, code: 'EXPIRY_REQUIRED' });
  });
});
