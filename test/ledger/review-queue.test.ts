import { describe, expect, it } from 'vitest';
import { chargeView, refundView, reviewQueueWithMembers } from '../../electron/core/ledger/index.ts';
import { done, rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();

describe('the review queue, read with its members', () => {
  it("labels a charge with its member, and a refund with its charge's member and order name", async () => {
    const { db } = await temp.ledger();
    const rows = rowInserts(db);
    const hana = rows.member({ name: '김하나', member_no: '0001' });
    const duri = rows.member({ name: '이두리', member_no: '0002' });
    const unknown = rows.charge(hana, rows.card(hana), { status: 'UNKNOWN', order_name: '음료' });
    const paid = rows.charge(duri, rows.card(duri), { ...done(30_000), order_name: 'PT 10회' });
    const refund = rows.refund(paid, rows.operator(), { status: 'UNKNOWN', amount: 5_000 });
    const charge = chargeView(db, unknown);
    const refundRow = refundView(db, refund);
    if (!charge || !refundRow) throw new Error('rows not written');

    const queue = reviewQueueWithMembers(db, { charges: [charge], refunds: [refundRow] });

    expect(queue.charges).toEqual([{ ...charge, memberId: hana, memberNo: '0001', memberName: '김하나' }]);
    expect(queue.refunds).toEqual([
      { ...refundRow, memberId: duri, memberNo: '0002', memberName: '이두리', orderName: 'PT 10회' },
    ]);
  });
});
