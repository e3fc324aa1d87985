import { describe, expect, it } from 'vitest';
import { duePeriodPage } from '../../electron/core/ledger/index.ts';
import { rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();
const T = Date.UTC(2025, 0, 31, 1);

describe('duePeriodPage', () => {
  it('pages pending periods due by `until` after the cursor, ties on due_at broken by id', async () => {
    const { db } = await temp.ledger();
    const rows = rowInserts(db);
    const subscription = rows.subscription(rows.member());
    const period = (index: number, dueAt: number, status = 'pending') =>
      rows.period(subscription, index, { due_at: dueAt, status });
    const first = period(0, T);
    const tie = period(1, T);
    period(2, T + 1, 'skipped');
    const later = period(3, T + 2);
    period(4, T + 10);

    const page = { until: T + 5, limit: 2 };
    expect(duePeriodPage(db, { ...page, afterDue: -1, afterId: 0 })).toEqual([
      { id: first, dueAt: T },
      { id: tie, dueAt: T },
    ]);
    expect(duePeriodPage(db, { ...page, afterDue: T, afterId: tie })).toEqual([{ id: later, dueAt: T + 2 }]);
    expect(duePeriodPage(db, { ...page, afterDue: T + 2, afterId: later })).toEqual([]);
  });
});
