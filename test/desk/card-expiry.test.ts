import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

/*
 * Design.md invariant 2 lets a card row keep its expiry month/year, so that staff are warned
 * before a card lapses. The desk clock stands at 2026-11-29 10:00 KST.
 */

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

async function store() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  const merchant = randomUUID().replaceAll('-', '');
  await desk.ok('setSecretKey', { secretKey: `test_sk_${merchant}` }, owner);
  await desk.ok('setClientKey', { clientKey: `test_ck_${merchant}` }, owner);
  const plan = await desk.ok(
    'createPlan',
    { name: '월 회원권', amount: 55_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '10:00' },
    owner,
  );
  /** A member with a card valid through `expiry` (MM/YY), subscribed from `anchor`. */
  const member = async (name: string, expiry: [string, string] | null, anchor: string) => {
    const created = await desk.ok('createMember', { name }, owner);
    if (expiry) {
      const [expiryMonth, expiryYear] = expiry;
      await desk.ok(
        'registerCard',
        { memberId: created.id, card: { ...ipcCard(), expiryMonth, expiryYear } },
        owner,
      );
    } else {
      await desk.ok('registerCardByWindow', { memberId: created.id }, owner);
    }
    await desk.ok(
      'subscribe',
      { memberId: created.id, planId: plan.id, anchorDate: anchor, consent: { method: 'in-person' } },
      owner,
    );
    return created.id;
  };
  return { desk, owner, member };
}

describe('card expiry', () => {
  it('keeps the month/year typed at key-in and none from Toss’s window', async () => {
    const { desk, owner, member } = await store();
    const keyed = await member('김키인', ['12', '30'], '2026-12-10');
    const windowed = await member('이창', null, '2026-12-10');
    const keyedCard = (await desk.ok('getMember', { id: keyed }, owner)).card;
    expect([keyedCard?.expiryMonth, keyedCard?.expiryYear]).toEqual([12, 2030]);
    const windowCard = (await desk.ok('getMember', { id: windowed }, owner)).card;
    expect([windowCard?.expiryMonth, windowCard?.expiryYear]).toEqual([null, null]);
    // Unknown expiry is never counted as lapsing.
    expect((await desk.ok('upcoming', {}, owner)).cardsLapsing).toEqual([]);
    expect((await desk.ok('getDashboard', {}, owner)).cardsLapsing).toBe(0);
  });

  it('lists the cards that lapse before their next charge, warns on the member and counts them at home', async () => {
    const { desk, owner, member } = await store();
    // Valid through December 2026; the first charge is on January 5th: it will find the card lapsed.
    const lapsing = await member('박만료', ['12', '26'], '2027-01-05');
    // Valid through December 2026 and charged on December 10th: fine for now.
    const fine = await member('최유효', ['12', '26'], '2026-12-10');

    const report = await desk.ok('upcoming', { days: 30 }, owner);
    expect(report.cardsLapsing).toEqual([
      expect.objectContaining({
        memberId: lapsing,
        memberName: '박만료',
        orderName: '월 회원권',
        expiryMonth: 12,
        expiryYear: 2026,
        nextDate: '2027-01-05',
      }),
    ]);
    const bySubscriber = Object.fromEntries(report.subscriptions.map((s) => [s.memberId, s.cardLapsesFirst]));
    expect(bySubscriber).toEqual({ [lapsing]: true, [fine]: false });
    expect((await desk.ok('getMember', { id: lapsing }, owner)).cardLapse).toEqual({
      nextDate: '2027-01-05',
      orderName: '월 회원권',
    });
    expect((await desk.ok('getMember', { id: fine }, owner)).cardLapse).toBeNull();
    expect((await desk.ok('getDashboard', {}, owner)).cardsLapsing).toBe(1);

    // A new card clears the warning.
    await desk.ok('registerCard', { memberId: lapsing, card: ipcCard() }, owner);
    expect((await desk.ok('getMember', { id: lapsing }, owner)).cardLapse).toBeNull();
    expect((await desk.ok('getDashboard', {}, owner)).cardsLapsing).toBe(0);
  });
});
