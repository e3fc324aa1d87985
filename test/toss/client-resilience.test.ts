import { describe, expect, it } from 'vitest';
import type { Payment } from '../../electron/core/toss/index.ts';
import { expectTossError } from '../support/expect-toss-error.ts';
import { newIdempotencyKey, newOrderId, registerCard } from '../support/toss-fixtures.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';

const sandbox = sandboxPerFile();

async function registeredCard(clientOptions: Parameters<typeof sandbox.client>[0] = {}) {
  const client = sandbox.client(clientOptions);
  return { client, ...(await registerCard(client)) };
}

const chargeBody = () => ({ amount: 30_000, orderId: newOrderId(), orderName: 'PT 10회권' });

async function sandboxPayments(): Promise<Payment[]> {
  return (await sandbox.control('GET', '/__sandbox/payments')) as Payment[];
}

function addFault(fault: string, extra: Record<string, unknown> = {}) {
  return sandbox.control('POST', '/__sandbox/faults', {
    match: { method: 'POST', path: '/v1/billing/*' },
    fault,
    times: 1,
    ...extra,
  });
}

describe('idempotency', () => {
  it('replays the first response for the same key instead of charging again', async () => {
    const { client, key } = await registeredCard();
    const body = chargeBody();
    const idempotencyKey = newIdempotencyKey();
    const first = await client.chargeBillingKey(key, body, { idempotencyKey });
    const second = await client.chargeBillingKey(key, body, { idempotencyKey });
    expect(second).toEqual(first);
    expect(await sandboxPayments()).toHaveLength(1);
  });

  it('replays an error too: a corrected body under the same key gets the same refusal', async () => {
    const { client, key } = await registeredCard();
    const idempotencyKey = newIdempotencyKey();
    await expectTossError(client.chargeBillingKey(key, { ...chargeBody(), amount: 50 }, { idempotencyKey }), {
      status: 400,
      code: 'BELOW_MINIMUM_AMOUNT',
      retryClass: 'input',
    });
    await expectTossError(client.chargeBillingKey(key, chargeBody(), { idempotencyKey }), {
      status: 400,
      code: 'BELOW_MINIMUM_AMOUNT',
      retryClass: 'input',
    });
  });

  it('answers 409 to a duplicate sent while the first is in flight, then replays', async () => {
    const { client, key } = await registeredCard();
    await addFault('delay', { delayMs: 400 });
    const body = chargeBody();
    const idempotencyKey = newIdempotencyKey();
    const slow = client.chargeBillingKey(key, body, { idempotencyKey });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expectTossError(client.chargeBillingKey(key, body, { idempotencyKey }), {
      status: 409,
      code: 'IDEMPOTENT_REQUEST_PROCESSING',
      retryClass: 'unknown-outcome',
      message: '이전 멱등 요청이 처리중입니다.',
    });
    const done = await slow;
    expect(await client.chargeBillingKey(key, body, { idempotencyKey })).toEqual(done);
    expect(await sandboxPayments()).toHaveLength(1);
  });

  it('refuses an Idempotency-Key over 300 characters before sending anything', async () => {
    const log: unknown[] = [];
    const { client, key } = await registeredCard({ log: (entry) => log.push(entry) });
    log.length = 0;
    await expectTossError(client.chargeBillingKey(key, chargeBody(), { idempotencyKey: 'k'.repeat(301) }), {
      status: null,
      code: 'CLIENT_INVALID_REQUEST',
      retryClass: 'input',
    });
    expect(log).toEqual([]);
  });
});

