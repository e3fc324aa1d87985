import path from 'node:path';
import Database from 'better-sqlite3';
import { applyDurability, DEFAULT_BUSY_TIMEOUT_MS } from './durability.ts';
import { cannotOpenLedger } from './ledger-error.ts';
import { checkLedgerIdentity } from './ledger-identity.ts';
import { latestVersion, type Migration, migrateLedger } from './migrate.ts';
import { ledgerMigrations } from './migrations.ts';
import { acquireWriterLock } from './writer-lock.ts';

/** An open ledger: the one writing connection of this process, held until close(). */
export interface Ledger {
  /** Absolute path of the ledger file. */
  readonly path: string;
  readonly db: Database.Database;
  readonly schemaVersion: number;
  close(): void;
}

export interface OpenLedgerOptions {
  /** The schema steps to apply; every ledger in the app uses the default, tests pass a prefix. */
  readonly migrations?: readonly Migration[];
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (or creates) a ledger: takes the writer lock, refuses a file that is not a ledger or is
 * newer than this code, sets WAL, synchronous=FULL, foreign keys and a busy timeout and reads them
 * back, then applies the missing migrations. Anything refused leaves nothing open or locked.
 */
export function openLedger(file: string, options: OpenLedgerOptions = {}): Ledger {
  const ledgerPath = path.resolve(file);
  const migrations = options.migrations ?? ledgerMigrations;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const lock = acquireWriterLock(ledgerPath);
  let db: Database.Database | undefined;
  try {
    db = connect(ledgerPath, busyTimeoutMs);
    // Read before anything writes: WAL mode would otherwise be switched on in a stranger's file.
    const version = checkLedgerIdentity(db, ledgerPath, latestVersion(migrations));
    applyDurability(db, busyTimeoutMs);
    // Savepoints (every write of a group commit is one) and statements that may fail halfway keep
    // the pages they change in a journal of their own, in a temporary file by default: a write()
    // per page, which doubled the cost of a charge's inserts. That journal only ever serves to
    // roll back within an open transaction, never crash recovery (the WAL does that), so keeping
    // it in memory changes nothing about durability (invariant 5).
    db.pragma('temp_store = MEMORY');
    migrateLedger(db, migrations, version);
  } catch (error) {
    db?.close();
    lock.release();
    throw error;
  }
  const connection = db;
  let open = true;
  return {
    path: ledgerPath,
    db: connection,
    schemaVersion: latestVersion(migrations),
    close() {
      if (!open) return;
      open = false;
      connection.close();
      lock.release();
    },
  };
}

function connect(ledgerPath: string, busyTimeoutMs: number): Database.Database {
  try {
    return new Database(ledgerPath, { timeout: busyTimeoutMs });
  } catch (error) {
    throw cannotOpenLedger(ledgerPath, error);
  }
}
