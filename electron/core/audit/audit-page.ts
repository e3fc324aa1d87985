import type Database from 'better-sqlite3';
import type { AuditContent } from './audit-hash.ts';
import { type AuditFilter, auditRowsNewestFirst } from './audit-rows.ts';
import type { JsonObject } from './canonical-json.ts';

/** A row of the audit log as screens and exports show it: its content, details parsed. */
export type AuditEntryView = AuditContent;

export interface AuditPage {
  readonly entries: AuditEntryView[];
  /** Pass as `before` for the next page; null when this page is the last. */
  readonly next: number | null;
}

/** One page of the audit log, newest first, by id (ids only grow: paging never skips or repeats). */
export function auditPage(
  db: Database.Database,
  filter: AuditFilter,
  page: { limit?: number; before?: number } = {},
): AuditPage {
  const limit = page.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000) {
    throw new RangeError(`limit must be an integer from 1 to 1000, got ${limit}`);
  }
  const entries = select(db, filter, page.before, limit + 1);
  const more = entries.length > limit;
  const shown = more ? entries.slice(0, limit) : entries;
  return { entries: shown, next: more ? (shown.at(-1)?.id ?? null) : null };
}

/** Every entry the filter matches, newest first (for export). */
export function auditEntries(db: Database.Database, filter: AuditFilter): AuditEntryView[] {
  return select(db, filter, undefined, -1);
}

function select(db: Database.Database, filter: AuditFilter, before: number | undefined, limit: number) {
  return auditRowsNewestFirst(db, filter, before, limit).map((row) => ({
    ...row,
    details: JSON.parse(row.details) as JsonObject,
  }));
}
