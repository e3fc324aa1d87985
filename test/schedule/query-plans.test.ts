import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DUE_SUBSCRIPTIONS_SQL, FAILED_PERIODS_CTE } from '../../electron/core/ledger/index.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';

const temp = tempLedgers();

function planOf(db: Database.Database, sql: string, params: Record<string, unknown> = {}): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

// The queries a due run makes every minute whatever the ledger holds: each must start from its
// partial index, or it reads every subscription or every period the store ever had.
describe('query plans of the every-minute reads', () => {
  it('the materialiser reads only the subscriptions whose next period is due, through their index', async () => {
    const ledger = await temp.ledger();
    const plan = planOf(ledger.db, DUE_SUBSCRIPTIONS_SQL, { now: 0, afterDue: -1, afterId: 0, page: 500 });
    expect(plan[0]).toBe('SEARCH s USING INDEX subscriptions_next_due (next_due_at>? AND next_due_at<?)');
    expect(plan.filter((step) => step.startsWith('SCAN'))).toEqual([]);
  });

  it("dunning starts from the failed periods' index, not from every period", async () => {
    const ledger = await temp.ledger();
    const plan = planOf(ledger.db, `${FAILED_PERIODS_CTE} SELECT periodId FROM failed`);
    expect(plan).toContain('SCAN p USING INDEX subscription_periods_failed');
    expect(plan.filter((step) => step.startsWith('SCAN') && step !== 'SCAN failed')).toEqual([
      'SCAN p USING INDEX subscription_periods_failed',
    ]);
  });
});
