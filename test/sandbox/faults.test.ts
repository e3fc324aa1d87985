import { describe, expect, it } from 'vitest';
import { chargeBody, type Payment, sandboxPerTest } from './harness.ts';

describe('fault injection (POST /__sandbox/faults)', () => {
  const sandbox = sandboxPerTest();

  async function addFault(body: unknown) {
    const result = await sandbox.api.call<Record<string, unknown>>('POST', '/__sandbox/faults', {
      key: null,
      body,
    });
    expect(result.status).toBe(201);
    return result.json;
  }

  const chargeWithKey = (billingKey: string, key: string) =>
    sandbox.api.charge(billingKey, chargeBody(), { headers: { 'Idempotency-Key': key } });

  it('stores a fault with its defaults', async () => {
    const stored = await addFault({ match: { path: '/v1/billing/*' }, fault: 'status-500' });
    expect(stored).toEqual({
      id: expect.any(Number),
      match: { method: null, path: '/v1/billing/*' },
      fault: 'status-500',
      delayMs: 0,
      times: 1,
    });
  });

  it('reset-before: destroys the connection and records nothing', async () => {
    const billing = await sandbox.api.issue();
    await addFault({ match: { method: 'POST', path: '/v1/billing/*' }, fault: 'reset-before' });
    await expect(chargeWithKey(billing.billingKey, 'reset-1')).rejects.toThrow();
    expect(await sandbox.api.payments()).toEqual([]);
    // The key was never claimed: the retry runs for real.
    expect((await chargeWithKey(billing.billingKey, 'reset-1')).status).toBe(200);
  });

  it.each([
    [
      'status-500',
      500,
      'FAILED_INTERNAL_SYSTEM_PROCESSING',
      '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.',
    ],
    ['status-409', 409, 'IDEMPOTENT_REQUEST_PROCESSING', '이전 멱등 요청이 처리중입니다.'],
    ['status-429', 429, 'TOO_MANY_REQUESTS', '요청이 너무 많습니다. 잠시 후 다시 시도해주세요.'],
  ])('%s: answers without executing or caching', async (fault, status, code, message) => {
    const billing = await sandbox.api.issue();
    await addFault({ match: { method: 'POST', path: '/v1/billing/*' }, fault });
    const faulted = await chargeWithKey(billing.billingKey, `${fault}-key`);
    expect(faulted.status).toBe(status);
    expect(faulted.json).toEqual({ code, message });
    expect(faulted.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(faulted.headers.get('retry-after')).toBe(status === 429 ? '1' : null);
    expect(await sandbox.api.payments()).toEqual([]);

    const retry = await chargeWithKey(billing.billingKey, `${fault}-key`);
    expect(retry.status).toBe(200);
    expect(await sandbox.api.payments()).toHaveLength(1);
  });

  it('answers status faults in English for Accept-Language: en-US', async () => {
    await addFault({ match: { path: '/v1/payments/*' }, fault: 'status-429' });
    const result = await sandbox.api.call('GET', '/v1/payments/some_key', {
      headers: { 'Accept-Language': 'en-US' },
    });
    expect(result.json).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests. Please try again in a few minutes.',
    });
  });

  it('delay: proceeds normally after the wait', async () => {
    const billing = await sandbox.api.issue();
    await addFault({ match: { path: '/v1/billing/*' }, fault: 'delay', delayMs: 20 });
    const result = await sandbox.api.charge(billing.billingKey, chargeBody());
    expect(result.status).toBe(200);
    expect(result.json.status).toBe('DONE');
  });

  it('drop-after-commit: commits, drops the answer, and replays it to a retry with the same key', async () => {
    const billing = await sandbox.api.issue();
    await addFault({ match: { method: 'POST', path: '/v1/billing/*' }, fault: 'drop-after-commit' });
    await expect(chargeWithKey(billing.billingKey, 'attempt-1')).rejects.toThrow();

    const committed = await sandbox.api.payments();
    expect(committed).toHaveLength(1);
    const byOrder = await sandbox.api.call<Payment>('GET', `/v1/payments/orders/${chargeBody().orderId}`);
    expect(byOrder.json.status).toBe('DONE');

    const retry = await chargeWithKey(billing.billingKey, 'attempt-1');
    expect(retry.status).toBe(200);
    expect(retry.text).toBe(JSON.stringify(committed[0]));
    expect(await sandbox.api.payments()).toHaveLength(1);
  });

  it('consumes one of `times` per matching request', async () => {
    await addFault({ match: { path: '/v1/payments/*' }, fault: 'status-500', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await sandbox.api.call('GET', '/v1/payments/some_key')).status);
    expect(statuses).toEqual([500, 500, 404]);
  });

  it('matches the method when given, and the path glob across slashes', async () => {
    await addFault({ match: { method: 'post', path: '/v1/*/cancel' }, fault: 'status-500' });
    expect((await sandbox.api.call('GET', '/v1/payments/some_key')).status).toBe(404);
    expect((await sandbox.api.call('POST', '/v1/payments/some_key/cancel', { body: {} })).status).toBe(500);
  });

  it('uses the earliest matching fault first', async () => {
    await addFault({ match: { path: '/v1/payments/*' }, fault: 'status-500' });
    await addFault({ match: { path: '/v1/*' }, fault: 'status-429' });
    expect((await sandbox.api.call('GET', '/v1/payments/some_key')).status).toBe(500);
    expect((await sandbox.api.call('GET', '/v1/payments/some_key')).status).toBe(429);
    expect((await sandbox.api.call('GET', '/v1/payments/some_key')).status).toBe(404);
  });

  it('leaves the control API alone', async () => {
    await addFault({ match: { path: '/*' }, fault: 'status-500' });
    expect((await sandbox.api.call('GET', '/__sandbox/payments', { key: null })).status).toBe(200);
    expect((await sandbox.api.call('GET', '/v1/payments/some_key')).status).toBe(500);
  });

  it.each([
    ['a non-object body', '[]', /JSON object/],
    ['malformed JSON', '{"match":', /valid JSON/],
    ['no match', { fault: 'status-500' }, /"match"/],
    ['a path without a leading slash', { match: { path: 'v1/*' }, fault: 'status-500' }, /"match.path"/],
    [
      'an unknown method',
      { match: { method: 'FETCH', path: '/v1/*' }, fault: 'status-500' },
      /"match.method"/,
    ],
    ['an unknown fault', { match: { path: '/v1/*' }, fault: 'status-503' }, /"fault" must be one of/],
    ['a negative delay', { match: { path: '/v1/*' }, fault: 'delay', delayMs: -1 }, /"delayMs"/],
    ['a delay over 60 s', { match: { path: '/v1/*' }, fault: 'delay', delayMs: 60_001 }, /"delayMs"/],
    ['zero times', { match: { path: '/v1/*' }, fault: 'status-500', times: 0 }, /"times"/],
    ['fractional times', { match: { path: '/v1/*' }, fault: 'status-500', times: 1.5 }, /"times"/],
    ['an unknown field', { match: { path: '/v1/*' }, fault: 'status-500', time: 2 }, /Unknown field "time"/],
    ['an unknown match field', { match: { path: '/v1/*', host: 'x' }, fault: 'status-500' }, /match.host/],
  ])('refuses %s with 400 and a message', async (_name, body, message) => {
    const result = await sandbox.api.call('POST', '/__sandbox/faults', { key: null, body });
    expect(result.status).toBe(400);
    expect(result.json.code).toBe('INVALID_FAULT');
    expect(result.json.message).toMatch(message);
  });
});
