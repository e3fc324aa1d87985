import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { COMPANION_SUFFIXES, fileStamp, fsyncDir, removeDatabaseFiles } from './database-files.ts';
import { errorCode, LedgerError } from './ledger-error.ts';
import { checkLedgerIdentity, notALedger } from './ledger-identity.ts';
import { latestVersion } from './migrate.ts';
import { ledgerMigrations } from './migrations.ts';
import { acquireWriterLock } from './writer-lock.ts';

export interface RestoreOptions {
  readonly now: () => Date;
  /** The caller already holds the ledger's writer lock (and releases it). */
  readonly lockHeld?: boolean;
}

export interface RestoreResult {
  /** Where the ledger that was replaced now lives (with its -wal), or null if there was none. */
  readonly previous: string | null;
}

/**
 * Puts a backup in place of the ledger at `ledgerPath`. Refuses while the app or the CLI has the
 * ledger open, and refuses a backup that fails PRAGMA integrity_check or foreign_key_check or is
 * not a ledger this code can open, leaving the ledger untouched. The replaced ledger is kept
 * beside it as `<ledger>.before-restore-<timestamp>`, so a restore can itself be undone.
 */
export async function restoreLedger(
  backupFile: string,
  ledgerPath: string,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const target = path.resolve(ledgerPath);
  const staging = `${target}.restoring`;
  const lock = options.lockHeld ? undefined : acquireWriterLock(target);
  try {
    const source = openVerifiedBackup(path.resolve(backupFile));
    try {
      await removeDatabaseFiles(staging);
      await source.backup(staging);
    } finally {
      source.close();
    }
    return {
      previous: await swapIn(staging, target, `${target}.before-restore-${fileStamp(options.now())}`),
    };
  } catch (error) {
    await removeDatabaseFiles(staging).catch(() => {});
    if (error instanceof LedgerError) throw error;
    throw new LedgerError(
      'RESTORE_FAILED',
      `백업을 복원하지 못했습니다. 장부는 그대로입니다: ${target}`,
      error,
    );
  } finally {
    lock?.release();
  }
}

function openVerifiedBackup(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (integrity !== 'ok' || dangling.length > 0) throw damaged(file);
    // An empty database would pass as a new ledger, but restoring it would empty the ledger.
    if (checkLedgerIdentity(db, file, latestVersion(ledgerMigrations)) === 0) throw notALedger(file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof LedgerError) throw error;
    const code = errorCode(error) ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') throw damaged(file, error);
    throw new LedgerError('RESTORE_FAILED', `백업 파일을 열 수 없습니다: ${file}`, error);
  }
}

function damaged(file: string, cause?: unknown): LedgerError {
  return new LedgerError(
    'BACKUP_DAMAGED',
    `백업 파일이 손상되어 복원하지 않았습니다. 장부는 그대로입니다: ${file}`,
    cause,
  );
}

/**
 * Moves the current ledger aside together with its -wal and -shm (a -wal left behind would be
 * replayed into the restored file and corrupt it), then renames the restored copy into place.
 */
async function swapIn(staging: string, target: string, aside: string): Promise<string | null> {
  const moved: string[] = [];
  for (const suffix of ['', ...COMPANION_SUFFIXES]) {
    if (await exists(target + suffix)) {
      await rename(target + suffix, aside + suffix);
      moved.push(suffix);
    }
  }
  try {
    await rename(staging, target);
  } catch (error) {
    for (const suffix of moved) await rename(aside + suffix, target + suffix);
    throw error;
  }
  await fsyncDir(path.dirname(target));
  return moved.includes('') ? aside : null;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
