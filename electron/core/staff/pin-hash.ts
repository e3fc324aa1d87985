import { createHmac, type KeyObject, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/*
 * PINs are 4 to 6 digits: a million guesses at most, so the hash must be slow (scrypt) and the
 * lockout (operators.ts) does the rest. A million scrypt guesses are still only hours for someone
 * holding a copy of the ledger, so the scrypt output is also keyed: HMAC-SHA256 under a key
 * derived from the ledger's data key (the pin key, from the keychain), which a copied ledger or
 * backup does not carry. Stored as `scrypt-hmac$N$r$p$salt$hash` so the cost can be raised later
 * without breaking hashes already stored.
 *
 * Hashes written before the key (`scrypt$N$r$p$salt$scrypt-output`) are wrapped in place when the
 * ledger opens (keyStoredPinHash): the HMAC of the stored scrypt output is exactly what hashing the
 * PIN anew gives, so every PIN keeps working without anyone signing in, and no unkeyed hash stays
 * behind for an operator who never signs in again. verifyPin accepts keyed hashes only, so a hash
 * written into the file by someone without the key never lets a PIN in.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
// scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so leave headroom.
const MAX_MEM = 64 * 1024 * 1024;
const KEYED = 'scrypt-hmac';
const UNKEYED = 'scrypt';

export const PIN_PATTERN = /^\d{4,6}$/;

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_BYTES, { N: n, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function keyed(pinKey: KeyObject, scrypted: Buffer): Buffer {
  return createHmac('sha256', pinKey).update(scrypted).digest();
}

export async function hashPin(pin: string, pinKey: KeyObject): Promise<string> {
  const salt = randomBytes(16);
  const key = keyed(pinKey, await derive(pin, salt, N, R, P));
  return `${KEYED}$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  readonly scheme: string;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
  readonly hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6) return null;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (!n || !r || !p || n > 1 << 20) return null;
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (hash.length !== KEY_BYTES) return null;
  return { scheme: parts[0] ?? '', n, r, p, salt: parts[4] ?? '', hash };
}

/**
 * False for a wrong PIN and for anything that is not one of our keyed hashes (a system operator's
 * marker, a hash from before the key or from another ledger's key).
 */
export async function verifyPin(pin: string, stored: string, pinKey: KeyObject): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.scheme !== KEYED) return false;
  const actual = keyed(
    pinKey,
    await derive(pin, Buffer.from(parsed.salt, 'base64'), parsed.n, parsed.r, parsed.p),
  );
  return timingSafeEqual(actual, parsed.hash);
}

/** The keyed form of a hash from before the key, or null for anything else (left as it is). */
export function keyStoredPinHash(stored: string, pinKey: KeyObject): string | null {
  const parsed = parse(stored);
  if (!parsed || parsed.scheme !== UNKEYED) return null;
  const { n, r, p, salt } = parsed;
  return `${KEYED}$${n}$${r}$${p}$${salt}$${keyed(pinKey, parsed.hash).toString('base64')}`;
}
