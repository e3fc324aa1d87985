import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTossClient, type TossRequestLogEntry } from '../../electron/core/toss/index.ts';
import { expectTossError } from '../support/expect-toss-error.ts';
import { newCustomerKey, newIdempotencyKey, newOrderId, registerCard } from '../support/toss-fixtures.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';

// Issue 17 from the client's side, over real HTTP against the emulator.

const sandbox = sandboxPerFile();
const TRACE = /^[0-9a-f]{32}$/;
const chargeBody = () => ({ amount: 30_000, orderId: newOrderId(), orderName: 'PT 10회권' });

describe('X-TossPayments-Trace-Id', () => {
  it('is handed to onTraceId on success, carried by every TossError, and logged', async () => {
    const entries: TossRequestLogEntry[] = [];
    const client = sandbox.client({ log: (entry) => entries.push(entry) });
    const { key } = await registerCard(client);
    const traces: string[] = [];
    await client.chargeBillingKey(key, chargeBody(), {
      idempotencyKey: newIdempotencyKey(),
      onTraceId: (id) => traces.push(id),
    });
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatch(TRACE);
    const refused = await expectTossError(
      client.chargeBillingKey(key, { ...chargeBody(), amount: 50 }, { idempotencyKey: newIdempotencyKey() }),
      { status: 400, code: 'BELOW_MINIMUM_AMOUNT', retryClass: 'input' },
    );
    expect(refused.traceId).toMatch(TRACE);
    expect(refused.traceId).not.toBe(traces[0]);
    const logged = entries.filter((entry) => entry.route === '/v1/billing/{billingKey}');
    expect(logged.map((entry) => entry.traceId)).toEqual([traces[0], refused.traceId]);
  });

  it('is null on a TossError when no answer came', async () => {
    const client = sandbox.client();
    const { key } = await registerCard(client);
    await sandbox.control('POST', '/__sandbox/faults', {
      match: { method: 'POST', path: '/v1/billing/*' },
      fault: 'reset-before',
    });
    const lost = await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() }),
      { status: null, code: 'CLIENT_NETWORK_ERROR', retryClass: 'unknown-outcome' },
    );
    expect(lost.traceId).toBeNull();
  });
});

describe('the codes issue 17 added, as the emulator forces them', () => {
  it.each([
    ['FDS_ERROR', 403, 'soft-decline'],
    ['CARD_PROCESSING_ERROR', 400, 'unknown-outcome'],
    ['UNKNOWN_ERROR', 500, 'unknown-outcome'],
    ['FAILED_BILLING_AUTO_CANCEL', 500, 'unknown-outcome'],
    ['BELOW_ZERO_AMOUNT', 400, 'input'],
    ['EXCEED_MAX_CARD_INSTALLMENT_PLAN', 400, 'input'],
  ] as const)('%s → %i %s', async (code, status, retryClass) => {
    const client = sandbox.client();
    const { key } = await registerCard(client);
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey(), testCode: code }),
      { status, code, retryClass },
    );
  });

  it('a card decline forced on DELETE is INVALID_TEST_CODE', async () => {
    const client = sandbox.client();
    const { key } = await registerCard(client);
    await expectTossError(client.deleteBillingKey(key.billingKey, { testCode: 'REJECT_CARD_PAYMENT' }), {
      status: 400,
      code: 'INVALID_TEST_CODE',
      retryClass: 'config',
    });
  });
});

describe('Billing objects of either API version', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  /** A loopback server answering one fixed Billing object, as Toss would for that version. */
  async function serving(body: unknown) {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;
    return createTossClient({ baseUrl: `http://127.0.0.1:${port}`, getSecretKey: () => 'test_sk_versions' });
  }

  const base = {
    mId: 'tvivarepub1',
    customerKey: newCustomerKey(),
    authenticatedAt: '2026-03-30T14:39:56+09:00',
    method: '카드',
    billingKey: 'Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=',
    card: {
      issuerCode: '61',
      acquirerCode: '31',
      number: '43301234****123*',
      cardType: '신용',
      ownerType: '개인',
    },
    transfers: null,
  };

  it('parses 2022-11-16 (cardCompany, cardNumber) and 2024-06-01 (without them)', async () => {
    const old = await serving({ ...base, cardCompany: '현대', cardNumber: '43301234****123*' });
    const request = { authKey: 'bln_x', customerKey: base.customerKey };
    const parsed = await old.issueBillingKeyWithAuthKey(request, { idempotencyKey: newIdempotencyKey() });
    expect(parsed.cardCompany).toBe('현대');
    expect(parsed.cardNumber).toBe('43301234****123*');
    await old.close();
    await close?.();
    const current = await serving(base);
    const parsedNew = await current.issueBillingKeyWithAuthKey(request, {
      idempotencyKey: newIdempotencyKey(),
    });
    expect(parsedNew.card?.number).toBe('43301234****123*');
    expect(parsedNew.cardCompany).toBeUndefined();
    await current.close();
  });
});
