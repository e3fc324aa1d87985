import type Database from 'better-sqlite3';
import type { JsonObject } from './canonical-json.ts';

/** Any combination narrows the log; `from` is inclusive and `to` exclusive, epoch ms. */
export interface AuditFilter {
  readonly operatorId?: number;
  /** An action or an action prefix: 'charge' matches 'charge.create' and 'charge.limit_approved'. */
  readonly action?: string;
  readonly from?: number;
  readonly to?: number;
}

export interface AuditEntryView {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly operatorId: number | null;
  readonly action: string;
  readonly subject: string;
  readonly details: JsonObject;
}

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
  const rows = db
    .prepare(
      `SELECT id, at, actor, operator_id AS operatorId, action, subject, details FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, limit) as (Omit<AuditEntryView, 'details'> & { details: string })[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as JsonObject }));
}
