import { randomBytes, scrypt } from 'node:crypto';
import { promisify } from 'node:util';

/** A PIN hash as stored before PIN hashes were keyed (bare scrypt), or by someone without the key. */
export async function unkeyedPinHash(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = (await promisify(scrypt)(pin, salt, 32)) as Buffer;
  return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}
