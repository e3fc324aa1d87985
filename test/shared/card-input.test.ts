import { describe, expect, it } from 'vitest';
import { cardFieldErrorMessages, validateCardInput } from '../../shared/card/index.ts';

const now = new Date('2026-11-30T15:30:00Z');

describe('validateCardInput', () => {
  it("returns Toss's request fields for the documented test card", () => {
    const result = validateCardInput(
      { number: '9410-0012-3456-7890', expiry: '12 / 30', identity: '900101', password: '12' },
      { mode: 'test', now },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        cardNumber: '9410001234567890',
        cardExpirationYear: '30',
        cardExpirationMonth: '12',
        customerIdentityNumber: '900101',
        cardPassword: '12',
      },
    });
  });

  it('accepts separate month and year and a business number, and omits a blank password', () => {
    const result = validateCardInput(
      {
        number: '4111111111111111',
        expiry: { month: '1', year: '2031' },
        identity: '124-81-00998',
        password: ' ',
      },
      { mode: 'live', now },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        cardNumber: '4111111111111111',
        cardExpirationYear: '31',
        cardExpirationMonth: '01',
        customerIdentityNumber: '1248100998',
      },
    });
    expect(result.ok && 'cardPassword' in result.value).toBe(false);
  });

  it('reports every invalid field at once, with its code and message', () => {
    const result = validateCardInput(
      { number: '9410001234567890', expiry: '11/26', identity: '250229', password: '1234' },
      { mode: 'live', now },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        number: { code: 'CARD_NUMBER_LUHN', message: cardFieldErrorMessages.CARD_NUMBER_LUHN },
        expiry: { code: 'EXPIRY_PAST', message: cardFieldErrorMessages.EXPIRY_PAST },
        identity: { code: 'BIRTH_DATE_INVALID', message: cardFieldErrorMessages.BIRTH_DATE_INVALID },
        password: { code: 'PASSWORD_LENGTH', message: cardFieldErrorMessages.PASSWORD_LENGTH },
      },
    });
  });

  it('only lists the fields that are wrong', () => {
    const result = validateCardInput(
      { number: '9410001234567890', expiry: '13/30', identity: '900101' },
      { mode: 'test', now },
    );
    expect(result).toEqual({
      ok: false,
      errors: { expiry: { code: 'EXPIRY_MONTH', message: cardFieldErrorMessages.EXPIRY_MONTH } },
    });
  });

  it('requires the password when the contract does', () => {
    const result = validateCardInput(
      { number: '9410001234567890', expiry: '12/30', identity: '900101' },
      { mode: 'test', now, requirePassword: true },
    );
    expect(result).toMatchObject({ ok: false, errors: { password: { code: 'PASSWORD_REQUIRED' } } });
  });

  it('judges expiry and birth date in the given time zone', () => {
    const input = { number: '9410001234567890', expiry: '11/26', identity: '261201' };
    expect(validateCardInput(input, { mode: 'test', now }).ok).toBe(false);
    expect(validateCardInput(input, { mode: 'test', now, timeZone: 'UTC' })).toMatchObject({
      ok: false,
      errors: { identity: { code: 'BIRTH_DATE_FUTURE' } },
    });
    expect(
      validateCardInput({ ...input, identity: '900101' }, { mode: 'test', now, timeZone: 'UTC' }).ok,
    ).toBe(true);
  });
});

describe('cardFieldErrorMessages', () => {
  it('has a Korean message for every code', () => {
    for (const [code, message] of Object.entries(cardFieldErrorMessages)) {
      expect(code).toMatch(/^[A-Z_]+$/);
      expect(message).toMatch(/[가-힣]/);
      expect(message.endsWith('.') || message.endsWith(')')).toBe(true);
    }
  });
});
