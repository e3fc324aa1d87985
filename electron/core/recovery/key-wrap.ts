import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { normalizeRecoveryCode } from './recovery-code.ts';
import { RecoveryError } from './recovery-error.ts';

/** scrypt's cost: 2^15 × 8 × 128 bytes = 32 MiB and well under a second on a shop PC. */
export interface KdfParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** base64, 16 bytes. */
  readonly salt: string;
}

/**
 * The data key sealed under a key derived from the recovery code (AES-256-GCM), plus a verifier
 * (an HMAC under the derived key) that tells a wrong code from a damaged record. Everything here
 * may be written anywhere: without the code it opens nothing.
 */
export interface WrappedDataKey {
  readonly version: 1;
  readonly kdf: KdfParams;
  /** base64 of the 12-byte GCM nonce. */
  readonly nonce: string;
  /** base64 of ciphertext (32 bytes) and tag (16). */
  readonly wrapped: string;
  /** base64 of HMAC-SHA256(derived key, 'verifier'). */
  readonly verifier: string;
}

export const DEFAULT_KDF = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 } as const;
const AAD = Buffer.from('autopay-desk recovery v1', 'utf8');

function derive(code: string, kdf: KdfParams): Promise<Buffer> {
  const bare = normalizeRecoveryCode(code);
  return new Promise((resolve, reject) => {
    scrypt(
      bare,
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

const verifierOf = (kek: Buffer) => createHmac('sha256', kek).update('verifier').digest();

export async function wrapDataKey(
  dataKey: Buffer,
  code: string,
  cost: Omit<KdfParams, 'salt'> = DEFAULT_KDF,
): Promise<WrappedDataKey> {
  const kdf: KdfParams = { ...cost, salt: randomBytes(16).toString('base64') };
  const kek = await derive(code, kdf);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(AAD);
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  return {
    version: 1,
    kdf,
    nonce: nonce.toString('base64'),
    wrapped: wrapped.toString('base64'),
    verifier: verifierOf(kek).toString('base64'),
  };
}

/** The data key, or RECOVERY_CODE_WRONG (also for a record that is not ours: it opens nothing). */
export async function unwrapDataKey(record: WrappedDataKey, code: string): Promise<Buffer> {
  const kek = await derive(code, record.kdf);
  const expected = Buffer.from(record.verifier, 'base64');
  const actual = verifierOf(kek);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new RecoveryError('RECOVERY_CODE_WRONG');
  }
  const sealed = Buffer.from(record.wrapped, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(record.nonce, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch (error) {
    throw new RecoveryError('RECOVERY_CODE_WRONG', error);
  }
}

/** Checks the shape of a record read from a file or the ledger: anything else is treated as damage. */
export function isWrappedDataKey(value: unknown): value is WrappedDataKey {
  const v = value as Partial<WrappedDataKey> | null;
  const k = v?.kdf as Partial<KdfParams> | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.nonce === 'string' &&
    typeof v.wrapped === 'string' &&
    typeof v.verifier === 'string' &&
    k?.name === 'scrypt' &&
    Number.isInteger(k.N) &&
    (k.N as number) >= 2 ** 10 &&
    (k.N as number) <= 2 ** 20 &&
    Number.isInteger(k.r) &&
    (k.r as number) >= 1 &&
    (k.r as number) <= 32 &&
    Number.isInteger(k.p) &&
    (k.p as number) >= 1 &&
    (k.p as number) <= 16 &&
    typeof k.salt === 'string'
  );
}
