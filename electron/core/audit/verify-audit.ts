import type Database from 'better-sqlite3';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';
import { canonicalJson, type JsonObject } from './canonical-json.ts';

/**
 * Why a row fails: `missing` (rows deleted from the middle), `truncated` (rows deleted from the
 * end: sqlite_sequence remembers a higher id), `chain` (prev_hash is not the previous row's hash:
 * rows reordered or replaced) or `content` (the row's fields no longer give its hash).
 */
export type AuditBreak = 'missing' | 'truncated' | 'chain' | 'content';

export type AuditVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: AuditBreak; readonly message: string };

interface AuditRow {
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

const MESSAGES: Record<AuditBreak, (id: number) => string> = {
  missing: (id) => `감사 기록 ${id}번이 지워졌습니다.`,
  truncated: (id) => `감사 기록 ${id}번부터 끝까지가 지워졌습니다.`,
  chain: (id) => `감사 기록 ${id}번이 앞 기록과 이어지지 않습니다. 순서가 바뀌었거나 바꿔치기되었습니다.`,
  content: (id) => `감사 기록 ${id}번의 내용이 바뀌었습니다.`,
};

/**
 * Walks the whole chain from id 1 and reports the first id where the log is not what was
 * written: a row that is missing, out of chain or altered. A chain rewritten from some row to the
 * end, hashes and all, is consistent again; only a copy of a later hash kept elsewhere shows that.
 */
export function verifyAudit(db: Database.Database): AuditVerification {
  const rows = db
    .prepare(
      'SELECT id, at, actor, operator_id, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id',
    )
    .iterate() as IterableIterator<AuditRow>;
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const reason = breakIn(row, expectedId, prevHash);
    if (reason) return broken(reason === 'missing' ? expectedId : row.id, reason);
    prevHash = row.hash;
    expectedId++;
  }
  const issued = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get();
  if (typeof issued === 'number' && issued >= expectedId) return broken(expectedId, 'truncated');
  return { ok: true, count: expectedId - 1 };
}

function breakIn(row: AuditRow, expectedId: number, prevHash: string): AuditBreak | null {
  if (row.id !== expectedId) return 'missing';
  if (row.prev_hash !== prevHash) return 'chain';
  const details = writtenDetails(row.details);
  if (details === null) return 'content';
  const content = {
    id: row.id,
    at: row.at,
    actor: row.actor,
    operatorId: row.operator_id,
    action: row.action,
    subject: row.subject,
    details,
  };
  return auditHash(prevHash, content) === row.hash ? null : 'content';
}

/** The details as appendAudit writes them (the canonical JSON of an object), or null. */
function writtenDetails(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return canonicalJson(value as JsonObject) === text ? (value as JsonObject) : null;
  } catch {
    // Not JSON, or JSON with no canonical form (a number too large for a double).
    return null;
  }
}

function broken(id: number, reason: AuditBreak): AuditVerification {
  return { ok: false, brokenAt: id, reason, message: MESSAGES[reason](id) };
}
