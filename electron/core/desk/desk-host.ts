import { RecoveryError, restoreBackup, unresolvedMoneyMovements } from '../recovery/index.ts';
import type { Desk } from './open-desk.ts';

/**
 * The desk the app is using now, and the switch between the store's data and training mode.
 * Training data lives in its own folder with its own keychain entries, so the two never mix. The
 * store's own desk stays open while staff practise: its schedule loop keeps charging what falls
 * due in the background, as if nobody were practising. Each ledger still has one writer.
 */
export interface DeskHost {
  /** The desk the screens show: the training desk in training mode, else the store's. */
  desk(): Desk;
  /** The store's own desk, open in training mode too (its schedule keeps running). */
  store(): Desk;
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
  restore(
    backupFile: string,
    options?: { code?: string; replace?: boolean; plainLegacy?: boolean },
  ): Promise<void>;
  close(): Promise<void>;
}

export async function createDeskHost(options: {
  training: boolean;
  open: (training: boolean) => Promise<Desk>;
  /** Remembers the choice for the next start. */
  saveTraining: (training: boolean) => void;
  now: () => Date;
}): Promise<DeskHost> {
  let live = await options.open(false);
  let practice: Desk | undefined;
  try {
    if (options.training) practice = await options.open(true);
  } catch (error) {
    await live.close();
    throw error;
  }
  let switching: Promise<void> | undefined;

  async function exclusively(change: () => Promise<void>): Promise<void> {
    await switching;
    switching = change();
    try {
      await switching;
    } finally {
      switching = undefined;
    }
  }

  return {
    desk: () => practice ?? live,
    store: () => live,
    training: () => practice !== undefined,
    setTraining(enabled) {
      return exclusively(async () => {
        if (enabled === (practice !== undefined)) return;
        if (enabled) {
          // A failed open leaves the store's desk shown, as before the switch.
          practice = await options.open(true);
        } else {
          const closing = practice;
          practice = undefined;
          await closing?.close();
        }
        options.saveTraining(enabled);
      });
    },
    restore(backupFile, { code, replace = true, plainLegacy } = {}) {
      return exclusively(async () => {
        const training = practice !== undefined;
        const shown = practice ?? live;
        // Refused before the desk is closed, so a charge being sent right now is not waited for
        // and then replaced: its PENDING row is already committed.
        if (unresolvedMoneyMovements(shown.ledger.db) > 0) {
          throw new RecoveryError('RESTORE_WHILE_IN_FLIGHT');
        }
        const { dataDir, secrets } = shown;
        await shown.close();
        try {
          await restoreBackup({
            file: backupFile,
            dataDir,
            secrets,
            code,
            replace,
            plainLegacy,
            now: options.now,
          });
        } finally {
          const reopened = await options.open(training);
          if (training) practice = reopened;
          else live = reopened;
        }
      });
    },
    async close() {
      await switching;
      await practice?.close();
      await live.close();
    },
  };
}
