import { randomInt } from 'node:crypto';
import { RecoveryError } from './recovery-error.ts';

// Digits and capitals without the look-alikes 0/O and 1/I/L, so a code copied by hand from paper
// comes back right: 31 symbols, 25 of them carry about 124 bits.
const SYMBOLS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 25;
const GROUP = 5;

/** A new recovery code, shown as five groups of five: `7KQ2M-…`. Never stored. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += SYMBOLS[randomInt(SYMBOLS.length)];
  return formatRecoveryCode(code);
}

export function formatRecoveryCode(bare: string): string {
  const groups: string[] = [];
  for (let i = 0; i < bare.length; i += GROUP) groups.push(bare.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * The code as typed (lower case, spaces, dashes, a line break from stdin allowed) reduced to its
 * 25 symbols, or RECOVERY_CODE_MALFORMED. The KDF always sees this form.
 */
export function normalizeRecoveryCode(typed: string): string {
  const bare = typed.toUpperCase().replaceAll(/[\s-]/g, '');
  if (bare.length !== LENGTH || [...bare].some((symbol) => !SYMBOLS.includes(symbol))) {
    throw new RecoveryError('RECOVERY_CODE_MALFORMED');
  }
  return bare;
}
