import { DEFAULT_TIME_ZONE } from './calendar.ts';
import type { CardFieldError, Check } from './check.ts';
import { type CardExpiry, type ExpiryInput, parseExpiryInput, validateExpiry } from './expiry.ts';
import { validateCustomerIdentity } from './identity.ts';
import { type CardMode, validateCardNumber } from './number.ts';
import { validateCardPassword } from './password.ts';

export type CardInput = {
  number: string;
  /** One field ('12/30', '1230') or separate month and year fields. */
  expiry: string | ExpiryInput;
  /** Birth date YYMMDD or business registration number. */
  identity: string;
  /** First two PIN digits; blank or absent means "not given". */
  password?: string | undefined;
};

export type CardInputOptions = {
  mode: CardMode;
  now: Date;
  timeZone?: string;
  /** Some billing contracts make cardPassword mandatory (toss-api.md §3.1). */
  requirePassword?: boolean;
};

export type CardField = 'number' | 'expiry' | 'identity' | 'password';

/** The card fields of POST /v1/billing/authorizations/card, exactly as Toss wants them. */
export type TossCardFields = {
  cardNumber: string;
  cardExpirationYear: string;
  cardExpirationMonth: string;
  customerIdentityNumber: string;
  cardPassword?: string;
};

export type CardInputResult =
  | { ok: true; value: TossCardFields }
  | { ok: false; errors: Partial<Record<CardField, CardFieldError>> };

function checkExpiry(expiry: string | ExpiryInput, now: Date, timeZone: string): Check<CardExpiry> {
  if (typeof expiry !== 'string') return validateExpiry(expiry, now, timeZone);
  const parsed = parseExpiryInput(expiry);
  return parsed.ok ? validateExpiry(parsed.value, now, timeZone) : parsed;
}

function checkPassword(password: string | undefined, required: boolean): Check<string | undefined> {
  if (!required && (password === undefined || password.trim() === '')) return { ok: true, value: undefined };
  return validateCardPassword(password ?? '');
}

/**
 * Validates the whole card form at once, so every field can show its own message, and on success
 * returns the request fields for the billing-key issue call. Card data is only passed through:
 * the result is meant for that one request and must not be stored or logged (design.md invariant 2).
 */
export function validateCardInput(input: CardInput, options: CardInputOptions): CardInputResult {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const number = validateCardNumber(input.number, { mode: options.mode });
  const expiry = checkExpiry(input.expiry, options.now, timeZone);
  const identity = validateCustomerIdentity(input.identity, options.now, timeZone);
  const password = checkPassword(input.password, options.requirePassword ?? false);

  if (number.ok && expiry.ok && identity.ok && password.ok) {
    const fields: TossCardFields = {
      cardNumber: number.value,
      cardExpirationYear: expiry.value.year,
      cardExpirationMonth: expiry.value.month,
      customerIdentityNumber: identity.value.value,
    };
    if (password.value !== undefined) fields.cardPassword = password.value;
    return { ok: true, value: fields };
  }

  const errors: Partial<Record<CardField, CardFieldError>> = {};
  if (!number.ok) errors.number = { code: number.code, message: number.message };
  if (!expiry.ok) errors.expiry = { code: expiry.code, message: expiry.message };
  if (!identity.ok) errors.identity = { code: identity.code, message: identity.message };
  if (!password.ok) errors.password = { code: password.code, message: password.message };
  return { ok: false, errors };
}
