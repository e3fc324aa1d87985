import { ledgerFileIn } from '../app-paths.ts';
import { anchorAuditHead, auditChainKeyed } from '../audit/index.ts';
import { openLedger, restoreLedger } from '../ledger/index.ts';
import { deriveLedgerKey, type Secrets } from '../secrets/index.ts';
import { keyStoredPinHashes } from '../staff/index.ts';
import type { Desk } from './open-desk.ts';

/**
 * The desk the app is using now, and the switch between the store's data and training mode.
 * Training data lives in its own folder with its own keychain entries, so the two never mix; a
 * switch closes one desk completely before the other opens (one writer per ledger).
 */
export interface DeskHost {
  desk(): Desk;
  training(): boolean;
  setTraining(enabled: boolean): Promise<void>;
  /**
   * Puts a backup in place of the open folder's ledger: the desk is closed first (one writer per
   * ledger), and opened again whatever happens, on the restored ledger or, if the backup was
   * refused, on the one it would have replaced.
   */
  restore(backupFile: string): Promise<void>;
  close(): Promise<void>;
}

export async function createDeskHost(options: {
  training: boolean;
  open: (training: boolean) => Promise<Desk>;
  /** Remembers the choice for the next start. */
  saveTraining: (training: boolean) => void;
  now: () => Date;
}): Promise<DeskHost> {
  let training = options.training;
  let desk = await options.open(training);
  let switching: Promise<void> | undefined;

  return {
    desk: () => desk,
    training: () => training,
    async setTraining(enabled) {
      await switching;
      if (enabled === training) return;
      switching = (async () => {
        await desk.close();
        try {
          desk = await options.open(enabled);
        } catch (error) {
          // Back to the folder that was open, so a failed switch never leaves the app without one.
          desk = await options.open(training);
          throw error;
        }
        training = enabled;
        options.saveTraining(enabled);
      })();
      try {
        await switching;
      } finally {
        switching = undefined;
      }
    },
    async restore(backupFile) {
      await switching;
      const { dataDir, secrets } = desk;
      switching = (async () => {
        await desk.close();
        try {
          await restoreLedger(backupFile, ledgerFileIn(dataDir), { now: options.now });
          await anchorRestoredLedger(ledgerFileIn(dataDir), secrets, options.now);
        } finally {
          desk = await options.open(training);
        }
      })();
      try {
        await switching;
      } finally {
        switching = undefined;
      }
    },
    async close() {
      await switching;
      await desk.close();
    },
  };
}

/**
 * The keychain's audit head still names the ledger that was just replaced: move it to the
 * restored copy's last row, if that copy's chain verifies (else opening it reports the break).
 * Recovery paths that put a ledger in place some other way call anchorAuditHead the same way.
 */
async function anchorRestoredLedger(file: string, secrets: Secrets, now: () => Date): Promise<void> {
  const ledger = openLedger(file);
  try {
    const dataKey = await secrets.ledgerDataKey({ mayCreate: false });
    const keyedBefore = auditChainKeyed(ledger.db);
    await anchorAuditHead(ledger.db, { dataKey, heads: secrets, now });
    // A backup from before the key was verified and keyed just now: its PIN hashes too.
    if (!keyedBefore && auditChainKeyed(ledger.db)) {
      keyStoredPinHashes(ledger, deriveLedgerKey(dataKey, 'pin-hash'), now);
    }
  } finally {
    ledger.close();
  }
}