describe('faults: every unknown outcome can be reconciled by orderId', () => {
  it('drop-after-commit: the charge happened although no answer came back', async () => {
    const { client, key } = await registeredCard();
    await addFault('drop-after-commit');
    const body = chargeBody();
    const idempotencyKey = newIdempotencyKey();
    await expectTossError(client.chargeBillingKey(key, body, { idempotencyKey }), {
      status: null,
      code: 'CLIENT_NETWORK_ERROR',
      retryClass: 'unknown-outcome',
    });
    const found = await client.getPaymentByOrderId(body.orderId);
    expect(found.status).toBe('DONE');
    const resent = await client.chargeBillingKey(key, body, { idempotencyKey });
    expect(resent.paymentKey).toBe(found.paymentKey);
    expect(await sandboxPayments()).toHaveLength(1);
  });

  it('reset-before: nothing happened, the lookup says 404 and a resend charges once', async () => {
    const { client, key } = await registeredCard();
    await addFault('reset-before');
    const body = chargeBody();
    const idempotencyKey = newIdempotencyKey();
    await expectTossError(client.chargeBillingKey(key, body, { idempotencyKey }), {
      status: null,
      code: 'CLIENT_NETWORK_ERROR',
      retryClass: 'unknown-outcome',
    });
    await expectTossError(client.getPaymentByOrderId(body.orderId), {
      status: 404,
      code: 'NOT_FOUND_PAYMENT',
      retryClass: 'permanent',
    });
    expect((await client.chargeBillingKey(key, body, { idempotencyKey })).status).toBe('DONE');
    expect(await sandboxPayments()).toHaveLength(1);
  });

  it.each([
    ['status-500', 500, 'FAILED_INTERNAL_SYSTEM_PROCESSING'],
    ['status-409', 409, 'IDEMPOTENT_REQUEST_PROCESSING'],
    ['status-429', 429, 'TOO_MANY_REQUESTS'],
  ] as const)('%s is an unknown outcome', async (fault, status, code) => {
    const { client, key } = await registeredCard();
    await addFault(fault);
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() }),
      {
        status,
        code,
        retryClass: 'unknown-outcome',
      },
    );
    expect(await sandboxPayments()).toHaveLength(0);
  });

  it('delay beyond the response timeout (undici checks it about once a second) is a CLIENT_TIMEOUT, and the charge still lands', async () => {
    const { client, key } = await registeredCard({ responseTimeoutMs: 300 });
    await addFault('delay', { delayMs: 2_500 });
    const body = chargeBody();
    await expectTossError(client.chargeBillingKey(key, body, { idempotencyKey: newIdempotencyKey() }), {
      status: null,
      code: 'CLIENT_TIMEOUT',
      retryClass: 'unknown-outcome',
    });
    await expect.poll(async () => (await sandboxPayments()).length, { timeout: 5_000 }).toBe(1);
    expect((await client.getPaymentByOrderId(body.orderId)).status).toBe('DONE');
  });

  it('a refused connection is a network error', async () => {
    const { createTossClient } = await import('../../electron/core/toss/index.ts');
    const client = createTossClient({ baseUrl: 'http://127.0.0.1:9', getSecretKey: () => 'test_sk_x' });
    try {
      await expectTossError(client.getPayment('tviva20260101000000AAAAA'), {
        status: null,
        code: 'CLIENT_NETWORK_ERROR',
        retryClass: 'unknown-outcome',
      });
    } finally {
      await client.close();
    }
  });
});

describe('cancelling a request through its signal', () => {
  it('a signal aborted before the call sends nothing', async () => {
    const { client, key } = await registeredCard();
    const signal = AbortSignal.abort();
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey(), signal }),
      { status: null, code: 'CLIENT_ABORTED', retryClass: 'unknown-outcome' },
    );
    expect(await sandboxPayments()).toHaveLength(0);
  });

  it('a request cancelled while it waits for the only connection fails then and is never sent', async () => {
    const { client, key } = await registeredCard({ maxConnections: 1 });
    await addFault('delay', { delayMs: 1_000 });
    const first = client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() });
    let firstSettled = false;
    void first.finally(() => {
      firstSettled = true;
    });
    const controller = new AbortController();
    const queued = client.chargeBillingKey(key, chargeBody(), {
      idempotencyKey: newIdempotencyKey(),
      signal: controller.signal,
    });
    controller.abort();
    await expectTossError(queued, { status: null, code: 'CLIENT_ABORTED', retryClass: 'unknown-outcome' });
    expect(firstSettled).toBe(false);
    expect((await first).status).toBe('DONE');
    expect(await sandboxPayments()).toHaveLength(1);
  });

  it('a request cancelled while Toss has not answered is CLIENT_ABORTED, an unknown outcome', async () => {
    const { client, key } = await registeredCard();
    await addFault('delay', { delayMs: 2_000 });
    const controller = new AbortController();
    const sent = client.chargeBillingKey(key, chargeBody(), {
      idempotencyKey: newIdempotencyKey(),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expectTossError(sent, { status: null, code: 'CLIENT_ABORTED', retryClass: 'unknown-outcome' });
  });
});

