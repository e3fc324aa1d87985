import type Database from 'better-sqlite3';
import { LedgerError } from './ledger-error.ts';

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

interface RequiredPragma {
  readonly name: string;
  readonly value: string | number;
}

function requiredPragmas(busyTimeoutMs: number): readonly RequiredPragma[] {
  return [
    { name: 'journal_mode', value: 'wal' },
    // SQLite's default on a WAL file is NORMAL (1), which can lose the last commits on power loss.
    // The setting belongs to the connection, so every connection sets FULL (2) itself.
    { name: 'synchronous', value: 2 },
    { name: 'foreign_keys', value: 1 },
    { name: 'busy_timeout', value: busyTimeoutMs },
  ];
}

/** Sets the connection up as design.md invariant 5 asks, then refuses it unless all of it took. */
export function applyDurability(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  assertDurable(db, busyTimeoutMs);
}

/**
 * Reads every required pragma back: SQLite answers a pragma it cannot honour (WAL on a memory or
 * read-only database, a setting made inside a transaction) by silently keeping the old value.
 */
export function assertDurable(db: Database.Database, busyTimeoutMs: number): void {
  for (const pragma of requiredPragmas(busyTimeoutMs)) {
    const actual: unknown = db.pragma(pragma.name, { simple: true });
    if (actual !== pragma.value) {
      throw new LedgerError(
        'LEDGER_PRAGMA_NOT_IN_FORCE',
        `장부의 안전 설정이 적용되지 않아 장부를 열지 않았습니다: ${pragma.name} = ${String(actual)} (필요한 값: ${pragma.value})`,
      );
    }
  }
}
