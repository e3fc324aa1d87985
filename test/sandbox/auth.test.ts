import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox/index.ts';
import { basic, CARD, chargeBody, KEY, OTHER_KEY, sandboxPerTest } from './harness.ts';

// An 'x:' of 13 bytes encodes with '==' padding, so padded and unpadded forms differ.
const PADDED_KEY = 'test_sk_abcd';

const UNAUTHORIZED = {
  code: 'UNAUTHORIZED_KEY',
  message: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.',
};
const BAD_FORMAT = {
  code: 'INCORRECT_BASIC_AUTH_FORMAT',
  message: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.",
};

describe('authentication (§1.2)', () => {
  const sandbox = sandboxPerTest(() => ({
    merchants: { test_sk_no_billing_contract: { billingContract: false } },
  }));

  async function lookupWith(authorization: string | undefined) {
    return sandbox.api.call('GET', '/v1/payments/unknown_payment_key', {
      key: null,
      headers: authorization === undefined ? {} : { authorization },
    });
  }

  it('accepts padded and unpadded base64 of "key:"', async () => {
    expect(basic(PADDED_KEY)).toMatch(/==$/);
    for (const header of [basic(PADDED_KEY, true), basic(PADDED_KEY, false)]) {
      const result = await lookupWith(header);
      // Past auth, the lookup itself answers.
      expect(result.status).toBe(404);
      expect(result.json.code).toBe('NOT_FOUND_PAYMENT');
    }
  });

  it('accepts the scheme name in any case', async () => {
    const result = await lookupWith(basic(KEY).replace('Basic', 'basic'));
    expect(result.json.code).toBe('NOT_FOUND_PAYMENT');
  });

  it('answers 401 UNAUTHORIZED_KEY when the header is missing', async () => {
    const result = await lookupWith(undefined);
    expect(result.status).toBe(401);
    expect(result.json).toEqual(UNAUTHORIZED);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it.each([
    ['a live secret key', basic('live_sk_abcdefghijkl')],
    ['a client key', basic('test_ck_abcdefghijkl')],
    ['a malformed key', basic('test_sk_')],
    [
      'a key with a BOM in front (the 77u/ mistake)',
      `Basic ${Buffer.from(`\uFEFF${KEY}:`).toString('base64')}`,
    ],
    ['another scheme', `Bearer ${KEY}`],
  ])('answers 401 UNAUTHORIZED_KEY for %s', async (_name, header) => {
    const result = await lookupWith(header);
    expect(result.status).toBe(401);
    expect(result.json).toEqual(UNAUTHORIZED);
  });

  it.each([
    ['no colon', `Basic ${Buffer.from(KEY).toString('base64')}`],
    ['invalid base64', 'Basic !!!not-base64!!!'],
    ['impossible base64 length', 'Basic dGVzd'],
    ['an empty value', 'Basic '],
  ])('answers 403 INCORRECT_BASIC_AUTH_FORMAT for %s', async (_name, header) => {
    const result = await lookupWith(header);
    expect(result.status).toBe(403);
    expect(result.json).toEqual(BAD_FORMAT);
  });

  it('answers 400 NOT_SUPPORTED_METHOD on billing endpoints for a merchant without a billing contract', async () => {
    const key = 'test_sk_no_billing_contract';
    const issue = await sandbox.api.call('POST', '/v1/billing/authorizations/card', { key, body: CARD });
    expect(issue.status).toBe(400);
    expect(issue.json).toEqual({ code: 'NOT_SUPPORTED_METHOD', message: '지원되지 않는 결제 수단입니다.' });
    const charge = await sandbox.api.call('POST', '/v1/billing/some_key=', { key, body: chargeBody() });
    expect(charge.json.code).toBe('NOT_SUPPORTED_METHOD');
    const remove = await sandbox.api.call('DELETE', '/v1/billing/some_key=', { key });
    expect(remove.json.code).toBe('NOT_SUPPORTED_METHOD');
    // Payment lookups need no billing contract.
    const lookup = await sandbox.api.call('GET', '/v1/payments/unknown', { key });
    expect(lookup.json.code).toBe('NOT_FOUND_PAYMENT');
  });

  it('keeps each secret key as a separate merchant with its own data', async () => {
    const { api } = sandbox;
    const billing = await api.issue();
    const payment = (await api.charge(billing.billingKey, chargeBody())).json;

    const otherCharge = await api.charge(billing.billingKey, chargeBody(), { key: OTHER_KEY });
    expect(otherCharge.status).toBe(400);
    expect(otherCharge.json).toMatchObject({ code: 'INVALID_BILL_KEY_REQUEST' });
    const otherLookup = await api.call('GET', `/v1/payments/${payment.paymentKey}`, { key: OTHER_KEY });
    expect(otherLookup.json.code).toBe('NOT_FOUND_PAYMENT');
    const otherOrder = await api.call('GET', `/v1/payments/orders/${payment.orderId}`, { key: OTHER_KEY });
    expect(otherOrder.json.code).toBe('NOT_FOUND_PAYMENT');
    const otherCancel = await api.call('POST', `/v1/payments/${payment.paymentKey}/cancel`, {
      key: OTHER_KEY,
      body: { cancelReason: '다른 상점' },
    });
    expect(otherCancel.json.code).toBe('NOT_FOUND_PAYMENT');
    const otherDelete = await api.call('DELETE', `/v1/billing/${encodeURIComponent(billing.billingKey)}`, {
      key: OTHER_KEY,
    });
    expect(otherDelete.json.code).toBe('INVALID_BILL_KEY_REQUEST');
    const otherTransactions = await api.call<unknown[]>(
      'GET',
      '/v1/transactions?startDate=2000-01-01&endDate=2100-01-01',
      {
        key: OTHER_KEY,
      },
    );
    expect(otherTransactions.json).toEqual([]);

    // The same orderId is free for the other merchant, which has its own MID.
    const otherBilling = await api.issue({}, { key: OTHER_KEY });
    expect(otherBilling.mId).not.toBe(billing.mId);
    const otherPayment = await api.charge(otherBilling.billingKey, chargeBody(), { key: OTHER_KEY });
    expect(otherPayment.status).toBe(200);
    expect(otherPayment.json.mId).toBe(otherBilling.mId);
    expect(otherPayment.json.orderId).toBe(payment.orderId);
  });

  it('derives a stable MID of at most 14 chars per key', async () => {
    const first = await sandbox.api.issue();
    const again = await sandbox.api.issue({ customerKey: 'another_customer' });
    expect(first.mId).toMatch(/^tviva[0-9a-f]{9}$/);
    expect(again.mId).toBe(first.mId);
  });
});

describe('merchant configuration', () => {
  it('refuses to start with a live key configured', async () => {
    await expect(startSandbox({ merchants: { live_sk_abcdefg: {} } })).rejects.toThrow(/test keys only/);
  });
});
