import type { KeyObject } from 'node:crypto';
import { appendAudit } from '../audit/index.ts';
import { type Ledger, pinHashesStartingWith, rewritePinHash } from '../ledger/index.ts';
import { keyStoredPinHash } from './pin-hash.ts';

/**
 * Wraps every PIN hash written before PIN hashes were keyed (see pin-hash.ts) in one transaction,
 * audited with how many there were. Call it only at the moment the ledger is first opened with
 * its data key (the open that keys its audit chain: a ledger from before, or a verified backup of
 * one being re-anchored). Never later: an unkeyed hash that turns up in a keyed ledger was written
 * by someone without the key, and wrapping it would let their PIN in.
 */
export function keyStoredPinHashes(ledger: Ledger, pinKey: KeyObject, now: () => Date): number {
  const db = ledger.db;
  // Unkeyed hashes are `scrypt$…`; keyed ones `scrypt-hmac$…` (pin-hash.ts).
  const wrapped = pinHashesStartingWith(db, 'scrypt$').flatMap(({ id, pinHash }) => {
    const keyed = keyStoredPinHash(pinHash, pinKey);
    return keyed === null ? [] : [{ id, keyed }];
  });
  if (wrapped.length === 0) return 0;
  // The audit row comes after the chain was keyed, so this count cannot be edited away unseen.
  db.transaction(() => {
    for (const { id, keyed } of wrapped) rewritePinHash(db, id, keyed);
    appendAudit(
      db,
      {
        actor: 'system',
        action: 'operator.pin_hashes_keyed',
        subject: 'operators',
        details: { count: wrapped.length },
      },
      now,
    );
  })();
  return wrapped.length;
}
