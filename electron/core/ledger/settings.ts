import type Database from 'better-sqlite3';

/** The ledger's settings table (key → JSON), typed per key: a stored value of the wrong type reads as the default. */
export interface Setting<T> {
  readonly key: string;
  readonly fallback: T;
  readonly valid: (value: unknown) => value is T;
}

export function readSetting<T>(db: Database.Database, setting: Setting<T>): T {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(setting.key) as
    | string
    | undefined;
  if (raw === undefined) return setting.fallback;
  const value: unknown = JSON.parse(raw);
  return setting.valid(value) ? value : setting.fallback;
}

/** Call inside the transaction that audits the change. */
export function writeSetting<T>(db: Database.Database, setting: Setting<T>, value: T, now: Date): void {
  if (!setting.valid(value)) throw new RangeError(`invalid value for ${setting.key}`);
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(setting.key, JSON.stringify(value), now.getTime());
}
