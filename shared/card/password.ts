import { type Check, fail } from './check.ts';
import { normalizeDigits } from './digits.ts';

/** Validates cardPassword: exactly the first two digits of the card PIN, never the whole PIN. */
export function validateCardPassword(input: string): Check<string> {
  const normalized = normalizeDigits(input);
  if (!normalized.ok) return fail('PASSWORD_CHARACTERS');
  if (normalized.value === '') return fail('PASSWORD_REQUIRED');
  if (normalized.value.length !== 2) return fail('PASSWORD_LENGTH');
  return { ok: true, value: normalized.value };
}
