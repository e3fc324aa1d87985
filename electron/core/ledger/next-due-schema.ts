/*
 * subscriptions.next_due_at: when the materialiser (core/schedule/materialize.ts) next has work
 * for the subscription, so a due run reads only the subscriptions with a period due instead of
 * every active one (a store with 10,000 members read all 10,000, ten times per run, every minute).
 *
 * It is the due instant of the subscription's next period not yet written (epoch ms), set by the
 * materialiser each time it writes the subscription's periods. 0 means "not known": look now.
 * A hint may only ever be early, never late: an early one costs one read that writes nothing and
 * sets it again; a late one would delay a charge. So the ledger itself, not each caller, resets it
 * to 0 whenever a column the periods are computed from changes, or a period is deleted (the
 * triggers below), whichever code makes the change; new subscriptions and ledgers migrated to
 * this version start at 0.
 *
 * subscription_periods_failed: dunning's queries (core/schedule/dunning.ts) start from the failed
 * periods, a handful, which without it are found by reading every period the store ever had.
 */
export const NEXT_DUE_SCHEMA_SQL = `
ALTER TABLE subscriptions ADD COLUMN next_due_at INTEGER NOT NULL DEFAULT 0 CHECK (next_due_at >= 0);

-- The materialiser's query names this WHERE clause word for word, so SQLite can use the index.
CREATE INDEX subscriptions_next_due ON subscriptions (next_due_at)
  WHERE status = 'active' OR (cancel_at_period_end = 1 AND status <> 'canceled');

CREATE TRIGGER subscriptions_schedule_changed AFTER UPDATE OF interval_unit, interval_count, charge_time,
  anchor_date, start_date, trial_end, time_zone, status, cancel_at_period_end ON subscriptions
WHEN NEW.next_due_at <> 0 AND (NEW.interval_unit IS NOT OLD.interval_unit
  OR NEW.interval_count IS NOT OLD.interval_count OR NEW.charge_time IS NOT OLD.charge_time
  OR NEW.anchor_date IS NOT OLD.anchor_date OR NEW.start_date IS NOT OLD.start_date
  OR NEW.trial_end IS NOT OLD.trial_end OR NEW.time_zone IS NOT OLD.time_zone
  OR NEW.status IS NOT OLD.status OR NEW.cancel_at_period_end IS NOT OLD.cancel_at_period_end)
BEGIN
  UPDATE subscriptions SET next_due_at = 0 WHERE id = NEW.id;
END;

-- On id, the order dunning groups them in (a key SQLite's planner takes for the GROUP BY).
-- Periods are never deleted today; if one ever is, the materialiser must look at its subscription
-- again, or the period would never be written back.
CREATE TRIGGER subscription_periods_deleted AFTER DELETE ON subscription_periods
BEGIN
  UPDATE subscriptions SET next_due_at = 0 WHERE id = OLD.subscription_id AND next_due_at <> 0;
END;

CREATE INDEX subscription_periods_failed ON subscription_periods (id) WHERE status = 'failed';
`;
