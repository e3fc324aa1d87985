import { describe, expect, it } from 'vitest';
import { kstQueryDateTime, listTransactionsInRange } from '../../electron/core/toss/index.ts';
import { expectTossError } from '../support/expect-toss-error.ts';
import { newIdempotencyKey, newOrderId, registerCard } from '../support/toss-fixtures.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';

// The emulator's clock is the real one here: the client computes its window from real instants.
const sandbox = sandboxPerFile();

describe('GET /v1/transactions from the client (issue 17 item 10)', () => {
  it('writes instants as offset-free KST wall times', () => {
    expect(kstQueryDateTime(new Date('2026-03-01T15:00:00.999Z'))).toBe('2026-03-02T00:00:00');
    expect(kstQueryDateTime(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12-31T23:59:59');
  });

  it('refuses to send a date with an offset', async () => {
    await expectTossError(
      sandbox.client().listTransactions({ startDate: '2026-03-01T00:00:00Z', endDate: '2026-03-02' }),
      { status: null, code: 'CLIENT_INVALID_REQUEST', retryClass: 'input' },
    );
  });

  it.each(['wall-time', 'strict'] as const)(
    'finds a payment made a moment ago in a one-hour window, page by page, with the emulator reading offsets as %s',
    async (mode) => {
      await sandbox.control('POST', '/__sandbox/switches', { transactionDates: mode });
      const client = sandbox.client();
      const { key } = await registerCard(client);
      const orderIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const orderId = newOrderId();
        orderIds.push(orderId);
        await client.chargeBillingKey(
          key,
          { amount: 10_000, orderId, orderName: '회비' },
          { idempotencyKey: newIdempotencyKey() },
        );
      }
      const now = Date.now();
      const found = await listTransactionsInRange(client, {
        from: new Date(now - 60 * 60 * 1000),
        to: new Date(now + 60 * 1000),
        pageSize: 2,
      });
      expect(found.map((tx) => tx.orderId)).toEqual(orderIds);
      expect(found.map((tx) => tx.customerKey)).toEqual([key.customerKey, key.customerKey, key.customerKey]);
    },
  );
});