describe('forced errors and retry classes', () => {
  it.each([
    ['REJECT_CARD_PAYMENT', 403, 'soft-decline'],
    ['INVALID_STOPPED_CARD', 400, 'permanent'],
    ['FORBIDDEN_CONSECUTIVE_REQUEST', 403, 'unknown-outcome'],
    ['IDEMPOTENT_REQUEST_PROCESSING', 409, 'unknown-outcome'],
    ['FAILED_INTERNAL_SYSTEM_PROCESSING', 500, 'unknown-outcome'],
    ['UNAUTHORIZED_KEY', 401, 'config'],
    ['BELOW_MINIMUM_AMOUNT', 400, 'input'],
  ] as const)('TossPayments-Test-Code %s → %i %s', async (code, status, retryClass) => {
    const { client, key } = await registeredCard();
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey(), testCode: code }),
      { status, code, retryClass },
    );
    expect(await sandboxPayments()).toHaveLength(0);
  });

  it('an unknown test code is INVALID_TEST_CODE, a config error', async () => {
    const { client, key } = await registeredCard();
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), {
        idempotencyKey: newIdempotencyKey(),
        testCode: 'NO_SUCH_CODE',
      }),
      {
        status: 400,
        code: 'INVALID_TEST_CODE',
        retryClass: 'config',
        message: '유효하지 않은 테스트 코드입니다.',
      },
    );
  });

  it('a live or unknown key is 401 UNAUTHORIZED_KEY, a config error', async () => {
    const client = sandbox.client({ getSecretKey: () => 'live_sk_abcdefghijklmnop' });
    await expectTossError(client.getPayment('tviva20260101000000AAAAA'), {
      status: 401,
      code: 'UNAUTHORIZED_KEY',
      retryClass: 'config',
      message: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.',
    });
  });
});

describe('messages', () => {
  it('passes Toss messages through in Korean by default and in English on request', async () => {
    const korean = sandbox.client();
    await expectTossError(korean.getPayment('tviva20260101000000AAAAA'), {
      status: 404,
      code: 'NOT_FOUND_PAYMENT',
      retryClass: 'permanent',
      message: '존재하지 않는 결제 정보 입니다.',
    });
    const english = sandbox.client({ language: 'en' });
    const error = await expectTossError(english.getPayment('tviva20260101000000AAAAA'), {
      status: 404,
      code: 'NOT_FOUND_PAYMENT',
      retryClass: 'permanent',
    });
    expect(error.message).toMatch(/^[\x20-\x7e]+$/);
    expect(error.message).not.toBe('존재하지 않는 결제 정보 입니다.');
  });

  it("gives the client's own errors in the same language", async () => {
    const client = sandbox.client({ language: 'en', baseUrl: 'http://127.0.0.1:9' });
    const error = await expectTossError(client.getPayment('tviva20260101000000AAAAA'), {
      status: null,
      code: 'CLIENT_NETWORK_ERROR',
      retryClass: 'unknown-outcome',
    });
    expect(error.message).toBe('Could not reach Toss Payments. Look the payment up before trying again.');
  });
});
