import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeDayOf } from '../../electron/core/schedule/index.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

/*
 * What Toss recorded is what every report shows: the split of a payment (a taxable merchant's
 * Toss ignores the tax-free part), the refunds and the net, the state a charge is left in after
 * refunds, and the CSV's columns and file name. The desk clock stands at 2026-11-29 10:00 KST.
 */

const MIXED_KEY = `test_sk_mixed${randomUUID().replaceAll('-', '')}`;
const sandbox = sandboxPerFile({ merchants: { [MIXED_KEY]: { taxType: 'MIXED' } } });
const newDesk = deskPerTest(sandbox);

async function storeWithMember(secretKey = `test_sk_${randomUUID().replaceAll('-', '')}`) {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey }, owner);
  const member = await desk.ok('createMember', { name: '한지민' }, owner);
  await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
  const charge = (amount: number, taxFreeAmount?: number) =>
    desk.ok(
      'charge',
      { memberId: member.id, amount, orderName: '12월 회비', requestId: randomUUID(), ...{ taxFreeAmount } },
      owner,
    );
  return { desk, owner, member, charge };
}

describe('what Toss recorded, in every report', () => {
  it('shows a taxable merchant the split Toss recorded, with the tax-free part it ignored', async () => {
    const { desk, owner, charge } = await storeWithMember();
    expect(await desk.ok('getTaxFreeTreatment', {}, owner)).toEqual({ treatment: 'unknown' });
    const done = await charge(20_000, 5_000);
    // Toss ignored the 5,000 tax-free: vat = round(20000 / 11) = 1818, supplied 18182.
    expect(done).toMatchObject({
      amount: 20_000,
      taxFreeAmount: 5_000,
      suppliedAmount: 18_182,
      vat: 1_818,
      tossTaxFreeAmount: 0,
    });
    expect(await desk.ok('getTaxFreeTreatment', {}, owner)).toEqual({ treatment: 'ignored' });
    const receipt = await desk.ok('getReceipt', { chargeId: done.id }, owner);
    const { suppliedAmount, vat, tossTaxFreeAmount } = receipt.charge;
    expect([suppliedAmount, vat, tossTaxFreeAmount]).toEqual([18_182, 1_818, 0]);
    const [entry] = (await desk.ok('listCharges', {}, owner)).entries;
    expect(entry).toMatchObject({ suppliedAmount: 18_182, vat: 1_818, tossTaxFreeAmount: 0 });
    const home = await desk.ok('getDashboard', {}, owner);
    expect(home.today).toMatchObject({
      amount: 20_000,
      suppliedAmount: 18_182,
      vat: 1_818,
      taxFreeAmount: 0,
    });
    const csv = (await desk.ok('exportCharges', {}, owner)).csv.split(/\r?\n/);
    expect(csv[0]).toBe(
      '\uFEFF일시(KST),주문번호,회원번호,회원,종류,결제 내용,금액,공급가액,부가세,면세,상태,승인번호,카드사,카드,남은 금액,사유,토스 추적 ID',
    );
    expect(csv[1]).toContain(',수동,12월 회비,20000,18182,1818,0,승인,00000000,');
  });

  it("keeps a mixed merchant's tax-free part, as Toss did", async () => {
    const { desk, owner, charge } = await storeWithMember(MIXED_KEY);
    const done = await charge(20_000, 5_000);
    // vat = round(15000 / 11) = 1364, supplied 13636, tax-free 5000: 20,000 in all.
    expect(done).toMatchObject({ suppliedAmount: 13_636, vat: 1_364, tossTaxFreeAmount: 5_000 });
    expect(await desk.ok('getTaxFreeTreatment', {}, owner)).toEqual({ treatment: 'applied' });
    const csv = (await desk.ok('exportCharges', {}, owner)).csv.split(/\r?\n/);
    expect(csv[1]).toContain(',20000,13636,1364,5000,승인,');
  });

  it('nets refunds out of today and the month, and names a charge partly or fully refunded', async () => {
    const { desk, owner, charge } = await storeWithMember();
    const done = await charge(50_000);
    await charge(10_000);
    desk.clock.now += 60_000;
    const refund = (amount: number) =>
      desk.ok('refund', { chargeId: done.id, amount, reason: '미사용분', requestId: randomUUID() }, owner);
    await refund(20_000);
    let csv = (await desk.ok('exportCharges', { kind: 'manual' }, owner)).csv.split(/\r?\n/);
    expect(csv[2]).toContain(',50000,45455,4545,0,부분 환불,00000000,');
    expect(csv[2]).toContain(',30000,');

    await refund(30_000);
    const home = await desk.ok('getDashboard', {}, owner);
    expect(home.today).toMatchObject({
      count: 2,
      amount: 60_000,
      refunds: { count: 2, amount: 50_000 },
      net: 10_000,
    });
    expect(home.month).toMatchObject({ refunds: { count: 2, amount: 50_000 }, net: 10_000 });
    csv = (await desk.ok('exportCharges', { kind: 'manual' }, owner)).csv.split(/\r?\n/);
    expect(csv[2]).toContain(',50000,45455,4545,0,전액 환불,00000000,');
    expect(csv[2]).toContain(',0,');
    expect(csv[1]).toContain(',10000,9091,909,0,승인,');

    // A refund given tomorrow counts tomorrow, not on its charge's day.
    desk.clock.now += 24 * 60 * 60 * 1_000;
    await desk.ok('signIn', { operatorId: owner.operator?.id ?? 0, pin: '135790' }, owner);
    const tomorrow = await desk.ok('getDashboard', {}, owner);
    expect(tomorrow.today).toMatchObject({ count: 0, amount: 0, refunds: { count: 0, amount: 0 }, net: 0 });
  });

  it('names the export after the store, the filter and the days it covers, in the store zone', async () => {
    const { desk, owner, member, charge } = await storeWithMember();
    await desk.ok(
      'setStoreDetails',
      { name: '행복 피트니스', businessNumber: '', address: '', phone: '' },
      owner,
    );
    // Backups are named in the store's time too.
    const backup = await desk.ok('backupNow', {}, owner);
    expect(backup.file.split(/[\\/]/).at(-1)).toMatch(/^ledger-2026-11-29T10-00-00-000\+0900\.apdbak$/);
    // No charge yet and no dates: today's date in Seoul (01:00 UTC is 10:00 KST).
    expect((await desk.ok('exportCharges', {}, owner)).fileName).toBe(
      '행복피트니스_결제내역_2026-11-29_2026-11-29.csv',
    );
    await charge(10_000);
    const from = storeDayOf('2026-11-01', 'Asia/Seoul')?.start;
    const to = storeDayOf('2026-11-30', 'Asia/Seoul')?.end;
    expect((await desk.ok('exportCharges', { from, to }, owner)).fileName).toBe(
      '행복피트니스_결제내역_2026-11-01_2026-11-30.csv',
    );
    expect(
      (
        await desk.ok(
          'exportCharges',
          { memberId: member.id, status: 'DONE', kind: 'manual', from, to },
          owner,
        )
      ).fileName,
    ).toBe('행복피트니스_결제내역_한지민_수동_승인_2026-11-01_2026-11-30.csv');
    // 23:30 UTC on the 29th is already the 30th in Seoul.
    desk.clock.now = Date.UTC(2026, 10, 29, 23, 30);
    await desk.ok('signIn', { operatorId: owner.operator?.id ?? 0, pin: '135790' }, owner);
    await charge(10_000);
    expect((await desk.ok('exportCharges', {}, owner)).fileName).toBe(
      '행복피트니스_결제내역_2026-11-29_2026-11-30.csv',
    );
  });
});

