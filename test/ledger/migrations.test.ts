import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../electron/core/audit/index.ts';
import { LedgerError, ledgerMigrations, type Migration } from '../../electron/core/ledger/index.ts';
import { done, rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();

function schemaOf(db: Database.Database) {
  return {
    objects: db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all(),
    version: db.pragma('user_version', { simple: true }),
    applicationId: db.pragma('application_id', { simple: true }),
  };
}

async function freshSchema(migrations: readonly Migration[]) {
  const ledger = await temp.ledger({ migrations });
  const schema = schemaOf(ledger.db);
  ledger.close();
  return schema;
}

/**
 * Rows a ledger can hold at each schema version, and a check that they are still there (and
 * still mean the same) after migrating to the latest. A new migration adds its entry here, so
 * that ledgers left at the version before it are tested with real data.
 */
interface Seed {
  insert(db: Database.Database): void;
  check(db: Database.Database): void;
}

const seeds: Record<number, Seed> = {
  1: {
    insert(db) {
      const rows = rowInserts(db);
      const member = rows.member({ name: '이서준' });
      const card = rows.card(member);
      const operator = rows.operator({ name: '박매니저', role: 'manager' });
      const subscription = rows.subscription(member);
      const period = rows.period(subscription, 0, { status: 'paid' });
      const charge = rows.charge(member, card, {
        kind: 'scheduled',
        subscription_period_id: period,
        amount: 99_000,
        ...done(99_000),
      });
      rows.refund(charge, operator, { amount: 9_000 });
      db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('dunning.days', '[1,3,7]', 1)").run();
      appendAudit(
        db,
        { actor: '박매니저', action: 'charge.done', subject: `charge_attempt:${charge}`, details: {} },
        () => new Date(1),
      );
    },
    check(db) {
      expect(db.prepare('SELECT name FROM members').pluck().all()).toEqual(['이서준']);
      expect(db.prepare('SELECT amount, vat, supplied_amount FROM charge_attempts').get()).toEqual({
        amount: 99_000,
        vat: 9_000,
        supplied_amount: 90_000,
      });
      expect(db.prepare('SELECT amount FROM refunds').pluck().all()).toEqual([9_000]);
      expect(db.prepare('SELECT value FROM settings').pluck().all()).toEqual(['[1,3,7]']);
      expect(verifyAudit(db)).toEqual({ ok: true, count: 1 });
    },
  },
  // Before charges and refunds kept Toss's trace id and the payment's card: those stay unknown.
  2: {
    insert(db) {
      const rows = rowInserts(db);
      const member = rows.member({ name: '최유나' });
      const card = rows.card(member);
      const operator = rows.operator({ name: '정매니저', role: 'manager' });
      const charge = rows.charge(member, card, { amount: 33_000, ...done(33_000) });
      rows.refund(charge, operator, { amount: 3_000 });
    },
    check(db) {
      expect(
        db.prepare('SELECT toss_trace_id, paid_card_number, paid_card_company FROM charge_attempts').all(),
      ).toEqual([{ toss_trace_id: null, paid_card_number: null, paid_card_company: null }]);
      expect(db.prepare('SELECT toss_trace_id FROM refunds').pluck().all()).toEqual([null]);
      expect(db.prepare('SELECT count(*) FROM audit_chain').pluck().get()).toBe(0);
    },
  },
  // Upgraded, the audit chain is still unkeyed: it is keyed the first time the ledger opens with
  // its data key, which a migration does not have.
  3: {
    insert: (db) => seeds[1]?.insert(db),
    check(db) {
      seeds[1]?.check(db);
      expect(db.prepare('SELECT count(*) FROM audit_chain').pluck().get()).toBe(0);
    },
  },
  // Before the restore catch-up: nothing was recovered from Toss.
  4: {
    insert(db) {
      const rows = rowInserts(db);
      const member = rows.member({ name: '최하린' });
      const card = rows.card(member);
      const operator = rows.operator({ name: '정매니저', role: 'manager' });
      const charge = rows.charge(member, card, { amount: 50_000, ...done(50_000) });
      rows.refund(charge, operator, { amount: 5_000 });
    },
    check(db) {
      expect(db.prepare('SELECT amount, recovered_at AS recoveredAt FROM charge_attempts').all()).toEqual([
        { amount: 50_000, recoveredAt: null },
      ]);
      expect(db.prepare('SELECT amount, recovered_at AS recoveredAt FROM refunds').all()).toEqual([
        { amount: 5_000, recoveredAt: null },
      ]);
      expect(db.prepare('SELECT count(*) FROM toss_unmatched').pluck().get()).toBe(0);
    },
  },
  // Before the cards' expiry columns: a card registered then keeps its row, its expiry unknown.
  5: {
    insert(db) {
      const rows = rowInserts(db);
      rows.card(rows.member({ name: '최유진' }), { masked_number: '94100012****789*' });
    },
    check(db) {
      expect(db.prepare('SELECT masked_number, expiry_month, expiry_year FROM cards').all()).toEqual([
        { masked_number: '94100012****789*', expiry_month: null, expiry_year: null },
      ]);
    },
  },
  // Before consents: periods get no hold, subscriptions no consent (none can be made up for them).
  6: {
    insert(db) {
      const rows = rowInserts(db);
      const member = rows.member({ name: '정하람' });
      const subscription = rows.subscription(member);
      rows.period(subscription, 0, { status: 'awaiting_confirmation' });
    },
    check(db) {
      expect(db.prepare('SELECT status, hold FROM subscription_periods').all()).toEqual([
        { status: 'awaiting_confirmation', hold: null },
      ]);
      expect(db.prepare('SELECT count(*) FROM consents').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM price_changes').pluck().get()).toBe(0);
    },
  },
  // Before next_due_at: every subscription's is "not known" (0), so the next due run reads them all.
  7: {
    insert(db) {
      const rows = rowInserts(db);
      const member = rows.member({ name: '한지우' });
      const subscription = rows.subscription(member);
      rows.period(subscription, 0, { status: 'failed' });
      rows.subscription(member, { status: 'paused' });
    },
    check(db) {
      expect(
        db.prepare('SELECT status, next_due_at AS nextDueAt FROM subscriptions ORDER BY id').all(),
      ).toEqual([
        { status: 'active', nextDueAt: 0 },
        { status: 'paused', nextDueAt: 0 },
      ]);
      expect(
        db.prepare('SELECT period_index FROM subscription_periods WHERE status = ?').pluck().all('failed'),
      ).toEqual([0]);
    },
  },
};

describe('ledger migrations', () => {
  it('brings an empty file to the latest schema', async () => {
    const ledger = await temp.ledger();
    expect(ledger.schemaVersion).toBe(ledgerMigrations.length);
    expect(schemaOf(ledger.db).version).toBe(ledgerMigrations.length);
  });

  it('has a seed for every version a store may still be at', () => {
    for (let version = 1; version < ledgerMigrations.length; version++) expect(seeds[version]).toBeDefined();
  });

  it.each(ledgerMigrations.map((_, k) => k))(
    'upgrades a ledger left at version %i, keeping its data, to the schema of a new one',
    async (k) => {
      const fresh = await freshSchema(ledgerMigrations);
      const old = await temp.ledger({ migrations: ledgerMigrations.slice(0, k) });
      expect(old.schemaVersion).toBe(k);
      seeds[k]?.insert(old.db);
      old.close();
      const upgraded = temp.open(old.path);
      seeds[k]?.check(upgraded.db);
      expect(schemaOf(upgraded.db)).toEqual(fresh);
    },
  );
});

/** A made-up three-step history, to run the migration runner itself through every case. */
const history: Migration[] = [
  {
    version: 1,
    name: 'notes',
    up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT'),
  },
  {
    version: 2,
    name: 'note length',
    up: (db) => {
      db.exec('ALTER TABLE notes ADD COLUMN length INTEGER NOT NULL DEFAULT 0');
      db.exec('UPDATE notes SET length = length(body)');
    },
  },
  {
    version: 3,
    name: 'tags',
    up: (db) =>
      db.exec(`CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id), tag TEXT NOT NULL) STRICT;
               CREATE INDEX tags_by_note ON tags (note_id)`),
  },
];

describe('the migration runner', () => {
  it.each([0, 1, 2])('applies only the missing steps to a database at version %i', async (k) => {
    const fresh = await freshSchema(history);
    const old = await temp.ledger({ migrations: history.slice(0, k) });
    // Version 1 notes have no length yet (step 2 backfills it); version 2 notes are written with one.
    if (k === 1) old.db.prepare("INSERT INTO notes (body) VALUES ('첫 메모'), ('두 번째')").run();
    if (k === 2)
      old.db.prepare("INSERT INTO notes (body, length) VALUES ('첫 메모', 4), ('두 번째', 4)").run();
    old.close();
    const upgraded = temp.open(old.path, { migrations: history });
    expect(schemaOf(upgraded.db)).toEqual(fresh);
    const notes = upgraded.db.prepare('SELECT body, length FROM notes ORDER BY id').all();
    const written = [
      { body: '첫 메모', length: 4 },
      { body: '두 번째', length: 4 },
    ];
    expect(notes).toEqual(k === 0 ? [] : written);
  });

  it('rolls a failed step back completely and leaves the ledger at the version before', async () => {
    const v1 = await temp.ledger({ migrations: history.slice(0, 1) });
    v1.db.prepare("INSERT INTO notes (body) VALUES ('남아 있어야 할 메모')").run();
    v1.close();
    const broken: Migration = {
      version: 2,
      name: '깨진 단계',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        db.exec('UPDATE notes SET body = 0');
        throw new Error('디스크 오류 흉내');
      },
    };
    const error = (() => {
      try {
        temp.open(v1.path, { migrations: [history[0] as Migration, broken] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('LEDGER_MIGRATION_FAILED');
    expect((error as LedgerError).message).toBe(
      '장부를 버전 2(깨진 단계)로 올리지 못해 버전 1 그대로 두었습니다: 디스크 오류 흉내',
    );
    const after = temp.open(v1.path, { migrations: history.slice(0, 1) });
    expect(after.schemaVersion).toBe(1);
    expect(schemaOf(after.db)).toEqual(await freshSchema(history.slice(0, 1)));
    expect(after.db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['남아 있어야 할 메모']);
  });

  it('rolls back a step that leaves a dangling reference', async () => {
    const v3 = await temp.ledger({ migrations: history });
    v3.close();
    const dangling: Migration = {
      version: 4,
      name: 'orphan tag',
      up: (db) => {
        db.pragma('defer_foreign_keys = ON');
        db.exec("INSERT INTO tags (note_id, tag) VALUES (404, '고아')");
      },
    };
    expect(() => temp.open(v3.path, { migrations: [...history, dangling] })).toThrow(
      '장부를 버전 4(orphan tag)로 올리지 못해 버전 3 그대로 두었습니다: FOREIGN KEY constraint failed',
    );
    const after = temp.open(v3.path, { migrations: history });
    expect(after.db.prepare('SELECT count(*) FROM tags').pluck().get()).toBe(0);
  });

  it('rejects a list that is not numbered 1, 2, 3…', async () => {
    const dir = await temp.dir();
    const gap = [history[0] as Migration, history[2] as Migration];
    expect(() => temp.open(path.join(dir, 'gap.sqlite'), { migrations: gap })).toThrow(
      'Migration "tags" has version 3, expected 2',
    );
  });
});
