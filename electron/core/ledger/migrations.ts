import { CONSENT_SCHEMA_SQL } from './consent-schema.ts';
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
    name: '회원 동의 기록, 동의를 기다리는 가격 인상',
    // Consents, pending price raises and the period hold (consent-schema.ts): invariant 12.
    up: (db) => db.exec(CONSENT_SCHEMA_SQL),
  },
];
