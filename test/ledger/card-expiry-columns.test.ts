import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerMigrations } from '../../electron/core/ledger/index.ts';
import { latestVersion, migrateLedger } from '../../electron/core/ledger/migrate.ts';
import { rowInserts } from './rows.ts';

const expiryStep = ledgerMigrations.findIndex((migration) => migration.name === '카드 유효기간 (월/년)');

describe('the cards expiry columns', () => {
  it('come to an older ledger unknown (NULL), and keep its cards', () => {
    const db = new Database(':memory:');
    migrateLedger(db, ledgerMigrations.slice(0, expiryStep), 0);
    const insert = rowInserts(db);
    const member = insert.member({});
    const card = insert.card(member);
    migrateLedger(db, ledgerMigrations, expiryStep);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(ledgerMigrations));
    expect(db.prepare('SELECT expiry_month, expiry_year FROM cards WHERE id = ?').get(card)).toEqual({
      expiry_month: null,
      expiry_year: null,
    });
    db.close();
  });

  it('hold a real month and a four-digit year, both or neither', () => {
    const db = new Database(':memory:');
    migrateLedger(db, ledgerMigrations, 0);
    const insert = rowInserts(db);
    const member = insert.member({});
    const card = (expiry_month: number | null, expiry_year: number | null) =>
      insert.card(insert.member({}), { expiry_month, expiry_year });
    const kept = insert.card(member, { expiry_month: 12, expiry_year: 2030 });
    expect(db.prepare('SELECT expiry_month, expiry_year FROM cards WHERE id = ?').get(kept)).toEqual({
      expiry_month: 12,
      expiry_year: 2030,
    });
    for (const [month, year] of [
      [13, 2030],
      [0, 2030],
      [12, 30],
      [12, null],
      [null, 2030],
    ] as const) {
      expect(() => card(month, year), `${month}/${year}`).toThrow(/CHECK constraint failed/);
    }
    db.close();
  });
});
