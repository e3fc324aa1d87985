import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTossClient,
  MIN_RESPONSE_TIMEOUT_MS,
  type TossClient,
  type TossRequestLogEntry,
} from '../../electron/core/toss/index.ts';
import { expectTossError } from '../support/expect-toss-error.ts';
import {
  GOOD_CARD,
  newCustomerKey,
  newIdempotencyKey,
  newOrderId,
  registerCard,
} from '../support/toss-fixtures.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';

const sandbox = sandboxPerFile();
const SECRET = 'test_sk_SuperSecretValue0123456789';
const SECRET_FORMS = [SECRET, Buffer.from(`${SECRET}:`).toString('base64')];

function leaksSecret(value: unknown): boolean {
  const text = `${inspect(value, { depth: 20, showHidden: true, getters: true })}\n${safeJson(value)}\n${String(value)}`;
  return SECRET_FORMS.some((form) => text.includes(form) || text.includes(form.replace(/=+$/, '')));
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, Object.getOwnPropertyNames(value as object));
  } catch {
    return '';
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

describe('the secret key', () => {
  it('is held by no object of the client', () => {
    const client = sandbox.client({ getSecretKey: () => SECRET });
    expect(leaksSecret(client)).toBe(false);
  });

  it('appears in no error, cause or message, whatever went wrong', async () => {
    const client = sandbox.client({ getSecretKey: () => SECRET, responseTimeoutMs: 300 });
    const unreachable = sandbox.client({ getSecretKey: () => SECRET, baseUrl: 'http://127.0.0.1:9' });
    const { key } = await registerCard(client);
    await sandbox.control('POST', '/__sandbox/faults', {
      match: { path: '/v1/payments/*' },
      fault: 'delay',
      delayMs: 2_500,
      times: 1,
    });
    const failures = await Promise.all([
      rejection(client.getPayment('tviva20260101000000AAAAA')), // Toss error (timeout here)
      rejection(unreachable.getPayment('tviva20260101000000AAAAA')), // network error
      rejection(
        client.chargeBillingKey(
          key,
          { amount: 50, orderId: newOrderId(), orderName: 'x' },
          { idempotencyKey: 'a' },
        ),
      ),
      rejection(
        client.chargeBillingKey(
          key,
          { amount: 100, orderId: 'bad id', orderName: 'x' },
          { idempotencyKey: 'b' },
        ),
      ),
    ]);
    expect(failures.map((error) => (error as { code: string }).code)).toEqual([
      'CLIENT_TIMEOUT',
      'CLIENT_NETWORK_ERROR',
      'BELOW_MINIMUM_AMOUNT',
      'CLIENT_INVALID_REQUEST',
    ]);
    for (const failure of failures) expect(leaksSecret(failure)).toBe(false);
  });

  it('is refused over plain http to anything but loopback, and timeouts stay ≥ 60 s there', () => {
    const getSecretKey = () => SECRET;
    expect(() => createTossClient({ baseUrl: 'http://api.tosspayments.com', getSecretKey })).toThrow(/https/);
    expect(() => createTossClient({ getSecretKey, responseTimeoutMs: 30_000 })).toThrow(/60000/);
    expect(MIN_RESPONSE_TIMEOUT_MS).toBe(60_000);
  });
});

describe('card data', () => {
  it('is never logged: log entries carry route templates, statuses and codes only', async () => {
    const log: TossRequestLogEntry[] = [];
    const client = sandbox.client({ log: (entry) => log.push(entry) });
    const { key } = await registerCard(client);
    await client.chargeBillingKey(
      key,
      { amount: 1000, orderId: newOrderId(), orderName: '음료' },
      { idempotencyKey: newIdempotencyKey() },
    );
    expect(log.map(({ method, route, status, code }) => ({ method, route, status, code }))).toEqual([
      { method: 'POST', route: '/v1/billing/authorizations/card', status: 200, code: null },
      { method: 'POST', route: '/v1/billing/{billingKey}', status: 200, code: null },
    ]);
    const text = JSON.stringify(log);
    for (const secretPart of [GOOD_CARD.cardNumber, key.billingKey, key.customerKey]) {
      expect(text).not.toContain(secretPart);
    }
  });

  it('is not echoed in a validation error', async () => {
    const client = sandbox.client();
    const error = await expectTossError(
      client.issueBillingKeyWithCard(
        { ...GOOD_CARD, cardNumber: '9410-0012-3456-7890', customerKey: newCustomerKey() },
        { idempotencyKey: newIdempotencyKey() },
      ),
      { status: null, code: 'CLIENT_INVALID_REQUEST', retryClass: 'input' },
    );
    expect(error.message).toContain('cardNumber');
    expect(error.message).not.toMatch(/\d{4}/);
  });
});

describe('tolerance for what Toss adds without a version bump', () => {
  let server: Server | undefined;
  let client: TossClient | undefined;
  afterEach(async () => {
    await client?.close();
    server?.close();
  });

  async function serve(status: number, body: unknown): Promise<TossClient> {
    server = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    client = createTossClient({ baseUrl: `http://127.0.0.1:${port}`, getSecretKey: () => SECRET });
    return client;
  }

  it('keeps unknown fields and unknown enum values of a payment', async () => {
    const tossClient = await serve(200, {
      ...(await paymentFromSandbox()),
      status: 'SOME_NEW_STATUS',
      brandNewField: { nested: true },
    });
    const payment = await tossClient.getPayment('tviva20260101000000AAAAA');
    expect(payment.status).toBe('SOME_NEW_STATUS');
    expect((payment as Record<string, unknown>).brandNewField).toEqual({ nested: true });
  });

  it('treats an unknown error code as an unknown outcome', async () => {
    const tossClient = await serve(400, { code: 'A_CODE_ADDED_LATER', message: '새 오류' });
    await expectTossError(tossClient.getPayment('tviva20260101000000AAAAA'), {
      status: 400,
      code: 'A_CODE_ADDED_LATER',
      retryClass: 'unknown-outcome',
      message: '새 오류',
    });
  });

  it('treats a 200 it cannot read as an unknown outcome', async () => {
    const tossClient = await serve(200, { paymentKey: 'x' });
    await expectTossError(tossClient.getPayment('tviva20260101000000AAAAA'), {
      status: 200,
      code: 'CLIENT_BAD_RESPONSE',
      retryClass: 'unknown-outcome',
    });
  });
});

async function paymentFromSandbox(): Promise<Record<string, unknown>> {
  const client = sandbox.client();
  const { key } = await registerCard(client);
  return (await client.chargeBillingKey(
    key,
    { amount: 1000, orderId: newOrderId(), orderName: '음료' },
    { idempotencyKey: newIdempotencyKey() },
  )) as Record<string, unknown>;
}
