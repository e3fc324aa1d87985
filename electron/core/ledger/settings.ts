import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/** The ledger's settings table (key → JSON), typed per key: a stored value of the wrong type reads as the default. */
export interface Setting<T> {
  readonly key: string;
  readonly fallback: T;
  readonly valid: (value: unknown) => value is T;
}

export function readSetting<T>(db: Database.Database, setting: Setting<T>): T {
  const value = storedSetting(db, setting.key);
  if (value === undefined) return setting.fallback;
  return setting.valid(value) ? value : setting.fallback;
}

/**
 * The stored value of a key as it parses, unchecked (undefined when unset): for a reader that
 * needs one part of a value whatever the rest holds. Everything else reads through readSetting.
 */
export function storedSetting(db: Database.Database, key: string): unknown {
  const raw = statement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as
    | string
    | undefined;
  return raw === undefined ? undefined : JSON.parse(raw);
}

/** Call inside the transaction that audits the change. */
export function writeSetting<T>(db: Database.Database, setting: Setting<T>, value: T, now: Date): void {
  if (!setting.valid(value)) throw new RangeError(`invalid value for ${setting.key}`);
  statement(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(setting.key, JSON.stringify(value), now.getTime());
}
