import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CARDS } from '../billing/harness.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

const CARD = ipcCard();
const SOFT_DECLINE = ipcCard(CARDS.softDecline);

/** A store with one approved and one declined charge today. */
async function storeWithCharges() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey: `test_sk_${randomUUID().replaceAll('-', '')}` }, owner);
  const paid = await desk.ok('createMember', { name: '=HYPERLINK("x")' }, owner);
  const declined = await desk.ok('createMember', { name: '김거절' }, owner);
  await desk.ok('registerCard', { memberId: paid.id, card: CARD }, owner);
  await desk.ok('registerCard', { memberId: declined.id, card: SOFT_DECLINE }, owner);
  const charge = (memberId: number) => ({
    memberId,
    amount: 55_000,
    orderName: '12월 회비',
    requestId: randomUUID(),
  });
  const done = await desk.ok('charge', charge(paid.id), owner);
  const refused = await desk.ok('charge', charge(declined.id), owner);
  return { desk, owner, done, refused };
}

describe('the home screen, receipts and exports', () => {
  it('sums today and the month with the VAT split, lists what needs attention and the last 30 days', async () => {
    const { desk, owner, done, refused } = await storeWithCharges();
    expect(done.status).toBe('DONE');
    expect(refused.status).toBe('DECLINED');
    const home = await desk.ok('getDashboard', {}, owner);
    const oneCharge = {
      count: 1,
      amount: 55_000,
      suppliedAmount: 50_000,
      vat: 5_000,
      taxFreeAmount: 0,
      refunds: { count: 0, amount: 0 },
      net: 55_000,
    };
    expect(home.today).toEqual(oneCharge);
    expect(home.month).toEqual(oneCharge);
    expect(home.attention.map((entry) => entry.id)).toEqual([refused.id]);
    expect(home.last30Days).toHaveLength(30);
    expect(home.last30Days.at(-1)).toEqual({ date: '2026-11-29', count: 1, amount: 55_000 });
    expect(home.last30Days[0]?.date).toBe('2026-10-31');
    expect(home).toMatchObject({ needsReview: 0, catchUps: 0, subscriptionsNeedingAction: 0 });

    // Tomorrow (store time) the charge is this month's, no longer today's.
    desk.clock.now += 24 * 60 * 60 * 1_000;
    await desk.ok('signIn', { operatorId: owner.operator?.id ?? 0, pin: '135790' }, owner);
    const tomorrow = await desk.ok('getDashboard', {}, owner);
    expect(tomorrow.today.count).toBe(0);
    expect(tomorrow.month).toEqual(oneCharge);
  });

  it('exports the charge log for Excel: BOM, Korean words, formulas kept as text', async () => {
    const { desk, owner } = await storeWithCharges();
    const exported = await desk.ok('exportCharges', { status: 'DONE' }, owner);
    const lines = exported.csv.trimEnd().split('\n');
    expect(lines[0]?.startsWith('\uFEFF일시(KST),주문번호,회원번호,회원')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('승인');
    expect(lines[1]).toContain('55000');
    expect(lines[1]).not.toMatch(/,=HYPERLINK/);
    const staff = await desk.signedIn('staff');
    expect(await desk.call('exportCharges', {}, staff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('lists refunds among the charges, filters them by kind, and exports them negative', async () => {
    const { desk, owner, done, refused } = await storeWithCharges();
    desk.clock.now += 60_000;
    const refund = await desk.ok(
      'refund',
      { chargeId: done.id, amount: 5_000, reason: '1회 미사용', requestId: randomUUID() },
      owner,
    );
    const log = await desk.ok('listCharges', {}, owner);
    expect(log.entries.map((entry) => [entry.kind, entry.id, entry.chargeId])).toEqual([
      ['refund', refund.id, done.id],
      ['manual', refused.id, refused.id],
      ['manual', done.id, done.id],
    ]);
    expect(log.entries[0]).toMatchObject({ amount: 5_000, balanceAmount: 50_000, reason: '1회 미사용' });
    const refunds = await desk.ok('listCharges', { kind: 'refund' }, owner);
    expect(refunds.entries.map((entry) => entry.id)).toEqual([refund.id]);
    const manual = await desk.ok('listCharges', { kind: 'manual', limit: 1 }, owner);
    expect(manual.entries.map((entry) => entry.id)).toEqual([refused.id]);
    const rest = await desk.ok('listCharges', { kind: 'manual', before: manual.next ?? undefined }, owner);
    expect(rest.entries.map((entry) => entry.id)).toEqual([done.id]);
    const member = await desk.ok('getMember', { id: done.memberId }, owner);
    expect(member.recentCharges.map((entry) => entry.kind)).toEqual(['refund', 'manual']);

    const csv = (await desk.ok('exportCharges', { status: 'DONE' }, owner)).csv.trimEnd().split('\n');
    expect(csv).toHaveLength(3);
    // A refund's share by invariant 7's formula: 5000 → VAT 455, supplied 4545, all negative.
    expect(csv[1]).toContain(',환불,12월 회비,-5000,-4545,-455,0,환불됨,');
    expect(csv[1]).toContain('1회 미사용');
    expect(csv[2]).toContain(',수동,12월 회비,55000,50000,5000,0,부분 환불,');
    expect(csv[2]).toContain(',50000,');
  });

  it('prints a receipt with the store details the owner set', async () => {
    const { desk, owner, done } = await storeWithCharges();
    const details = {
      name: '튼튼 피트니스',
      businessNumber: '1234567891',
      address: '서울시 중구 1',
      phone: '02-123-4567',
    };
    expect(await desk.ok('setStoreDetails', details, owner)).toEqual(details);
    const staff = await desk.signedIn('staff');
    expect(await desk.call('setStoreDetails', details, staff)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const receipt = await desk.ok('getReceipt', { chargeId: done.id }, staff);
    expect(receipt.store).toEqual(details);
    expect(receipt.member.name).toBe('=HYPERLINK("x")');
    expect(receipt.charge).toMatchObject({ approveNo: done.approveNo, vat: 5_000, suppliedAmount: 50_000 });
    expect(receipt.charge.maskedNumber).toContain('*');
    expect(await desk.call('setStoreDetails', { ...details, businessNumber: '123' }, owner)).toMatchObject({
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('backs the ledger up now and lists the backups, newest first (managers only)', async () => {
    const { desk, owner } = await storeWithCharges();
    const first = await desk.ok('backupNow', {}, owner);
    expect(first.bytes).toBe((await stat(first.file)).size);
    expect(first.file).toContain(desk.dataDir);
    desk.clock.now += 1_000;
    const second = await desk.ok('backupNow', {}, owner);
    const listed = await desk.ok('listBackups', {}, owner);
    expect(listed.map((backup) => backup.file)).toEqual(expect.arrayContaining([first.file, second.file]));
    const staff = await desk.signedIn('staff');
    expect(await desk.call('backupNow', {}, staff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
