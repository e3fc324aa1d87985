import { access, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ledgerFileIn } from '../app-paths.ts';
import {
  acquireWriterLock,
  anyMember,
  anyPersonEver,
  fileStamp,
  hasAttempts,
  hasTable,
  removeDatabaseFiles,
  restoreLedger,
  type Setting,
  unresolvedAttemptCount,
  unresolvedRefundCount,
  writeSetting,
} from '../ledger/index.ts';
import type { Secrets } from '../secrets/index.ts';
import { anchorRestoredLedger } from './anchor-restored.ts';
import { checkBackup } from './ledger-backup.ts';
import { RecoveryError } from './recovery-error.ts';

/**
 * Left in a restored ledger until the Toss catch-up has run: from when Toss's transactions must be
 * compared with the ledger (the backup's time). Written into the copy before it is put in place,
 * so a restored ledger that is opened first elsewhere (the app after the CLI) still catches up.
 */
export interface TossCatchUpMarker {
  readonly since: number;
  readonly restoredAt: number;
  readonly doneAt: number | null;
}

export const TOSS_CATCH_UP: Setting<TossCatchUpMarker | null> = {
  key: 'recovery.toss_catch_up',
  fallback: null,
  valid: (value): value is TossCatchUpMarker | null =>
    value === null ||
    (typeof value === 'object' &&
      Number.isInteger((value as TossCatchUpMarker).since) &&
      Number.isInteger((value as TossCatchUpMarker).restoredAt) &&
      ((value as TossCatchUpMarker).doneAt === null ||
        Number.isInteger((value as TossCatchUpMarker).doneAt))),
};

export interface RestoreBackupInput {
  readonly file: string;
  readonly dataDir: string;
  readonly secrets: Secrets;
  /** The recovery code as typed; needed when this PC's keychain does not hold the store's key. */
  readonly code?: string | undefined;
  /** A data folder whose ledger holds a store is replaced only when this is true. */
  readonly replace: boolean;
  readonly now: () => Date;
  /**
   * The file is a plain SQLite backup of a previous version (`ledger-<stamp>.sqlite` in this
   * folder's backups/): restored in place only, under the same rules, with this PC's data key.
   */
  readonly plainLegacy?: boolean | undefined;
}

export interface RestoreBackupResult {
  readonly file: string;
  /** When the backup was made (epoch ms): the Toss catch-up starts there. */
  readonly backupCreatedAt: number;
  /** Where the replaced ledger was moved, or null. */
  readonly previousLedger: string | null;
  /** The keychain account keeping the replaced data key, or null when it stayed the same. */
  readonly previousDataKey: string | null;
}

/**
 * Restores an encrypted backup into a data folder (design.md "Recovery"). Nothing is written
 * until the file opens: the code is checked, the body decrypted into a scratch file and checked
 * (integrity, ledger identity, audit chain). It is refused while the current ledger has a charge
 * or refund in flight or unresolved, and, without `replace`, when the folder already holds a
 * store. The replaced ledger is moved aside, never deleted; the data key goes into this PC's
 * keychain (the replaced one kept beside it); the restored ledger is marked for the Toss catch-up.
 */
