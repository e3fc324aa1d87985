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

/**
 * Where the keyed part of the audit chain starts (ledger migration 3, frozen like the above).
 * Rows with a lower id were chained with bare SHA-256 before the chain was keyed; rows from
 * keyed_from on carry an HMAC under a key derived from the ledger's data key. One row, written
 * once, the first time the ledger is opened with its data key; never updated or deleted.
 */
export const AUDIT_CHAIN_V1_SQL = `
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  keyed_from INTEGER NOT NULL CHECK (keyed_from >= 1),
  at INTEGER NOT NULL
) STRICT;

CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN
  SELECT RAISE(ABORT, '감사 기록 체인의 시작점은 고칠 수 없습니다');
END;

CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN
  SELECT RAISE(ABORT, '감사 기록 체인의 시작점은 지울 수 없습니다');
END;
`;
