import { AUDIT_LOG_V1_SQL } from './audit-schema.ts';

/*
 * Schema version 1. Frozen once shipped: later changes are new migrations.
 *
 * Conventions: STRICT tables (SQLite itself refuses a REAL in a money column or TEXT in a sealed
 * BLOB); money is INTEGER KRW; instants are INTEGER epoch milliseconds UTC (*_at); calendar dates
 * in the store's time zone are TEXT 'YYYY-MM-DD', checked with `date(x) IS x`, which also refuses
 * impossible days such as 2024-02-30; booleans are INTEGER 0/1.
 *
 * What Toss reports (codes, messages, masked numbers, card types) is stored without CHECKs on its
 * shape: a CHECK that refused a real answer would lose a payment that happened. Likewise no CHECK
 * orders two of our own timestamps, because the PC clock may be set back between them.
 */
export const SCHEMA_V1_SQL = `
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  -- Random, never derived from the person: the associated data that binds customer_key_sealed to this row.
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 16 AND 64),
  member_no TEXT NOT NULL UNIQUE CHECK (length(member_no) BETWEEN 1 AND 32),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  phone TEXT CHECK (length(phone) <= 20),
  email TEXT CHECK (length(email) <= 100),
  memo TEXT CHECK (length(memo) <= 2000),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  -- AES-256-GCM output (12-byte nonce + 16-byte tag + ciphertext): a plaintext key, being TEXT, cannot get in.
  customer_key_sealed BLOB NOT NULL CHECK (length(customer_key_sealed) > 28),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE cards (
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 16 AND 64),
  member_id INTEGER NOT NULL REFERENCES members (id),
  billing_key_sealed BLOB NOT NULL CHECK (length(billing_key_sealed) > 28),
  -- Toss's masked number; one that is not masked at all would be a card number, which is never stored.
  masked_number TEXT NOT NULL CHECK (length(masked_number) BETWEEN 1 AND 20 AND instr(masked_number, '*') > 0),
  issuer_code TEXT NOT NULL,
  acquirer_code TEXT,
  company_name TEXT,
  card_type TEXT NOT NULL,
  owner_type TEXT NOT NULL,
  authenticated_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'replaced', 'removed')),
  created_at INTEGER NOT NULL,
  removed_at INTEGER,
  CHECK ((status = 'active') = (removed_at IS NULL)),
  -- Target of charge_attempts' (card_id, member_id) key: a charge uses a card of the member it charges.
  UNIQUE (id, member_id)
) STRICT;

CREATE UNIQUE INDEX cards_one_active_per_member ON cards (member_id) WHERE status = 'active';
CREATE INDEX cards_by_member ON cards (member_id, created_at);

CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  pin_hash TEXT NOT NULL CHECK (length(pin_hash) >= 16),
  -- NULL: no limit.
  per_charge_cap INTEGER CHECK (per_charge_cap >= 0),
  daily_cap INTEGER CHECK (daily_cap >= 0),
  failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until INTEGER,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  CHECK (per_charge_cap <= daily_cap)
) STRICT;

-- Staff pick their name from a list, so two active operators never share one.
CREATE UNIQUE INDEX operators_active_name ON operators (name) WHERE active = 1;

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  amount INTEGER NOT NULL CHECK (amount >= 100),
  tax_free_amount INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount BETWEEN 0 AND amount),
  interval_unit TEXT NOT NULL CHECK (interval_unit IN ('day', 'week', 'month', 'year')),
  interval_count INTEGER NOT NULL CHECK (interval_count >= 1),
  charge_time TEXT NOT NULL CHECK (charge_time GLOB '[0-2][0-9]:[0-5][0-9]' AND charge_time <= '23:59'),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;

-- A plan is a template: a subscription copies its terms, so editing a plan never reprices members
-- silently, and a subscription without a plan (a one-off arrangement) has terms of its own.
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id),
  plan_id INTEGER REFERENCES plans (id),
  amount INTEGER NOT NULL CHECK (amount >= 100),
  tax_free_amount INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount BETWEEN 0 AND amount),
  order_name TEXT NOT NULL CHECK (length(order_name) BETWEEN 1 AND 100),
  interval_unit TEXT NOT NULL CHECK (interval_unit IN ('day', 'week', 'month', 'year')),
  interval_count INTEGER NOT NULL CHECK (interval_count >= 1),
  charge_time TEXT NOT NULL CHECK (charge_time GLOB '[0-2][0-9]:[0-5][0-9]' AND charge_time <= '23:59'),
  -- Periods are computed from the anchor, never chained from the previous date (design.md invariant 6).
  anchor_date TEXT NOT NULL CHECK (date(anchor_date) IS anchor_date),
  start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
  trial_end TEXT CHECK (date(trial_end) IS trial_end AND trial_end >= start_date),
  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'paused', 'canceled', 'past_due', 'needs_card')),
  cancel_at_period_end INTEGER NOT NULL DEFAULT 0 CHECK (cancel_at_period_end IN (0, 1)),
  time_zone TEXT NOT NULL DEFAULT 'Asia/Seoul' CHECK (length(time_zone) BETWEEN 1 AND 64),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX subscriptions_by_member ON subscriptions (member_id);

-- period_start is inclusive and period_end exclusive (the next period's start), both store-local dates.
CREATE TABLE subscription_periods (
  id INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
  period_index INTEGER NOT NULL CHECK (period_index >= 0),
  due_at INTEGER NOT NULL,
  period_start TEXT NOT NULL CHECK (date(period_start) IS period_start),
  period_end TEXT NOT NULL CHECK (date(period_end) IS period_end AND period_end > period_start),
  amount INTEGER NOT NULL CHECK (amount >= 100),
  tax_free_amount INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount BETWEEN 0 AND amount),
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'awaiting_confirmation', 'charging', 'paid', 'failed', 'skipped')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (subscription_id, period_index)
) STRICT;

CREATE INDEX subscription_periods_due ON subscription_periods (due_at) WHERE status = 'pending';

-- One row per request sent (or about to be sent) to Toss; see design.md "A charge, step by step".
-- The request columns are written, committed, and then never change (trigger below), so a resend
-- after UNKNOWN is the same orderId, Idempotency-Key and body. On DONE the outcome columns hold
-- Toss's approval; supplied_amount and vat stay as approved, refunds only lower balance_amount.
CREATE TABLE charge_attempts (
  id INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE
    CHECK (length(order_id) BETWEEN 6 AND 64 AND order_id NOT GLOB '*[^A-Za-z0-9_-]*'),
  idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 300),
  -- Chosen by the caller per click, so a double click finds the attempt the first click made.
  request_id TEXT,
  member_id INTEGER NOT NULL REFERENCES members (id),
  card_id INTEGER NOT NULL,
  subscription_period_id INTEGER REFERENCES subscription_periods (id),
  attempt_no INTEGER NOT NULL DEFAULT 1 CHECK (attempt_no >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'scheduled', 'first', 'retry')),
  amount INTEGER NOT NULL CHECK (amount >= 100),
  tax_free_amount INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount BETWEEN 0 AND amount),
  order_name TEXT NOT NULL CHECK (length(order_name) BETWEEN 1 AND 100),
  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'DECLINED', 'FAILED', 'UNKNOWN')),
  toss_code TEXT,
  toss_message TEXT,
  payment_key TEXT,
  approve_no TEXT,
  supplied_amount INTEGER,
  vat INTEGER,
  receipt_url TEXT,
  balance_amount INTEGER CHECK (balance_amount BETWEEN 0 AND amount),
  operator_id INTEGER REFERENCES operators (id),
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  resolved_at INTEGER,
  updated_at INTEGER NOT NULL,
  FOREIGN KEY (card_id, member_id) REFERENCES cards (id, member_id),
  CHECK ((kind = 'manual') = (subscription_period_id IS NULL)),
  CHECK ((kind = 'retry') = (attempt_no > 1)),
  CHECK ((status IN ('PENDING', 'UNKNOWN')) = (resolved_at IS NULL)),
  CHECK (status NOT IN ('DECLINED', 'FAILED') OR toss_code IS NOT NULL),
  -- Toss's totalAmount = suppliedAmount + vat + taxFreeAmount (+ taxExemptionAmount, never sent).
  CHECK (status <> 'DONE' OR (
    payment_key IS NOT NULL AND supplied_amount IS NOT NULL AND vat IS NOT NULL
    AND balance_amount IS NOT NULL AND supplied_amount >= 0 AND vat >= 0 AND supplied_amount + vat <= amount
  ))
) STRICT;

-- Unique keys that many rows leave NULL are partial indexes: NULLs never clash, and leaving them
-- out keeps the indexes (and every insert) smaller. A lookup by \`x = ?\` still uses them.
CREATE UNIQUE INDEX charge_attempts_request_id ON charge_attempts (request_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX charge_attempts_payment_key ON charge_attempts (payment_key) WHERE payment_key IS NOT NULL;
CREATE UNIQUE INDEX charge_attempts_period_attempt ON charge_attempts (subscription_period_id, attempt_no)
  WHERE subscription_period_id IS NOT NULL;
-- Invariant 4 in SQLite: a period has at most one attempt that is unresolved or succeeded, so a
-- second charge can neither be recorded as DONE nor even be started while one is in flight.
CREATE UNIQUE INDEX charge_attempts_one_live_per_period ON charge_attempts (subscription_period_id)
  WHERE subscription_period_id IS NOT NULL AND status IN ('PENDING', 'UNKNOWN', 'DONE');
-- Charge log by member, newest first (the rowid, last in every index, breaks ties for keyset paging).
CREATE INDEX charge_attempts_by_member ON charge_attempts (member_id, created_at);
-- Charge log by date range, and the unfiltered log.
CREATE INDEX charge_attempts_by_created ON charge_attempts (created_at);
-- Charge log by status (id right after created_at, so ties come out in order without a sort),
-- and covering for month totals, which read only these columns.
CREATE INDEX charge_attempts_by_status_totals
  ON charge_attempts (status, created_at, id, amount, supplied_amount, vat);
-- The reconciliation queue: small, whatever the ledger's size.
CREATE INDEX charge_attempts_unresolved ON charge_attempts (created_at) WHERE status IN ('PENDING', 'UNKNOWN');

CREATE TRIGGER charge_attempts_request_is_fixed BEFORE UPDATE ON charge_attempts
WHEN NEW.order_id IS NOT OLD.order_id OR NEW.idempotency_key IS NOT OLD.idempotency_key
  OR NEW.request_id IS NOT OLD.request_id OR NEW.member_id IS NOT OLD.member_id
  OR NEW.card_id IS NOT OLD.card_id OR NEW.subscription_period_id IS NOT OLD.subscription_period_id
  OR NEW.attempt_no IS NOT OLD.attempt_no OR NEW.kind IS NOT OLD.kind OR NEW.amount IS NOT OLD.amount
  OR NEW.tax_free_amount IS NOT OLD.tax_free_amount OR NEW.order_name IS NOT OLD.order_name
  OR NEW.operator_id IS NOT OLD.operator_id OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, '기록된 결제 요청(주문번호, 멱등 키, 금액 등)은 바꿀 수 없습니다');
END;

CREATE TRIGGER charge_attempts_outcome_is_final BEFORE UPDATE ON charge_attempts
WHEN OLD.status IN ('DONE', 'DECLINED', 'FAILED') AND (
  NEW.status IS NOT OLD.status OR NEW.toss_code IS NOT OLD.toss_code
  OR NEW.toss_message IS NOT OLD.toss_message OR NEW.payment_key IS NOT OLD.payment_key
  OR NEW.approve_no IS NOT OLD.approve_no OR NEW.supplied_amount IS NOT OLD.supplied_amount
  OR NEW.vat IS NOT OLD.vat OR NEW.receipt_url IS NOT OLD.receipt_url OR NEW.sent_at IS NOT OLD.sent_at
  OR NEW.resolved_at IS NOT OLD.resolved_at
  OR coalesce(NEW.balance_amount > OLD.balance_amount, NEW.balance_amount IS NOT OLD.balance_amount)
)
BEGIN
  SELECT RAISE(ABORT, '확정된 결제 결과는 바꿀 수 없습니다 (환불로 잔액이 줄어드는 것만 기록됩니다)');
END;

CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  charge_attempt_id INTEGER NOT NULL REFERENCES charge_attempts (id),
  idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 300),
  request_id TEXT,
  amount INTEGER NOT NULL CHECK (amount > 0),
  tax_free_amount INTEGER NOT NULL DEFAULT 0 CHECK (tax_free_amount BETWEEN 0 AND amount),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'UNKNOWN')),
  toss_code TEXT,
  toss_message TEXT,
  transaction_key TEXT,
  -- Toss's balanceAmount after this cancel. "Fully refunded" is balance 0, not a status.
  balance_after INTEGER CHECK (balance_after >= 0),
  operator_id INTEGER NOT NULL REFERENCES operators (id),
  created_at INTEGER NOT NULL,
  resolved_at INTEGER,
  updated_at INTEGER NOT NULL,
  CHECK ((status IN ('PENDING', 'UNKNOWN')) = (resolved_at IS NULL)),
  CHECK (status <> 'DONE' OR (transaction_key IS NOT NULL AND balance_after IS NOT NULL)),
  CHECK (status <> 'FAILED' OR toss_code IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX refunds_request_id ON refunds (request_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX refunds_transaction_key ON refunds (transaction_key) WHERE transaction_key IS NOT NULL;
CREATE INDEX refunds_by_charge ON refunds (charge_attempt_id);
CREATE INDEX refunds_unresolved ON refunds (created_at) WHERE status IN ('PENDING', 'UNKNOWN');

-- Refunds never exceed the balance (invariant 7): a new refund fits in what the DONE charge has
-- left after the refunds still in flight.
CREATE TRIGGER refunds_within_balance BEFORE INSERT ON refunds
WHEN NEW.amount > coalesce(
    (SELECT balance_amount FROM charge_attempts WHERE id = NEW.charge_attempt_id AND status = 'DONE'), 0)
  - (SELECT coalesce(sum(amount), 0) FROM refunds
     WHERE charge_attempt_id = NEW.charge_attempt_id AND status IN ('PENDING', 'UNKNOWN'))
BEGIN
  SELECT RAISE(ABORT, '환불 금액이 결제의 남은 금액보다 큽니다');
END;

CREATE TRIGGER refunds_request_is_fixed BEFORE UPDATE ON refunds
WHEN NEW.charge_attempt_id IS NOT OLD.charge_attempt_id OR NEW.idempotency_key IS NOT OLD.idempotency_key
  OR NEW.request_id IS NOT OLD.request_id OR NEW.amount IS NOT OLD.amount
  OR NEW.tax_free_amount IS NOT OLD.tax_free_amount OR NEW.reason IS NOT OLD.reason
  OR NEW.operator_id IS NOT OLD.operator_id OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.status IN ('DONE', 'FAILED') AND (
    NEW.status IS NOT OLD.status OR NEW.toss_code IS NOT OLD.toss_code
    OR NEW.toss_message IS NOT OLD.toss_message OR NEW.transaction_key IS NOT OLD.transaction_key
    OR NEW.balance_after IS NOT OLD.balance_after OR NEW.resolved_at IS NOT OLD.resolved_at))
BEGIN
  SELECT RAISE(ABORT, '기록된 환불 요청과 확정된 환불 결과는 바꿀 수 없습니다');
END;

-- Values are JSON, so a setting keeps its type (number, boolean, object) without a column per kind.
CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

${AUDIT_LOG_V1_SQL}
`;
