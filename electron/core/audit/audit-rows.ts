import type Database from 'better-sqlite3';
import { hasTable, statement } from '../ledger/index.ts';
import type { AuditContent } from './audit-hash.ts';

/*
 * The home of audit_log and audit_chain: every statement that reads or writes them is here. How
 * rows are chained and checked (audit-hash.ts, append-audit.ts, verify-audit.ts, audit-chain.ts)
 * stays with those modules; this one only reads and writes rows.
 */

/** An audit_log row as stored. */
export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  operator_id: number | null;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The last row's id and hash: what the next row is chained to. */
export function lastAuditRow(db: Database.Database): { id: number; hash: string } | undefined {
  return statement(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
}

/** Appends a row: its content, `details` as canonical JSON, and its place in the chain. */
export function insertAuditRow(
  db: Database.Database,
  row: Omit<AuditContent, 'details'>,
  details: string,
  prevHash: string,
  hash: string,
): void {
  statement(
    db,
    `INSERT INTO audit_log (id, at, actor, operator_id, action, subject, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.at, row.actor, row.operatorId, row.action, row.subject, details, prevHash, hash);
}

export function auditHashOfRow(db: Database.Database, id: number): string | undefined {
  return statement(db, 'SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string | undefined;
}

/** Every row in id order, read one at a time (a start-up walks them all). */
export function auditRowsInOrder(db: Database.Database): IterableIterator<AuditRow> {
  return statement(
    db,
    'SELECT id, at, actor, operator_id, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id',
  ).iterate() as IterableIterator<AuditRow>;
}

/** The highest id SQLite ever gave an audit row (sqlite_sequence), or undefined before the first. */
export function issuedAuditId(db: Database.Database): number | undefined {
  const issued = statement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get();
  return typeof issued === 'number' ? issued : undefined;
}

/** The instant of the latest row about `subject` with this action, if any. */
export function lastAuditAt(db: Database.Database, subject: string, action: string): number | undefined {
  return statement(db, 'SELECT at FROM audit_log WHERE subject = ? AND action = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(subject, action) as number | undefined;
}

/** Any combination narrows the log; `from` is inclusive and `to` exclusive, epoch ms. */
export interface AuditFilter {
  readonly operatorId?: number;
  /** An action or an action prefix: 'charge' matches 'charge.create' and 'charge.limit_approved'. */
  readonly action?: string;
  readonly from?: number;
  readonly to?: number;
}

/** An audit_log row as screens read it, details as stored (canonical JSON). */
export type StoredAuditEntry = Omit<AuditContent, 'details'> & { readonly details: string };

/** The rows the filter matches with ids below `before`, newest first, `limit` at most (-1: all). */
export function auditRowsNewestFirst(
  db: Database.Database,
  filter: AuditFilter,
  before: number | undefined,
  limit: number,
): StoredAuditEntry[] {
  const where: string[] = [];
  const params: (number | string)[] = [];
  const add = (clause: string, ...values: (number | string)[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (before !== undefined) add('id < ?', before);
  if (filter.operatorId !== undefined) add('operator_id = ?', filter.operatorId);
  // GLOB, not LIKE: '_' is common in action names and LIKE would read it as a wildcard.
  if (filter.action !== undefined) {
    add("(action = ? OR action GLOB ? || '.*')", filter.action, filter.action.replace(/[*?[\]]/g, '[$&]'));
  }
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at < ?', filter.to);
  // One text per combination of filters (32 at most), each compiled once.
  return statement(
    db,
    `SELECT id, at, actor, operator_id AS operatorId, action, subject, details FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
  ).all(...params, limit) as StoredAuditEntry[];
}

/**
 * The first id of the keyed part of the chain, or null when the ledger has not been opened with
 * its data key yet (every row is then chained with bare SHA-256, as before the chain was keyed).
 */
export function keyedFrom(db: Database.Database): number | null {
  if (!hasTable(db, 'audit_chain')) return null;
  const from = statement(db, 'SELECT keyed_from FROM audit_chain WHERE id = 1').pluck().get();
  return typeof from === 'number' ? from : null;
}

/** Starts the keyed part of the chain at the row after the last one. */
export function startKeyedChain(db: Database.Database, at: number): void {
  statement(
    db,
    'INSERT INTO audit_chain (id, keyed_from, at) SELECT 1, coalesce(max(id), 0) + 1, ? FROM audit_log',
  ).run(at);
}
