import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';

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

/**
 * The first id of the keyed part of the chain, or null when the ledger has not been opened with
 * its data key yet (every row is then chained with bare SHA-256, as before the chain was keyed).
 */
export function keyedFrom(db: Database.Database): number | null {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_chain'").get();
  if (!table) return null;
  const from = db.prepare('SELECT keyed_from FROM audit_chain WHERE id = 1').pluck().get();
  return typeof from === 'number' ? from : null;
}
