import { RecoveryError, restoreBackup, unresolvedMoneyMovements } from '../recovery/index.ts';
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
   * Puts an encrypted backup in place of the open folder's ledger (recovery/restore-backup.ts):
   * the desk is closed first (one writer per ledger, and charges in flight finish), and opened
   * again whatever happens, on the restored ledger or, if the backup was refused, on the one it
   * would have replaced. A restore is refused while a charge or refund is unresolved; the
   * replaced ledger is moved aside. `code` is the recovery code, for a backup of another PC;
   * `replace: false` (first run) refuses a folder that already holds a store. Opening the
   * restored ledger runs the Toss catch-up (openDesk).
   */
  restore(backupFile: string, options?: { code?: string; replace?: boolean }): Promise<void>;
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
    async restore(backupFile, { code, replace = true } = {}) {
      await switching;
      // Refused before the desk is closed, so a charge being sent right now is not waited for
      // and then replaced: its PENDING row is already committed.
      if (unresolvedMoneyMovements(desk.ledger.db) > 0) throw new RecoveryError('RESTORE_WHILE_IN_FLIGHT');
      const { dataDir, secrets } = desk;
      switching = (async () => {
        await desk.close();
        try {
          await restoreBackup({ file: backupFile, dataDir, secrets, code, replace, now: options.now });
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