export async function restoreBackup(input: RestoreBackupInput): Promise<RestoreBackupResult> {
  if (input.plainLegacy) return restorePlainLegacyBackup(input);
  const ledgerPath = ledgerFileIn(input.dataDir);
  const current = await currentLedger(ledgerPath);
  if (current.holdsStore && !input.replace) throw new RecoveryError('RESTORE_TARGET_HAS_LEDGER');
  if (current.unresolved > 0) throw new RecoveryError('RESTORE_WHILE_IN_FLIGHT');
  const dataKey = await input.secrets.ledgerDataKey({ mayCreate: false }).catch(() => undefined);
  const stamp = fileStamp(input.now());
  let result: RestoreBackupResult | undefined;
  await checkBackup(input.file, { dataKey, code: input.code }, input.dataDir, async (plain, opened) => {
    markForCatchUp(plain, opened.header.createdAt, input.now().getTime());
    // The lock first: a ledger the app or another CLI has open is refused before the keychain changes.
    const lock = acquireWriterLock(ledgerPath);
    let previous: string | null;
    try {
      // Checked again under the lock: nothing can have started a charge since.
      const locked = await currentLedger(ledgerPath);
      if (locked.holdsStore && !input.replace) throw new RecoveryError('RESTORE_TARGET_HAS_LEDGER');
      if (locked.unresolved > 0) throw new RecoveryError('RESTORE_WHILE_IN_FLIGHT');
      const installed = await input.secrets.installLedgerDataKey(opened.dataKey, stamp);
      try {
        ({ previous } = await restoreLedger(plain, ledgerPath, { now: input.now, lockHeld: true }));
      } catch (error) {
        await installed.undo();
        throw error;
      }
      result = {
        file: path.resolve(input.file),
        backupCreatedAt: opened.header.createdAt,
        previousLedger: previous,
        previousDataKey: installed.previousAccount,
      };
    } finally {
      lock.release();
    }
    // After the lock is released: anchoring opens the restored ledger, which takes it again.
    await anchorRestoredLedger(ledgerPath, input.secrets, input.now);
  });
  if (!result) throw new Error('restore finished without a result');
  return result;
}

/**
 * A previous version's plain backup, in place: refused while a charge or refund is unresolved, the
 * replaced ledger moved aside (restoreLedger), the copy marked for the Toss catch-up from the file's
 * time, and the audit head re-anchored. The data key stays: the backup is this store's own.
 */
async function restorePlainLegacyBackup(input: RestoreBackupInput): Promise<RestoreBackupResult> {
  const ledgerPath = ledgerFileIn(input.dataDir);
  if ((await currentLedger(ledgerPath)).unresolved > 0) throw new RecoveryError('RESTORE_WHILE_IN_FLIGHT');
  const file = path.resolve(input.file);
  const backupCreatedAt = Math.trunc((await stat(file)).mtimeMs);
  // Beside the ledger, as checkBackup's scratch copy is.
  const plain = `${ledgerPath}.restore-plain-${fileStamp(input.now())}.tmp`;
  let previous: string | null;
  try {
    // A copy: the catch-up marker is written into it, never into the backup itself.
    await copyFile(file, plain);
    markForCatchUp(plain, backupCreatedAt, input.now().getTime());
    const lock = acquireWriterLock(ledgerPath);
    try {
      if ((await currentLedger(ledgerPath)).unresolved > 0)
        throw new RecoveryError('RESTORE_WHILE_IN_FLIGHT');
      ({ previous } = await restoreLedger(plain, ledgerPath, { now: input.now, lockHeld: true }));
    } finally {
      lock.release();
    }
  } finally {
    await removeDatabaseFiles(plain).catch(() => {});
  }
  await anchorRestoredLedger(ledgerPath, input.secrets, input.now);
  return { file, backupCreatedAt, previousLedger: previous, previousDataKey: null };
}

function markForCatchUp(plain: string, since: number, restoredAt: number): void {
  const db = new Database(plain);
  try {
    writeSetting(db, TOSS_CATCH_UP, { since, restoredAt, doneAt: null }, new Date(restoredAt));
  } finally {
    db.close();
  }
}

/**
 * Charges and refunds that are on their way to Toss or whose outcome is unknown: a restore must
 * wait for them (their intent row is committed PENDING before the request leaves, invariant 4).
 */
export function unresolvedMoneyMovements(db: Database.Database): number {
  return unresolvedAttemptCount(db) + unresolvedRefundCount(db);
}

/** Whether the folder's ledger holds a store (members, operators or charges) and what is unresolved in it. */
async function currentLedger(ledgerPath: string): Promise<{ holdsStore: boolean; unresolved: number }> {
  const exists = await access(ledgerPath).then(
    () => true,
    () => false,
  );
  if (!exists) return { holdsStore: false, unresolved: 0 };
  const db = new Database(ledgerPath, { readonly: true, fileMustExist: true });
  try {
    if (!hasTable(db, 'charge_attempts')) return { holdsStore: false, unresolved: 0 };
    const holdsStore = anyMember(db) || hasAttempts(db) || anyPersonEver(db);
    return { holdsStore, unresolved: unresolvedMoneyMovements(db) };
  } finally {
    db.close();
  }
}
