import type Database from 'better-sqlite3';
import { LedgerError } from './ledger-error.ts';
import { LEDGER_APPLICATION_ID } from './ledger-identity.ts';

/**
 * One forward-only schema step. Applied migrations are frozen: a change to the schema is a new
 * migration, never an edit of an old one, because ledgers in stores already ran the old text.
 * Foreign keys stay on while a step runs (they cannot be switched inside a transaction), so a
 * step that rebuilds a referenced table sets `PRAGMA defer_foreign_keys = ON` first; references
 * are then checked once, when the step commits.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/** The version a ledger reaches with this list: the last migration's, or 0 for none. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Brings the ledger from `currentVersion` to the list's latest, each migration in its own
 * transaction together with its PRAGMA user_version (and the application_id that marks the file
 * as a ledger), so a failed step leaves the ledger exactly at the previous version. The caller
 * has already refused ledgers newer than the list.
 */
export function migrateLedger(
  db: Database.Database,
  migrations: readonly Migration[],
  currentVersion: number,
): void {
  assertNumbered(migrations);
  for (const migration of migrations) {
    if (migration.version <= currentVersion) continue;
    const step = db.transaction(() => {
      migration.up(db);
      db.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      step.immediate();
    } catch (error) {
      throw new LedgerError(
        'LEDGER_MIGRATION_FAILED',
        `장부를 버전 ${migration.version}(${migration.name})로 올리지 못해 버전 ${migration.version - 1} 그대로 두었습니다: ${error instanceof Error ? error.message : String(error)}`,
        error,
      );
    }
  }
}

/** A programming error, not a ledger state: the list must be 1, 2, 3… with no gap or repeat. */
function assertNumbered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
