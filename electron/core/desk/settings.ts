import type Database from 'better-sqlite3';

/** The ledger's settings table (key → JSON), typed per key: a stored value of the wrong type reads as the default. */
export interface Setting<T> {
  readonly key: string;
  readonly fallback: T;
  readonly valid: (value: unknown) => value is T;
}

/** Minutes without a call after which main signs the operator out (0: never). */
export const IDLE_LOCK_MINUTES: Setting<number> = {
  key: 'staff.idle_lock_minutes',
  fallback: 5,
  valid: (value): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 240,
};

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

/** What a printed receipt says about the store (Korean receipts name the business and its number). */
export interface StoreDetails {
  readonly name: string;
  /** 사업자등록번호, 10 digits. */
  readonly businessNumber: string;
  readonly address: string;
  readonly phone: string;
}

const STORE_TEXT_LIMITS: Readonly<Record<keyof StoreDetails, number>> = {
  name: 100,
  businessNumber: 10,
  address: 200,
  phone: 20,
};

export const STORE_DETAILS: Setting<StoreDetails> = {
  key: 'store.details',
  fallback: { name: '', businessNumber: '', address: '', phone: '' },
  valid: (value): value is StoreDetails =>
    typeof value === 'object' &&
    value !== null &&
    Object.entries(STORE_TEXT_LIMITS).every(([field, max]) => {
      const text = (value as Record<string, unknown>)[field];
      return typeof text === 'string' && text.length <= max;
    }) &&
    /^(\d{10})?$/.test((value as StoreDetails).businessNumber),
};
