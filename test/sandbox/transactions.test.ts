import { describe, expect, it } from 'vitest';
import {
  CARD,
  chargeBody,
  manualClock,
  OTHER_KEY,
  type Payment,
  sandboxPerTest,
  type Transaction,
} from './harness.ts';

describe('GET /v1/transactions (§3.8, §17.6)', () => {
  const clock = manualClock();
  const sandbox = sandboxPerTest(() => ({ now: clock.now }));

  const list = (query: string, key?: string) =>
    sandbox.api.call<Transaction[]>('GET', `/v1/transactions?${query}`, { key });

  /** Three approvals and a cancel at known KST times. */
  async function seed() {
    const billing = await sandbox.api.issue();
    const at = async (utc: string, orderId: string) => {
      clock.set(utc);
      return (await sandbox.api.charge(billing.billingKey, chargeBody({ orderId, amount: 10000 }))).json;
    };
    const march1 = await at('2026-03-01T01:00:00Z', 'order_0301'); // 2026-03-01 10:00:00 KST
    clock.set('2026-03-02T00:00:00Z'); // 2026-03-02 09:00:00 KST
    const cancelled = await sandbox.api.call<Payment>('POST', `/v1/payments/${march1.paymentKey}/cancel`, {
      body: { cancelReason: '부분 환불', cancelAmount: 3000 },
    });
    const march3 = await at('2026-03-02T15:00:00Z', 'order_0303'); // 2026-03-03 00:00:00 KST
    const march4 = await at('2026-03-03T15:30:00Z', 'order_0304'); // 2026-03-04 00:30:00 KST
    return { march1, cancel: cancelled.json, march3, march4 };
  }

  it('lists one record per approval and cancel, with the §4.4 fields', async () => {
    const { march1, cancel } = await seed();
    const result = await list('startDate=2026-03-01&endDate=2026-03-02T23:59:59');
    expect(result.status).toBe(200);
    expect(result.json).toEqual([
      {
        mId: march1.mId,
        transactionKey: march1.lastTransactionKey,
        paymentKey: march1.paymentKey,
        orderId: 'order_0301',
        method: '카드',
        customerKey: CARD.customerKey,
        useEscrow: false,
        receiptUrl: march1.receipt.url,
        status: 'DONE',
        transactionAt: '2026-03-01T10:00:00+09:00',
        currency: 'KRW',
        amount: 10000,
      },
      {
        mId: march1.mId,
        transactionKey: cancel.lastTransactionKey,
        paymentKey: march1.paymentKey,
        orderId: 'order_0301',
        method: '카드',
        customerKey: CARD.customerKey,
        useEscrow: false,
        receiptUrl: march1.receipt.url,
        status: 'PARTIAL_CANCELED',
        transactionAt: '2026-03-02T09:00:00+09:00',
        currency: 'KRW',
        amount: 3000,
      },
    ]);
  });

  it('reads the dates as KST, both ends inclusive, a bare date meaning midnight', async () => {
    await seed();
    const orders = async (query: string) => (await list(query)).json.map((record) => record.orderId);
    expect(await orders('startDate=2026-03-01&endDate=2026-03-03')).toEqual([
      'order_0301',
      'order_0301',
      'order_0303',
    ]);
    expect(await orders('startDate=2026-03-03T00:00:01&endDate=2026-03-05')).toEqual(['order_0304']);
    expect(await orders('startDate=2026-03-04&endDate=2026-03-04T00:30:00')).toEqual(['order_0304']);
    expect(await orders('startDate=2026-03-04&endDate=2026-03-04T00:29:59')).toEqual([]);
  });

  // Issue 17 item 10: a live run saw `+00:00` accepted yet a just-made payment missing from a
  // one-hour window, which fits Toss reading the wall time as KST and dropping the offset.
  it('reads a date with an offset as its KST wall time, ignoring the offset', async () => {
    await seed();
    const orders = async (query: string) => (await list(query)).json.map((record) => record.orderId);
    // Honoured, 2026-03-02T20:00Z would be 2026-03-03 05:00 KST and miss order_0303 (00:00 KST).
    expect(await orders('startDate=2026-03-02T20:00:00Z&endDate=2026-03-05')).toEqual([
      'order_0303',
      'order_0304',
    ]);
    expect(await orders('startDate=2026-03-02T20:00:00%2B00:00&endDate=2026-03-05')).toEqual([
      'order_0303',
      'order_0304',
    ]);
    // Honoured, this start would lie after the end.
    expect(await orders('startDate=2026-03-01T10:00:00-05:00&endDate=2026-03-01T10:00:00%2B09:00')).toEqual([
      'order_0301',
    ]);
    const badOffset = await list('startDate=2026-03-01T10:00:00%2B15:00&endDate=2026-03-05');
    expect(badOffset.json).toEqual({ code: 'INVALID_DATE', message: '날짜 데이터가 잘못 되었습니다.' });
  });

  it('refuses a date with an offset once switched to the strict documented form, and reset switches back', async () => {
    await seed();
    const control = (body: unknown) =>
      fetch(`${sandbox.api.url}/__sandbox/switches`, { method: 'POST', body: JSON.stringify(body) });
    expect((await control({ transactionDates: 'sideways' })).status).toBe(400);
    const switched = await control({ transactionDates: 'strict' });
    expect(switched.status).toBe(200);
    expect(((await switched.json()) as { transactionDates: string }).transactionDates).toBe('strict');
    const withOffset = await list('startDate=2026-03-01T00:00:00%2B09:00&endDate=2026-03-05');
    expect(withOffset.status).toBe(400);
    expect(withOffset.json).toEqual({ code: 'INVALID_DATE', message: '날짜 데이터가 잘못 되었습니다.' });
    expect((await list('startDate=2026-03-01T00:00:00&endDate=2026-03-05')).json).toHaveLength(4);
    await fetch(`${sandbox.api.url}/__sandbox/reset`, { method: 'POST' });
    expect((await list('startDate=2026-03-01T00:00:00Z&endDate=2026-03-05')).status).toBe(200);
  });

  it('pages with limit and startingAfter', async () => {
    await seed();
    const all = (await list('startDate=2026-03-01&endDate=2026-03-31')).json;
    expect(all).toHaveLength(4);
    const keys = all.map((record) => record.transactionKey);
    const page1 = (await list('startDate=2026-03-01&endDate=2026-03-31&limit=2')).json;
    expect(page1.map((record) => record.transactionKey)).toEqual(keys.slice(0, 2));
    const page2 = (await list(`startDate=2026-03-01&endDate=2026-03-31&limit=2&startingAfter=${keys[1]}`))
      .json;
    expect(page2.map((record) => record.transactionKey)).toEqual(keys.slice(2, 4));
    const page3 = (await list(`startDate=2026-03-01&endDate=2026-03-31&limit=2&startingAfter=${keys[3]}`))
      .json;
    expect(page3).toEqual([]);
  });

  it('keeps each merchant to its own transactions', async () => {
    await seed();
    const other = await list('startDate=2026-03-01&endDate=2026-03-31', OTHER_KEY);
    expect(other.json).toEqual([]);
  });

  it('allows a limit of 5000 and refuses 5001 with EXCEED_MAX_QUERY_LIMIT', async () => {
    expect((await list('startDate=2026-03-01&endDate=2026-03-31&limit=5000')).status).toBe(200);
    for (const limit of ['5001', '100000000000']) {
      const over = await list(`startDate=2026-03-01&endDate=2026-03-31&limit=${limit}`);
      expect(over.status).toBe(400);
      expect(over.json).toEqual({
        code: 'EXCEED_MAX_QUERY_LIMIT',
        message: '최대 조회 개수를 초과했습니다.',
      });
    }
    for (const limit of ['0', '-1', 'ten', '1.5']) {
      expect((await list(`startDate=2026-03-01&endDate=2026-03-31&limit=${limit}`)).json).toMatchObject({
        code: 'INVALID_REQUEST',
      });
    }
  });

  it.each([
    ['no dates', ''],
    ['no endDate', 'startDate=2026-03-01'],
    ['an impossible date', 'startDate=2026-02-30&endDate=2026-03-31'],
    ['slashes', 'startDate=2026/03/01&endDate=2026-03-31'],
    ['minutes only', 'startDate=2026-03-01T10:00&endDate=2026-03-31'],
    ['hour 24', 'startDate=2026-03-01T24:00:00&endDate=2026-03-31'],
    ['an end before the start', 'startDate=2026-03-31&endDate=2026-03-01'],
  ])('refuses %s with 400 INVALID_DATE', async (_name, query) => {
    const result = await list(query);
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ code: 'INVALID_DATE', message: '날짜 데이터가 잘못 되었습니다.' });
  });

  it('refuses an unknown startingAfter with 400 INVALID_TRANSACTION_KEY', async () => {
    const result = await list(
      'startDate=2026-03-01&endDate=2026-03-31&startingAfter=B7103F204998813B889C77C043D09502',
    );
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ code: 'INVALID_TRANSACTION_KEY', message: '잘못된 페이징 키 입니다.' });
  });
});
