import { describe, expect, it } from 'vitest';
import { CARD, chargeBody, manualClock, OTHER_KEY, type Payment, sandboxPerTest } from './harness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Idempotency-Key (§9, §17.3)', () => {
  const clock = manualClock();
  const lines: string[] = [];
  const sandbox = sandboxPerTest(() => {
    lines.length = 0;
    return { now: clock.now, log: (line) => lines.push(line) };
  });

  const chargeWithKey = (
    billingKey: string,
    key: string,
    body: Readonly<Record<string, unknown>>,
    secret?: string,
  ) => sandbox.api.charge(billingKey, body, { headers: { 'Idempotency-Key': key }, key: secret });

  it('replays the first response byte for byte without charging again', async () => {
    const billing = await sandbox.api.issue();
    const first = await chargeWithKey(billing.billingKey, 'charge:order_1:1', chargeBody());
    const second = await chargeWithKey(billing.billingKey, 'charge:order_1:1', chargeBody());
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await sandbox.api.payments()).toHaveLength(1);
  });

  it('replays a 4xx too, even after the request is corrected (measured)', async () => {
    const billing = await sandbox.api.issue();
    const payment = (await sandbox.api.charge(billing.billingKey, chargeBody())).json;
    const path = `/v1/payments/${payment.paymentKey}/cancel`;
    const headers = { 'Idempotency-Key': 'cancel-1' };
    const refused = await sandbox.api.call('POST', path, {
      headers,
      body: { cancelReason: '환불', cancelAmount: 99_999 },
    });
    expect(refused.status).toBe(403);
    const corrected = await sandbox.api.call('POST', path, {
      headers,
      body: { cancelReason: '환불', cancelAmount: 1000 },
    });
    expect(corrected.status).toBe(403);
    expect(corrected.bytes.equals(refused.bytes)).toBe(true);
    const lookup = await sandbox.api.call<Payment>('GET', `/v1/payments/${payment.paymentKey}`);
    expect(lookup.json.balanceAmount).toBe(15000);
  });

  it('replays for a different body and logs a warning without the body', async () => {
    const billing = await sandbox.api.issue();
    const first = await chargeWithKey(billing.billingKey, 'reused-key', chargeBody());
    const other = await chargeWithKey(
      billing.billingKey,
      'reused-key',
      chargeBody({ orderId: 'order_next_month', amount: 20000 }),
    );
    expect(other.bytes.equals(first.bytes)).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/different body.*POST \/v1\/billing\/\{billingKey\}/);
    expect(lines[0]).not.toContain('order_next_month');
    expect(lines[0]).not.toContain(billing.billingKey);
    expect(lines[0]).not.toContain(CARD.customerKey);
  });

  it('logs nothing when the same body is replayed', async () => {
    const billing = await sandbox.api.issue();
    await chargeWithKey(billing.billingKey, 'same-body', chargeBody());
    await chargeWithKey(billing.billingKey, 'same-body', chargeBody());
    expect(lines).toEqual([]);
  });

  it('scopes keys by path and by secret key', async () => {
    const billing = await sandbox.api.issue();
    const otherCard = await sandbox.api.issue();
    const first = await chargeWithKey(billing.billingKey, 'shared-key', chargeBody());
    const otherPath = await chargeWithKey(
      otherCard.billingKey,
      'shared-key',
      chargeBody({ orderId: 'order_other_card' }),
    );
    expect(otherPath.status).toBe(200);
    expect(otherPath.json.paymentKey).not.toBe(first.json.paymentKey);

    const otherMerchantCard = await sandbox.api.issue({}, { key: OTHER_KEY });
    const otherMerchant = await chargeWithKey(
      otherMerchantCard.billingKey,
      'shared-key',
      chargeBody(),
      OTHER_KEY,
    );
    expect(otherMerchant.status).toBe(200);
    expect(otherMerchant.json.mId).not.toBe(first.json.mId);

    // The issue endpoint with the same key runs too: it is another path.
    const issued = await sandbox.api.call('POST', '/v1/billing/authorizations/card', {
      body: CARD,
      headers: { 'Idempotency-Key': 'shared-key' },
    });
    expect(issued.status).toBe(200);
  });

  it('ignores the header on GET', async () => {
    const billing = await sandbox.api.issue();
    const payment = (await sandbox.api.charge(billing.billingKey, chargeBody())).json;
    const path = `/v1/payments/${payment.paymentKey}`;
    const headers = { 'Idempotency-Key': 'get-key' };
    expect((await sandbox.api.call<Payment>('GET', path, { headers })).json.status).toBe('DONE');
    await sandbox.api.call('POST', `${path}/cancel`, { body: { cancelReason: '환불' } });
    expect((await sandbox.api.call<Payment>('GET', path, { headers })).json.status).toBe('CANCELED');
  });

  it('refuses keys longer than 300 characters', async () => {
    const billing = await sandbox.api.issue();
    const tooLong = await chargeWithKey(billing.billingKey, 'k'.repeat(301), chargeBody());
    expect(tooLong.status).toBe(400);
    expect(tooLong.json).toMatchObject({
      code: 'INVALID_IDEMPOTENCY_KEY',
      message: '멱등키는 300자 이하여야 합니다.',
    });
    expect(await sandbox.api.payments()).toEqual([]);
    expect((await chargeWithKey(billing.billingKey, 'k'.repeat(300), chargeBody())).status).toBe(200);
  });

  it('forgets a key 15 days after its first use', async () => {
    const billing = await sandbox.api.issue();
    const first = await chargeWithKey(billing.billingKey, 'fifteen-days', chargeBody());
    clock.advance(15 * DAY_MS - 1000);
    const replayed = await chargeWithKey(billing.billingKey, 'fifteen-days', chargeBody());
    expect(replayed.bytes.equals(first.bytes)).toBe(true);
    clock.advance(1000);
    // Now it runs again, and the orderId it carries has been used.
    const rerun = await chargeWithKey(billing.billingKey, 'fifteen-days', chargeBody());
    expect(rerun.status).toBe(400);
    expect(rerun.json).toMatchObject({ code: 'DUPLICATED_ORDER_ID' });
  });

  it('answers 409 IDEMPOTENT_REQUEST_PROCESSING while the first request is still running', async () => {
    const billing = await sandbox.api.issue();
    const fault = await sandbox.api.call('POST', '/__sandbox/faults', {
      key: null,
      body: { match: { method: 'POST', path: '/v1/billing/*' }, fault: 'delay', delayMs: 500 },
    });
    expect(fault.status).toBe(201);
    // The sandbox reads the clock when the first request claims its key, before the delay starts.
    const claimed = clock.nextRead();
    const slow = chargeWithKey(billing.billingKey, 'in-flight', chargeBody());
    await claimed;

    const duplicate = await chargeWithKey(billing.billingKey, 'in-flight', chargeBody());
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toEqual({
      code: 'IDEMPOTENT_REQUEST_PROCESSING',
      message: '이전 멱등 요청이 처리중입니다.',
    });

    const original = await slow;
    expect(original.status).toBe(200);
    const retry = await chargeWithKey(billing.billingKey, 'in-flight', chargeBody());
    expect(retry.bytes.equals(original.bytes)).toBe(true);
    expect(await sandbox.api.payments()).toHaveLength(1);
  });
});
