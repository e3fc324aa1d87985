import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

// Issue 17: what Toss support needs (its trace id) and the card as the payment reports it reach
// the charge detail, the receipt, the needs-review queue and the CSV export.

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);
const TRACE = /^[0-9a-f]{32}$/;

describe('Toss trace ids and the payment’s card at the desk', () => {
  it('shows them on the charge, the receipt, the review queue and the export', async () => {
    const desk = await newDesk();
    const owner = desk.session();
    await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
    await desk.ok('setSecretKey', { secretKey: `test_sk_${randomUUID().replaceAll('-', '')}` }, owner);
    const member = await desk.ok('createMember', { name: '김추적' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const done = await desk.ok(
      'charge',
      { memberId: member.id, amount: 22_000, orderName: '회비', requestId: randomUUID() },
      owner,
    );
    expect(done.status).toBe('DONE');
    expect(done.tossTraceId).toMatch(TRACE);

    const detail = await desk.ok('getCharge', { id: done.id }, owner);
    expect(detail.charge).toMatchObject({
      tossTraceId: done.tossTraceId,
      approveNo: '00000000',
      company: '하나',
      maskedNumber: '94100012****789*',
    });
    const receipt = await desk.ok('getReceipt', { chargeId: done.id }, owner);
    expect(receipt.charge).toMatchObject({
      approveNo: '00000000',
      company: '하나',
      maskedNumber: '94100012****789*',
    });

    const csv = (await desk.ok('exportCharges', {}, owner)).csv.trimEnd().split('\n');
    expect(csv[0]?.trimEnd().endsWith(',토스 추적 ID')).toBe(true);
    expect(csv[1]?.trimEnd().endsWith(`,${done.tossTraceId}`)).toBe(true);

    // A charge whose answer was lost waits in the review queue with the trace id of the 500 it got.
    await sandbox.control('POST', '/__sandbox/faults', {
      match: { method: 'POST', path: '/v1/billing/*' },
      fault: 'status-500',
    });
    await sandbox.control('POST', '/__sandbox/faults', {
      match: { method: 'GET', path: '/v1/payments/orders/*' },
      fault: 'status-500',
      times: 20,
    });
    const lost = await desk.ok(
      'charge',
      { memberId: member.id, amount: 11_000, orderName: '음료', requestId: randomUUID() },
      owner,
    );
    expect(lost.status).toBe('UNKNOWN');
    const queue = await desk.ok('listNeedsReview', {}, owner);
    const waiting = queue.charges.find((charge) => charge.id === lost.id);
    expect(waiting?.tossTraceId).toMatch(TRACE);
  });
});
