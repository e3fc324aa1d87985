import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ledgerMigrations, taxFreeTreatment } from '../../electron/core/ledger/index.ts';
import { migrateLedger } from '../../electron/core/ledger/migrate.ts';
import { done, rowInserts } from './rows.ts';

function ledger() {
  const db = new Database(':memory:');
  migrateLedger(db, ledgerMigrations, 0);
  const rows = rowInserts(db);
  const member = rows.member();
  const card = rows.card(member);
  let at = Date.UTC(2026, 10, 1);
  const charge = (values: ReturnType<typeof done>) =>
    rows.charge(member, card, { ...values, created_at: at, updated_at: at++ });
  return { db, charge };
}

describe("what Toss does with this merchant's tax-free part", () => {
  it('is what Toss recorded on the latest approved charge that asked for one, or unknown', () => {
    const { db, charge } = ledger();
    expect(taxFreeTreatment(db)).toBe('unknown');
    // A mixed merchant's Toss kept 5,000 tax-free.
    charge(done(20_000, 5_000));
    expect(taxFreeTreatment(db)).toBe('applied');
    // A taxable merchant's Toss recorded the whole 20,000 as taxable although 5,000 was asked.
    charge({ ...done(20_000, 0), tax_free_amount: 5_000 });
    expect(taxFreeTreatment(db)).toBe('ignored');
    // Charges without a tax-free part say nothing either way.
    charge(done(10_000));
    expect(taxFreeTreatment(db)).toBe('ignored');
  });

  it('looks back over the latest 5,000 approved charges only', () => {
    const { db, charge } = ledger();
    charge(done(20_000, 5_000));
    for (let i = 0; i < 4_999; i++) charge(done(10_000));
    expect(taxFreeTreatment(db)).toBe('applied');
    charge(done(10_000));
    expect(taxFreeTreatment(db)).toBe('unknown');
  });
});
