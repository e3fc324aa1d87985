import { AUDIT_CHAIN_V1_SQL } from './audit-schema.ts';
import { CONSENT_SCHEMA_SQL } from './consent-schema.ts';
import type { Migration } from './migrate.ts';
import { NEXT_DUE_SCHEMA_SQL } from './next-due-schema.ts';
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
    name: '결제와 환불에 토스 추적 번호, 결제의 카드 정보',
    // Toss support asks for X-TossPayments-Trace-Id first; and a receipt shows the card as the
    // payment reports it (a card row may since have been replaced).
    up: (db) =>
      db.exec(`ALTER TABLE charge_attempts ADD COLUMN toss_trace_id TEXT;
               ALTER TABLE charge_attempts ADD COLUMN paid_card_number TEXT;
               ALTER TABLE charge_attempts ADD COLUMN paid_card_company TEXT;
               ALTER TABLE refunds ADD COLUMN toss_trace_id TEXT`),
  },
  {
    version: 4,
    name: '감사 기록 체인에 키',
    // Where the HMAC-keyed part of the audit chain starts; filled the first time the ledger is
    // opened with its data key (core/audit/audit-chain.ts), since a migration has no key.
    up: (db) => db.exec(AUDIT_CHAIN_V1_SQL),
  },
  {
    version: 5,
    name: '복원 뒤 토스에서 찾은 결제와 환불',
    // After a restore the app reads Toss's transactions since the backup (design.md "Recovery"):
    // charges and refunds it records from there are marked recovered_at, and those it cannot tie
    // to a member wait in toss_unmatched for a person (the "확인 필요" queue) instead of being lost.
    up: (db) =>
      db.exec(`ALTER TABLE charge_attempts ADD COLUMN recovered_at INTEGER;
               ALTER TABLE refunds ADD COLUMN recovered_at INTEGER;
               CREATE TABLE toss_unmatched (
                 id INTEGER PRIMARY KEY,
                 transaction_key TEXT NOT NULL UNIQUE,
                 payment_key TEXT NOT NULL,
                 order_id TEXT NOT NULL,
                 status TEXT NOT NULL,
                 amount INTEGER NOT NULL,
                 transaction_at TEXT NOT NULL,
                 reason TEXT NOT NULL CHECK (reason IN ('unknown_customer', 'no_card', 'unrecorded_period')),
                 found_at INTEGER NOT NULL,
                 resolved_at INTEGER,
                 resolution TEXT CHECK (length(resolution) <= 200),
                 CHECK ((resolved_at IS NULL) = (resolution IS NULL))
               ) STRICT;
               CREATE INDEX toss_unmatched_open ON toss_unmatched (found_at) WHERE resolved_at IS NULL`),
  },
  {
    version: 6,
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
  {
    version: 7,
    name: '회원 동의 기록, 동의를 기다리는 가격 인상',
    // Consents, pending price raises and the period hold (consent-schema.ts): invariant 12.
    up: (db) => db.exec(CONSENT_SCHEMA_SQL),
  },
  {
    version: 8,
    name: '구독마다 다음 결제 기간의 예정 시각',
    // The due run reads only the subscriptions with a period due (next-due-schema.ts), and dunning
    // only the failed periods, instead of every row of both tables every minute.
    up: (db) => db.exec(NEXT_DUE_SCHEMA_SQL),
  },
];
