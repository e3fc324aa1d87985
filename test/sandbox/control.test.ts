import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../electron/sandbox/index.ts';
import {
  basic,
  CARD,
  chargeBody,
  KEY,
  manualClock,
  OTHER_KEY,
  type Payment,
  sandboxPerTest,
} from './harness.ts';

interface BillingKeyListing {
  readonly billingKey: string;
  readonly customerKey: string;
  readonly status: string;
  readonly mId: string;
  readonly card: unknown;
  readonly authenticatedAt: string;
}

describe('control API (/__sandbox/)', () => {
  const sandbox = sandboxPerTest();

  async function seedTwoMerchants() {
    const mine = await sandbox.api.issue();
    const theirs = await sandbox.api.issue({ customerKey: 'their_customer' }, { key: OTHER_KEY });
    const myPayment = (await sandbox.api.charge(mine.billingKey, chargeBody())).json;
    const theirPayment = (
      await sandbox.api.charge(theirs.billingKey, chargeBody({ customerKey: 'their_customer' }), {
        key: OTHER_KEY,
      })
    ).json;
    return { mine, theirs, myPayment, theirPayment };
  }

  it('lists every payment, or one merchant’s with a Basic header', async () => {
    const { myPayment, theirPayment } = await seedTwoMerchants();
    await sandbox.api.call('POST', `/v1/payments/${myPayment.paymentKey}/cancel`, {
      body: { cancelReason: '환불' },
    });

    const all = await sandbox.api.payments();
    expect(all.map((payment) => payment.paymentKey)).toEqual([myPayment.paymentKey, theirPayment.paymentKey]);
    expect(all[0]?.status).toBe('CANCELED');
    const mine = await sandbox.api.call<Payment[]>('GET', '/__sandbox/payments');
    expect(mine.json.map((payment) => payment.paymentKey)).toEqual([myPayment.paymentKey]);
  });

  it('lists billing keys with their status, scoped the same way', async () => {
    const { mine, theirs } = await seedTwoMerchants();
    await sandbox.api.call('DELETE', `/v1/billing/${encodeURIComponent(mine.billingKey)}`);
    const all = await sandbox.api.call<BillingKeyListing[]>('GET', '/__sandbox/billing-keys', { key: null });
    expect(all.json).toEqual([
      {
        billingKey: mine.billingKey,
        customerKey: CARD.customerKey,
        status: 'REMOVED',
        mId: mine.mId,
        card: mine.card,
        authenticatedAt: mine.authenticatedAt,
      },
      {
        billingKey: theirs.billingKey,
        customerKey: 'their_customer',
        status: 'ACTIVE',
        mId: theirs.mId,
        card: theirs.card,
        authenticatedAt: theirs.authenticatedAt,
      },
    ]);
    const scoped = await sandbox.api.call<BillingKeyListing[]>('GET', '/__sandbox/billing-keys', {
      key: OTHER_KEY,
    });
    expect(scoped.json.map((key) => key.billingKey)).toEqual([theirs.billingKey]);
  });

  it('answers a bad Basic header on a listing like Toss would', async () => {
    const result = await sandbox.api.call('GET', '/__sandbox/payments', { key: 'live_sk_abc' });
    expect(result.status).toBe(401);
    expect(result.json.code).toBe('UNAUTHORIZED_KEY');
  });

  it('resets data, idempotency records and faults', async () => {
    const { mine } = await seedTwoMerchants();
    await sandbox.api.call('POST', '/__sandbox/faults', {
      key: null,
      body: { match: { path: '/v1/payments/*' }, fault: 'status-500', times: 5 },
    });
    const reset = await sandbox.api.call('POST', '/__sandbox/reset', { key: null });
    expect(reset.status).toBe(204);
    expect(await sandbox.api.payments()).toEqual([]);
    expect((await sandbox.api.call<unknown[]>('GET', '/__sandbox/billing-keys', { key: null })).json).toEqual(
      [],
    );
    expect((await sandbox.api.call('GET', '/v1/payments/any')).status).toBe(404);
    const charge = await sandbox.api.charge(mine.billingKey, chargeBody());
    expect(charge.json).toMatchObject({ code: 'INVALID_BILL_KEY_REQUEST' });
  });

  it('answers unknown control routes with 404 and wrong methods with 405', async () => {
    const unknown = await sandbox.api.call('GET', '/__sandbox/nothing', { key: null });
    expect(unknown.status).toBe(404);
    const wrong = await sandbox.api.call('GET', '/__sandbox/reset', { key: null });
    expect(wrong.status).toBe(405);
    expect(wrong.json.message).toMatch(/POST/);
  });
});

describe('startSandbox', () => {
  it('closes promptly with a keep-alive connection open', async () => {
    const sandbox = await startSandbox();
    const response = await fetch(`${sandbox.url}/__sandbox/payments`, {
      headers: { connection: 'keep-alive' },
    });
    expect(response.status).toBe(200);
    await sandbox.close();
    await expect(fetch(`${sandbox.url}/__sandbox/payments`)).rejects.toThrow();
  });

  it('stops a delayed request when it closes', async () => {
    const clock = manualClock();
    const sandbox = await startSandbox({ now: clock.now });
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ match: { path: '/v1/*' }, fault: 'delay', delayMs: 60_000 }),
    });
    // The sandbox reads the clock when it claims the Idempotency-Key, just before the delay.
    const claimed = clock.nextRead();
    const pending = fetch(`${sandbox.url}/v1/billing/authorizations/card`, {
      method: 'POST',
      headers: { authorization: basic(KEY), 'idempotency-key': 'slow-issue' },
      body: JSON.stringify(CARD),
    }).then(
      () => 'answered',
      () => 'dropped',
    );
    await claimed;
    await sandbox.close();
    expect(await pending).toBe('dropped');
  });

  it('uses the injected random source for identifiers', async () => {
    // Counts 1, 2, 3… across calls: the trace id takes the first 16 bytes, the billing key the next 32.
    let drawn = 0;
    const sandbox = await startSandbox({
      randomBytes: (size) => {
        const bytes = Uint8Array.from({ length: size }, (_, i) => (drawn + i + 1) % 62);
        drawn += size;
        return bytes;
      },
    });
    try {
      const response = await fetch(`${sandbox.url}/v1/billing/authorizations/card`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from('test_sk_seeded:').toString('base64')}` },
        body: JSON.stringify(CARD),
      });
      const billing = (await response.json()) as { billingKey: string };
      expect(response.headers.get('x-tosspayments-trace-id')).toBe(
        Buffer.from(Uint8Array.from({ length: 16 }, (_, i) => i + 1)).toString('hex'),
      );
      expect(billing.billingKey).toBe(
        `${Buffer.from(Uint8Array.from({ length: 32 }, (_, i) => (i + 17) % 62)).toString('base64url')}=`,
      );
    } finally {
      await sandbox.close();
    }
  });
});
