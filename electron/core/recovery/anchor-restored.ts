import { type AuditVerification, anchorAuditHead, auditChainKeyed } from '../audit/index.ts';
import { openLedger } from '../ledger/index.ts';
import { deriveLedgerKey, type Secrets } from '../secrets/index.ts';
import { keyStoredPinHashes } from '../staff/index.ts';

/**
 * Call after putting a ledger file in place of a data folder's ledger (a restore), before the
 * desk opens it: the keychain's audit head still names the ledger that was replaced, so it is
 * moved to the restored copy's last row, if that copy's chain verifies (else opening it reports
 * the break). A copy from before the chain was keyed is keyed now, and its PIN hashes with it.
 * Takes the ledger's writer lock for the while: the folder's desk must be closed. `secrets` must
 * hold the folder's data key already (on a new PC: after it was unwrapped with the recovery code).
 */
export async function anchorRestoredLedger(
  file: string,
  secrets: Secrets,
  now: () => Date,
): Promise<AuditVerification> {
  const ledger = openLedger(file);
  try {
    const dataKey = await secrets.ledgerDataKey({ mayCreate: false });
    const keyedBefore = auditChainKeyed(ledger.db);
    const verification = await anchorAuditHead(ledger.db, { dataKey, heads: secrets, now });
    // A backup from before the key was verified and keyed just now: its PIN hashes too.
    if (!keyedBefore && auditChainKeyed(ledger.db)) {
      const wrapped = keyStoredPinHashes(ledger, deriveLedgerKey(dataKey, 'pin-hash'), now);
      // The head moves on to the audit row that records it.
      if (wrapped > 0) return await anchorAuditHead(ledger.db, { dataKey, heads: secrets, now });
    }
    return verification;
  } finally {
    ledger.close();
  }
}
