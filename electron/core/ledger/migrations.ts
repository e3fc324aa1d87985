import type { Migration } from './migrate.ts';
import { SCHEMA_V1_SQL } from './schema-v1.ts';

/**
 * Every schema step of the ledger, in order. The version lives in PRAGMA user_version: it sits in
 * the file header, is written in the same transaction as the step it records, and keeps
 * sqlite_schema free of bookkeeping tables, so a migrated ledger and a new one compare equal.
 */
export const ledgerMigrations: readonly Migration[] = [
  { version: 1, name: '장부 첫 스키마', up: (db) => db.exec(SCHEMA_V1_SQL) },
  {
    version: 2,
    name: '결제 기록에 환불을 날짜순으로',
    // The charge log lists refunds among the charges, newest first, also by status; without these
    // indexes every page would sort or scan all of the store's refunds.
    up: (db) =>
      db.exec(`CREATE INDEX refunds_by_created ON refunds (created_at);
               CREATE INDEX refunds_by_status ON refunds (status, created_at)`),
  },
  {
    version: 3,
    name: '카드 유효기간 (월/년)',
    // Design.md invariant 2 allows the expiry month/year with the card row (never with the full
    // number, which is never stored), so staff are warned before a card lapses. NULL: not known
    // (cards registered before, or through Toss's window, which gives none).
    up: (db) =>
      // A row CHECK (on the column added last, so it may name both): both known or neither.
      db.exec(`ALTER TABLE cards ADD COLUMN expiry_year INTEGER CHECK (expiry_year BETWEEN 2000 AND 2099);
               ALTER TABLE cards ADD COLUMN expiry_month INTEGER CHECK (CASE WHEN expiry_month IS NULL
                 THEN expiry_year IS NULL ELSE expiry_month BETWEEN 1 AND 12 AND expiry_year IS NOT NULL END)`),
  },
];
