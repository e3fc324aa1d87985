import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashCanonical } from './audit-hash.ts';
import { type AuditRow, auditRowsInOrder, issuedAuditId, keyedFrom } from './audit-rows.ts';

/**
 * Why a row fails: `missing` (rows deleted from the middle), `truncated` (rows deleted from the
 * end: sqlite_sequence, or the head kept in the keychain, knows a higher id), `chain` (prev_hash
 * is not the previous row's hash: rows reordered or replaced), `content` (the row's fields no
 * longer give its hash), `head` (the row the keychain's head names has another hash, or the
 * keyed part starts elsewhere: the ledger was replaced or rewritten) or `head-missing` (a keyed
 * ledger whose head is not in this keychain).
 */
export type AuditBreak = 'missing' | 'truncated' | 'chain' | 'content' | 'head' | 'head-missing';

export type AuditVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: AuditBreak; readonly message: string };

const MESSAGES: Record<AuditBreak, (id: number) => string> = {
  missing: (id) => `감사 기록 ${id}번이 지워졌습니다.`,
  truncated: (id) => `감사 기록 ${id}번부터 끝까지가 지워졌습니다.`,
  chain: (id) => `감사 기록 ${id}번이 앞 기록과 이어지지 않습니다. 순서가 바뀌었거나 바꿔치기되었습니다.`,
  content: (id) => `감사 기록 ${id}번의 내용이 바뀌었습니다.`,
  head: (id) =>
    `감사 기록 ${id}번이 키체인에 보관한 마지막 기록과 다릅니다. 장부 파일이 바꿔치기되었거나 다시 쓰였습니다.`,
  'head-missing': () =>
    '키체인에 감사 기록의 마지막 기록이 없어 장부 파일이 바꿔치기되지 않았는지 확인할 수 없습니다.',
};

/**
 * Walks the whole chain from id 1 and reports the first id where the log is not what was
 * written: a row that is missing, out of chain or altered. Rows before the keyed part (see
 * keyedFrom in audit-rows.ts) are checked with bare SHA-256, rows in it with the chain's key,
 * which a keyed ledger needs. A bare SHA-256 chain rewritten from some row to the end is
 * consistent again, and so is a keyed chain cut short: only the head kept in the keychain shows
 * those (audit-chain.ts).
 */
export function verifyAudit(db: Database.Database, key?: KeyObject): AuditVerification {
  const from = keyedFrom(db);
  if (from !== null && !key) throw new Error('The audit chain is keyed: verify it with its key');
  const rows = auditRowsInOrder(db);
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const reason = breakIn(row, expectedId, prevHash, from !== null && row.id >= from ? key : undefined);
    if (reason) return broken(reason === 'missing' ? expectedId : row.id, reason);
    prevHash = row.hash;
    expectedId++;
  }
  const issued = issuedAuditId(db);
  if (issued !== undefined && issued >= expectedId) return broken(expectedId, 'truncated');
  return { ok: true, count: expectedId - 1 };
}

function breakIn(
  row: AuditRow,
  expectedId: number,
  prevHash: string,
  key: KeyObject | undefined,
): AuditBreak | null {
  if (row.id !== expectedId) return 'missing';
  if (row.prev_hash !== prevHash) return 'chain';
  return hashCanonical(prevHash, canonicalText(row), key) === row.hash ? null : 'content';
}

/**
 * canonicalJson of the row's content, written out directly (a start-up walks every row): keys in
 * canonical order, and the details as stored. appendAudit stores the details' canonical JSON, so
 * any other text there (altered, or the same data spelt another way) no longer gives the hash.
 */
function canonicalText(row: AuditRow): string {
  const { stringify } = JSON;
  return (
    `{"action":${stringify(row.action)},"actor":${stringify(row.actor)},"at":${stringify(row.at)},` +
    `"details":${row.details},"id":${stringify(row.id)},"operatorId":${stringify(row.operator_id)},` +
    `"subject":${stringify(row.subject)}}`
  );
}

export function broken(id: number, reason: AuditBreak): AuditVerification & { ok: false } {
  return { ok: false, brokenAt: id, reason, message: MESSAGES[reason](id) };
}
