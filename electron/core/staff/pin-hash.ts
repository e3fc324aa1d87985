import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/*
 * PINs are 4 to 6 digits: a million guesses at most, so the hash must be slow (scrypt) and the
 * lockout (operators.ts) does the rest. Stored as `scrypt$N$r$p$salt$hash` so the cost can be
 * raised later without breaking hashes already stored.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
// scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so leave headroom.
const MAX_MEM = 64 * 1024 * 1024;

export const PIN_PATTERN = /^\d{4,6}$/;

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_BYTES, { N: n, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** False for a wrong PIN and for anything that is not one of our hashes (a system operator's marker). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (!n || !r || !p || n > 1 << 20) return false;
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(pin, Buffer.from(parts[4] ?? '', 'base64'), n, r, p);
  return timingSafeEqual(actual, expected);
}
