import { describe, expect, it } from 'vitest';
import { CARD, chargeBody, manualClock, sandboxPerTest } from './harness.ts';

// Issue 17: what the real test API does, measured or documented, that the sandbox now does too.

const TRACE = /^[0-9a-f]{32}$/;

describe('X-TossPayments-Trace-Id (§2, Q1)', () => {
  const sandbox = sandboxPerTest();

  it('is on every answer, errors included, and differs per answer', async () => {
    const billing = await sandbox.api.issue();
    const ok = await sandbox.api.charge(billing.billingKey, chargeBody());
    const declined = await sandbox.api.charge(billing.billingKey, chargeBody({ amount: 50 }));
    const notFound = await sandbox.api.call('GET', '/v1/payments/no_such_key');
    const unauthorized = await sandbox.api.call('GET', '/v1/payments/no_such_key', { key: null });
    const noRoute = await sandbox.api.call('GET', '/v1/nowhere');
    const traces = [ok, declined, notFound, unauthorized, noRoute].map((result) =>
      result.headers.get('x-tosspayments-trace-id'),
    );
    for (const trace of traces) expect(trace).toMatch(TRACE);
    expect(new Set(traces).size).toBe(5);
    expect([ok.status, declined.status, notFound.status, unauthorized.status, noRoute.status]).toEqual([
      200, 400, 404, 401, 404,
    ]);
  });

  it('on a replay carries the first answer’s id and its own, and echoes the Idempotency-Key', async () => {
    const billing = await sandbox.api.issue();
    const headers = { 'Idempotency-Key': 'charge-trace-1' };
    const first = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    const again = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    const firstTrace = first.headers.get('x-tosspayments-trace-id') ?? '';
    expect(firstTrace).toMatch(TRACE);
    const [replayedTrace, ownTrace] = (again.headers.get('x-tosspayments-trace-id') ?? '').split(', ');
    expect(replayedTrace).toBe(firstTrace);
    expect(ownTrace).toMatch(TRACE);
    expect(ownTrace).not.toBe(firstTrace);
    expect(first.headers.get('idempotency-key')).toBe('charge-trace-1');
    expect(again.headers.get('idempotency-key')).toBe('charge-trace-1');
    expect(again.bytes.equals(first.bytes)).toBe(true);
  });
});

describe('idempotent replay of errors (§9, measured)', () => {
  const clock = manualClock();
  const sandbox = sandboxPerTest(() => ({ now: clock.now }));

  it('replays a natural 400 for 15 days, even once the body is corrected', async () => {
    const billing = await sandbox.api.issue();
    const headers = { 'Idempotency-Key': 'too-small-then-fixed' };
    const refused = await sandbox.api.charge(billing.billingKey, chargeBody({ amount: 50 }), { headers });
    expect(refused.json).toMatchObject({ code: 'BELOW_MINIMUM_AMOUNT' });
    clock.advance(15 * 24 * 60 * 60 * 1000 - 1000);
    const corrected = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    expect(corrected.status).toBe(400);
    expect(corrected.bytes.equals(refused.bytes)).toBe(true);
    expect(await sandbox.api.payments()).toEqual([]);
    clock.advance(2000);
    const afterTtl = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    expect(afterTtl.status).toBe(200);
  });

  it('replays a forced 403 (FDS_ERROR) to a request without the header', async () => {
    const billing = await sandbox.api.issue();
    const headers = { 'Idempotency-Key': 'fds-then-plain' };
    const forced = await sandbox.api.charge(billing.billingKey, chargeBody(), {
      headers: { ...headers, 'TossPayments-Test-Code': 'FDS_ERROR' },
    });
    expect(forced.status).toBe(403);
    const plain = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    expect(plain.status).toBe(403);
    expect(plain.json).toMatchObject({ code: 'FDS_ERROR' });
  });
});

