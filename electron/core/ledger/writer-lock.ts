import Database from 'better-sqlite3';
import { cannotOpenLedger, errorCode, LedgerError } from './ledger-error.ts';

export interface WriterLock {
  readonly file: string;
  release(): void;
}

/**
 * Makes this process the only writer of a ledger until release() or until the process ends.
 *
 * The lock is a sibling SQLite file held with locking_mode=EXCLUSIVE after a write: SQLite keeps
 * an OS byte-range lock on it (fcntl on macOS and Linux, LockFileEx on Windows) that the OS drops
 * when the process dies, however it dies, so a crash never leaves a stale lock to clean up.
 * SQLite also tracks its locks per file inside one process, so a second open here is refused too.
 * The file stays after release: its lock, not its existence, is what counts, and deleting it
 * would let two processes lock two different files of the same name.
 */
export function acquireWriterLock(ledgerPath: string): WriterLock {
  const file = `${ledgerPath}.lock`;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('PRAGMA user_version = 1');
    db.exec('COMMIT');
  } catch (error) {
    db?.close();
    if (errorCode(error) === 'SQLITE_BUSY') {
      throw new LedgerError(
        'LEDGER_IN_USE',
        `다른 창이나 CLI가 이 장부를 사용하고 있습니다. 그쪽을 닫은 뒤 다시 시도해 주세요: ${ledgerPath}`,
        error,
      );
    }
    throw cannotOpenLedger(ledgerPath, error);
  }
  const held = db;
  return { file, release: () => held.close() };
}