describe('negative and fractional amounts', () => {
  it('are refused with a message over IPC and by the core services, never rounded or unsigned', async () => {
    const { desk, owner, member, charge } = await storeWithMember();
    const done = await charge(10_000);
    const amountMessage = '금액은 0 이상의 정수(원 단위)로 입력해 주세요. 음수나 소수점은 쓸 수 없습니다.';
    for (const amount of [-5_000, 5.5]) {
      const request = { memberId: member.id, amount, orderName: '회비', requestId: randomUUID() };
      expect(await desk.call('charge', request, owner)).toEqual({
        ok: false,
        error: {
          code: 'INVALID_REQUEST',
          message: amountMessage,
          details: { issues: [{ path: 'amount', code: expect.any(String) }] },
        },
      });
      // Behind the contract the charge service holds the same line (invariant 10).
      await expect(desk.api.charge(request, owner)).rejects.toMatchObject({
        fields: { amount: { code: 'AMOUNT_INVALID' } },
      });
      const refund = { chargeId: done.id, amount, reason: '회원 요청', requestId: randomUUID() };
      expect(await desk.call('refund', refund, owner)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST', message: amountMessage },
      });
      await expect(desk.api.refund(refund, owner)).rejects.toMatchObject({
        fields: { amount: { code: 'AMOUNT_INVALID' } },
      });
    }
    const log = await desk.ok('listCharges', {}, owner);
    expect(log.entries.map((entry) => [entry.kind, entry.amount])).toEqual([['manual', 10_000]]);
  });
});
