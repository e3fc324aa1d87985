import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { keyedFrom } from './audit-rows.ts';

/** The key a connection's audit rows are chained with, and who hears of each append. */
export interface ChainKey {
  readonly key: KeyObject;
  /** Told after each append (inside its transaction): keeps the head in the keychain current. */
  readonly onAppend: () => void;
}

const keys = new WeakMap<Database.Database, ChainKey>();
const listeners = new Set<(db: Database.Database) => void>();

/** The chain's key for this connection, or undefined when it was opened without one. */
export function chainKeyOf(db: Database.Database): ChainKey | undefined {
  return keys.get(db);
}

export function setChainKey(db: Database.Database, chainKey: ChainKey): void {
  keys.set(db, chainKey);
  for (const listener of listeners) listener(db);
}

/** For caches of compiled appenders, which must be rebuilt once a key is set. */
export function onChainKeySet(listener: (db: Database.Database) => void): void {
  listeners.add(listener);
}

/** Whether the ledger was ever opened with its data key (its audit chain has a keyed part). */
export function auditChainKeyed(db: Database.Database): boolean {
  return keyedFrom(db) !== null;
}
