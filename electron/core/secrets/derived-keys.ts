import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { DATA_KEY_BYTES } from './sealer.ts';

/**
 * What a key derived from the ledger's data key is for. Each purpose gets its own key, so a key
 * used for one never works for another.
 */
export type DerivedKeyPurpose = 'audit-chain' | 'pin-hash';

/**
 * HKDF-SHA256 from the ledger's data key. The data key itself stays the same across a restore on
 * a new PC (it travels wrapped under the recovery code), so everything keyed with a derived key
 * (the audit chain, the PIN hashes) keeps verifying there; and a copy of the ledger without the
 * keychain cannot recompute either.
 */
export function deriveLedgerKey(dataKey: Buffer, purpose: DerivedKeyPurpose): KeyObject {
  if (dataKey.length !== DATA_KEY_BYTES) {
    throw new Error(`The data key must be ${DATA_KEY_BYTES} bytes (got ${dataKey.length})`);
  }
  const derived = hkdfSync('sha256', dataKey, 'autopay-desk', `autopay-desk/${purpose}/v1`, 32);
  return createSecretKey(Buffer.from(derived));
}
