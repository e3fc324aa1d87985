import { type Check, fail } from './check.ts';
import { normalizeDigits } from './digits.ts';
import { passesLuhn } from './luhn.ts';

export type CardMode = 'test' | 'live';

// Toss accepts up to 20 digits; real cards run from 14 (Diners) to 19, Korean ones are 15–16.
export const CARD_NUMBER_MIN_LENGTH = 14;
export const CARD_NUMBER_MAX_LENGTH = 19;

const BIN_LENGTH = 6;

/** The BIN (first 6 digits) of a digits-only card number, or undefined when there is no usable BIN. */
export function cardBin(digits: string): string | undefined {
  const bin = digits.slice(0, BIN_LENGTH);
  return /^[0-9]{6}$/.test(bin) && bin !== '000000' ? bin : undefined;
}

/**
 * Validates a card number as typed and returns its digits. Luhn is enforced only in live mode:
 * in test mode Toss checks just the BIN, and its working test numbers (9410001234567890) fail Luhn.
 */
export function validateCardNumber(input: string, options: { mode: CardMode }): Check<string> {
  const normalized = normalizeDigits(input);
  if (!normalized.ok) return fail('CARD_NUMBER_CHARACTERS');
  const digits = normalized.value;
  if (digits === '') return fail('CARD_NUMBER_REQUIRED');
  if (digits.length < CARD_NUMBER_MIN_LENGTH || digits.length > CARD_NUMBER_MAX_LENGTH) {
    return fail('CARD_NUMBER_LENGTH');
  }
  if (cardBin(digits) === undefined) return fail('CARD_NUMBER_BIN');
  if (options.mode === 'live' && !passesLuhn(digits)) return fail('CARD_NUMBER_LUHN');
  return { ok: true, value: digits };
}
