import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { type AuditEntry, appendAudit, GENESIS_HASH, verifyAudit } from '../../electron/core/audit/index.ts';
import { steppingClock } from '../ledger/stepping-clock.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';

const temp = tempLedgers();
let db: Database.Database;
const now = steppingClock(Date.UTC(2025, 0, 15, 1), 1_000);

const entries: AuditEntry[] = [
  {
    actor: '김사장',
    action: 'settings.update',
    subject: 'settings:dunning.days',
    details: { from: [1, 3], to: [1, 3, 7] },
  },
  {
    actor: 'scheduler',
    action: 'charge.done',
    subject: 'charge_attempt:1',
    details: { amount: 99_000, vat: 9_000 },
  },
  {
    actor: '박매니저',
    operatorId: null,
    action: 'refund.done',
    subject: 'refund:1',
    details: { amount: 9_000 },
  },
  {
    actor: 'scheduler',
    action: 'charge.declined',
    subject: 'charge_attempt:2',
    details: { code: 'REJECT_CARD_PAYMENT' },
  },
  { actor: 'cli', action: 'backup.done', subject: 'ledger', details: { file: 'ledger-2025-01-15.sqlite' } },
];

beforeEach(async () => {
  db = (await temp.ledger()).db;
  for (const entry of entries) appendAudit(db, entry, now);
});

function tamper(sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.prepare(sql).run(...params);
}

describe('appendAudit and verifyAudit', () => {
  it('chains each row to the one before and verifies the whole log', () => {
    expect(verifyAudit(db)).toEqual({ ok: true, count: 5 });
    const rows = db.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all() as {
      id: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
  });

  it('hashes prev_hash followed by the canonical JSON of the row, as documented', () => {
    const first = db.prepare('SELECT * FROM audit_log WHERE id = 1').get() as {
      at: number;
      details: string;
      hash: string;
    };
    expect(first.details).toBe('{"from":[1,3],"to":[1,3,7]}');
    const canonical =
      `{"action":"settings.update","actor":"김사장","at":${first.at},"details":{"from":[1,3],"to":[1,3,7]},` +
      '"id":1,"operatorId":null,"subject":"settings:dunning.days"}';
    expect(first.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + canonical)
        .digest('hex'),
    );
  });

  it('returns what it appended, and commits or rolls back with the change it records', () => {
    const record = appendAudit(
      db,
      { actor: 'cli', action: 'x', subject: 'y', details: {} },
      () => new Date(42),
    );
    expect(record).toMatchObject({ id: 6, at: 42, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(() =>
      db.transaction(() => {
        appendAudit(db, { actor: 'cli', action: 'charge.done', subject: 'z', details: {} }, now);
        throw new Error('결제 기록 실패');
      })(),
    ).toThrow('결제 기록 실패');
    expect(verifyAudit(db)).toEqual({ ok: true, count: 6 });
  });

  it('rejects UPDATE and DELETE while the triggers are in place', () => {
    expect(() => db.prepare("UPDATE audit_log SET actor = '누군가' WHERE id = 2").run()).toThrow(
      '감사 기록은 고칠 수 없습니다',
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 5').run()).toThrow(
      '감사 기록은 지울 수 없습니다',
    );
    expect(verifyAudit(db)).toEqual({ ok: true, count: 5 });
  });
});

describe('verifyAudit finds the first broken row', () => {
  it('in changed details', () => {
    tamper('UPDATE audit_log SET details = ? WHERE id = 3', '{"amount":900}');
    expect(verifyAudit(db)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'content',
      message: '감사 기록 3번의 내용이 바뀌었습니다.',
    });
  });

  it('in details rewritten with the same meaning but other bytes', () => {
    tamper('UPDATE audit_log SET details = ? WHERE id = 2', '{"vat":9000,"amount":99000}');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'content' });
  });

  it('in a changed time or actor', () => {
    tamper('UPDATE audit_log SET at = at + 1 WHERE id = 4');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'content' });
  });

  it('where a middle row was deleted', () => {
    tamper('DELETE FROM audit_log WHERE id = 3');
    expect(verifyAudit(db)).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'missing',
      message: '감사 기록 3번이 지워졌습니다.',
    });
  });

  it('where rows were swapped, hashes and all', () => {
    const columns = 'at, actor, action, subject, details, prev_hash, hash';
    const read = db.prepare(`SELECT ${columns} FROM audit_log WHERE id = ?`);
    const [second, fourth] = [read.get(2), read.get(4)];
    const write = `UPDATE audit_log SET (${columns}) = (@at, @actor, @action, @subject, @details, @prev_hash, @hash) WHERE id = @id`;
    tamper(write, { ...(fourth as object), hash: 'f'.repeat(64), id: 4 });
    db.prepare(write).run({ ...(fourth as object), id: 2 });
    db.prepare(write).run({ ...(second as object), id: 4 });
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'chain' });
  });

  it('where the last rows were cut off', () => {
    tamper('DELETE FROM audit_log WHERE id >= 4');
    expect(verifyAudit(db)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'truncated',
      message: '감사 기록 4번부터 끝까지가 지워졌습니다.',
    });
  });
});
