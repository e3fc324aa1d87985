/**
 * The audit_log table as created by ledger migration 1 (frozen: changes are new migrations).
 * Append-only: triggers abort every UPDATE and DELETE, whoever sends it. AUTOINCREMENT keeps the
 * highest id ever issued in sqlite_sequence, which lets verifyAudit notice rows cut off the end.
 */
export const AUDIT_LOG_V1_SQL = `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
  operator_id INTEGER REFERENCES operators (id),
  action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  details TEXT NOT NULL CHECK (json_valid(details) AND json_type(details) = 'object'),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '감사 기록은 고칠 수 없습니다');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '감사 기록은 지울 수 없습니다');
END;
`;
