/*
 * Members' consent on record (design.md invariant 12). A consent row is written once, in the
 * transaction that audits it, and never changes: triggers refuse UPDATE and DELETE, as the audit
 * log's do, so the ledger itself (not only the code) keeps what a member agreed to.
 *
 * price_changes holds a raise of a subscription's price until the member agrees to it: the
 * subscription keeps charging its old amount, and the materialiser applies the new one to the
 * first period due after the consent (and starting on or after effective_from).
 *
 * subscription_periods.hold says why a period waits in 'awaiting_confirmation': NULL is the
 * catch-up queue (missed while the PC was off), 'consent' a trial's first paid period waiting for
 * the member's consent to paid charges.
 */
export const CONSENT_SCHEMA_SQL = `
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES members (id),
  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
  kind TEXT NOT NULL CHECK (kind IN ('subscription', 'price-increase', 'trial-conversion', 'withdrawal')),
  method TEXT NOT NULL CHECK (method IN ('in-person', 'signature', 'phone', 'message')),
  -- What the member agreed to, as it was shown to them (amount, cycle, first charge, how to cancel, text).
  terms TEXT NOT NULL CHECK (json_valid(terms) AND length(terms) <= 20000),
  -- A PNG drawn at the counter: the 8-byte PNG signature, at most 256 KiB.
  signature_png BLOB CHECK (signature_png IS NULL OR (
    length(signature_png) BETWEEN 9 AND 262144 AND substr(signature_png, 1, 8) = X'89504E470D0A1A0A')),
  note TEXT CHECK (length(note) <= 500),
  -- Store-local date the consent takes effect from (a withdrawal's last day charged is before it).
  effective_date TEXT NOT NULL CHECK (date(effective_date) IS effective_date),
  operator_id INTEGER REFERENCES operators (id),
  actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
  recorded_at INTEGER NOT NULL
) STRICT;

CREATE INDEX consents_by_subscription ON consents (subscription_id, kind, recorded_at);
CREATE INDEX consents_by_member ON consents (member_id, recorded_at);
CREATE INDEX consents_by_recorded ON consents (recorded_at);

CREATE TRIGGER consents_never_updated BEFORE UPDATE ON consents
BEGIN
  SELECT RAISE(ABORT, '기록된 동의는 바꿀 수 없습니다');
END;

CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, '기록된 동의는 지울 수 없습니다');
END;

CREATE TABLE price_changes (
  id INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
  from_amount INTEGER NOT NULL CHECK (from_amount >= 100),
  from_tax_free_amount INTEGER NOT NULL CHECK (from_tax_free_amount BETWEEN 0 AND from_amount),
  amount INTEGER NOT NULL CHECK (amount > from_amount),
  tax_free_amount INTEGER NOT NULL CHECK (tax_free_amount BETWEEN 0 AND amount),
  effective_from TEXT NOT NULL CHECK (date(effective_from) IS effective_from),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'consented', 'applied', 'superseded')),
  consent_id INTEGER REFERENCES consents (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (status NOT IN ('consented', 'applied') OR consent_id IS NOT NULL),
  CHECK (status <> 'pending' OR consent_id IS NULL)
) STRICT;

-- At most one raise waits per subscription: a new one supersedes the old.
CREATE UNIQUE INDEX price_changes_one_open ON price_changes (subscription_id)
  WHERE status IN ('pending', 'consented');

ALTER TABLE subscription_periods ADD COLUMN hold TEXT CHECK (hold IS NULL OR hold = 'consent');
`;