describe('what a refused charge leaves (switch failedChargeLookup, §3.7 [U])', () => {
  const modes = ['not-found', 'aborted'] as const;
  const sandbox = sandboxPerTest();
  const setMode = (mode: (typeof modes)[number]) =>
    sandbox.api.call('POST', '/__sandbox/switches', { key: null, body: { failedChargeLookup: mode } });

  it('answers 404 by default', async () => {
    const billing = await sandbox.api.issue({ cardNumber: '9410011234567890' });
    const declined = await sandbox.api.charge(
      billing.billingKey,
      chargeBody({ orderId: 'order_declined_1' }),
    );
    expect(declined.json).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
    const lookup = await sandbox.api.call('GET', '/v1/payments/orders/order_declined_1');
    expect(lookup.status).toBe(404);
    expect(lookup.json).toMatchObject({ code: 'NOT_FOUND_PAYMENT' });
  });

  it('answers an ABORTED payment with its failure when switched, by orderId and by paymentKey', async () => {
    expect((await setMode('aborted')).json).toEqual({
      failedChargeLookup: 'aborted',
      rateLimitPerMinute: null,
      transactionDates: 'wall-time',
    });
    const billing = await sandbox.api.issue({ cardNumber: '9410021234567890' });
    const refused = await sandbox.api.charge(billing.billingKey, chargeBody({ orderId: 'order_stopped_1' }));
    expect(refused.json).toMatchObject({ code: 'INVALID_STOPPED_CARD' });
    const lookup = await sandbox.api.call<Record<string, unknown>>(
      'GET',
      '/v1/payments/orders/order_stopped_1',
    );
    expect(lookup.status).toBe(200);
    expect(lookup.json).toMatchObject({
      orderId: 'order_stopped_1',
      status: 'ABORTED',
      type: 'BILLING',
      approvedAt: null,
      totalAmount: 15000,
      version: '2022-11-16',
      failure: { code: 'INVALID_STOPPED_CARD', message: '정지된 카드 입니다.' },
    });
    const byKey = await sandbox.api.call('GET', `/v1/payments/${String(lookup.json.paymentKey)}`);
    expect(byKey.json).toEqual(lookup.json);
    // Not an approval: no payment listed, and the orderId may still be charged.
    expect(await sandbox.api.payments()).toEqual([]);
  });

  it.each(modes)('stores nothing for a validation failure in mode %s', async (mode) => {
    await setMode(mode);
    const billing = await sandbox.api.issue({ cardNumber: '9410011234567890' });
    const tooSmall = await sandbox.api.charge(
      billing.billingKey,
      chargeBody({ orderId: 'order_small_1', amount: 0 }),
    );
    expect(tooSmall.json).toMatchObject({ code: 'BELOW_ZERO_AMOUNT' });
    const lookup = await sandbox.api.call('GET', '/v1/payments/orders/order_small_1');
    expect(lookup.status).toBe(404);
  });

  it('lets an approval of the same orderId replace the ABORTED one', async () => {
    await setMode('aborted');
    const stopped = await sandbox.api.issue({ cardNumber: '9410021234567890' });
    await sandbox.api.charge(stopped.billingKey, chargeBody({ orderId: 'order_retry_1' }));
    const good = await sandbox.api.issue({ ...CARD, customerKey: CARD.customerKey });
    const approved = await sandbox.api.charge(good.billingKey, chargeBody({ orderId: 'order_retry_1' }));
    expect(approved.status).toBe(200);
    const lookup = await sandbox.api.call<{ status: string }>('GET', '/v1/payments/orders/order_retry_1');
    expect(lookup.json.status).toBe('DONE');
  });

  it('refuses a bad switch', async () => {
    const result = await sandbox.api.call('POST', '/__sandbox/switches', {
      key: null,
      body: { failedChargeLookup: 'maybe' },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ code: 'INVALID_SWITCHES' });
  });
});

describe('rate limit in test mode (switch rateLimitPerMinute, §11)', () => {
  const clock = manualClock();
  const sandbox = sandboxPerTest(() => ({ now: clock.now, switches: { rateLimitPerMinute: 3 } }));

  it('answers 429 beyond the limit per API and minute, and counts each API apart', async () => {
    const lookups = [];
    for (let i = 0; i < 4; i++) lookups.push(await sandbox.api.call('GET', `/v1/payments/key_${i}`));
    expect(lookups.map((result) => result.status)).toEqual([404, 404, 404, 429]);
    expect(lookups[3]?.json).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(lookups[3]?.headers.get('retry-after')).toBe('60');
    expect(lookups[3]?.headers.get('x-tosspayments-trace-id')).toMatch(TRACE);
    // Another API has its own count.
    expect((await sandbox.api.call('GET', '/v1/payments/orders/order_000001')).status).toBe(404);
    clock.advance(30_000);
    expect((await sandbox.api.call('GET', '/v1/payments/key_x')).headers.get('retry-after')).toBe('30');
    clock.advance(30_000);
    expect((await sandbox.api.call('GET', '/v1/payments/key_y')).status).toBe(404);
  });

  it('is off when switched to null', async () => {
    await sandbox.api.call('POST', '/__sandbox/switches', { key: null, body: { rateLimitPerMinute: null } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await sandbox.api.call('GET', `/v1/payments/k_${i}`)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
  });
});
