import { describe, expect, it } from 'vitest';
import { scheduledSubscriptions } from '../../electron/core/ledger/index.ts';
import { rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();

describe('scheduledSubscriptions', () => {
  it('says whether the member has an active card, and which: a replaced or removed one is none', async () => {
    const { db } = await temp.ledger();
    const rows = rowInserts(db);
    const withCard = rows.member();
    rows.card(withCard, { status: 'replaced', removed_at: 1 });
    const active = rows.card(withCard);
    const withoutCard = rows.member();
    rows.card(withoutCard, { status: 'removed', removed_at: 1 });
    const charged = rows.subscription(withCard);
    const uncharged = rows.subscription(withoutCard);

    expect(
      scheduledSubscriptions(db, null).map(({ id, hasCard, cardId }) => ({ id, hasCard, cardId })),
    ).toEqual([
      { id: charged, hasCard: 1, cardId: active },
      { id: uncharged, hasCard: 0, cardId: null },
    ]);
  });
});
