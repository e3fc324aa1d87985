import { formatKstCompact } from './kst.ts';

/** Injected so tests can make identifiers predictable; production uses node:crypto's randomBytes. */
export type RandomBytes = (size: number) => Uint8Array;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Bytes at or above 248 (= 4 × 62) are skipped so that every character is equally likely.
const UNBIASED_LIMIT = 248;
const MAX_ATTEMPTS = 20;

export interface IdFactory {
  /** 44-char URL-safe base64 of 32 random bytes, ending in `=` (§12). */
  billingKey(): string;
  /** `{first 5 chars of the MID}{yyyyMMddHHmmss}{5 alphanumerics}`, as on test billing charges (§12). */
  paymentKey(mId: string, at: Date): string;
  /** 32 uppercase hex chars (§12). */
  transactionKey(): string;
  /** `ps_` plus 28 alphanumerics (§12). */
  secret(): string;
  receiptKey(): string;
  authKey(): string;
  /** `X-TossPayments-Trace-Id`: 32 lowercase hex chars, one per answer, never stored. */
  traceId(): string;
}

/**
 * Every identifier goes through `claim`, which answers false for one already handed out, so a poor
 * injected random source produces an error instead of two records silently sharing one key.
 */
export function createIdFactory(randomBytes: RandomBytes, claim: (id: string) => boolean): IdFactory {
  function alphanumeric(length: number): string {
    let out = '';
    for (let round = 0; round < MAX_ATTEMPTS && out.length < length; round += 1) {
      for (const byte of randomBytes(length * 2)) {
        if (byte < UNBIASED_LIMIT && out.length < length) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
      }
    }
    if (out.length < length) throw new Error('The random source yields no usable bytes.');
    return out;
  }

  function unique(generate: () => string): string {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const id = generate();
      if (claim(id)) return id;
    }
    throw new Error('The random source keeps producing identifiers that are already in use.');
  }

  return {
    billingKey: () => unique(() => `${Buffer.from(randomBytes(32)).toString('base64url')}=`),
    paymentKey: (mId, at) => unique(() => `${mId.slice(0, 5)}${formatKstCompact(at)}${alphanumeric(5)}`),
    transactionKey: () => unique(() => Buffer.from(randomBytes(16)).toString('hex').toUpperCase()),
    secret: () => `ps_${alphanumeric(28)}`,
    receiptKey: () => unique(() => alphanumeric(48)),
    authKey: () => unique(() => `bln_${alphanumeric(32)}`),
    traceId: () => Buffer.from(randomBytes(16)).toString('hex'),
  };
}
