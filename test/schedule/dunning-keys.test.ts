import { describe, expect, it } from 'vitest';
import type { TossClient } from '../../electron/core/toss/index.ts';
import { billingHarness, expectLedgerAgreesWithToss, sandboxKeys } from '../billing/harness.ts';
import { expectTossError } from '../support/expect-toss-error.ts';
import { insertSubscription, kst, periodsOf, runnerFor } from './runner-harness.ts';

// Toss keeps the answer of a key for 15 days, 4xx refusals included (toss-api.md §9, measured;
// the emulator replays them since issue 17). A dunning retry sent under the declined try's key
// would get that decline again whatever the card says now; each retry therefore has its own key.

const { sandbox, desk } = billingHarness();
const DAY = 24 * 60 * 60 * 1_000;
const DUE = kst('2024-01-31T10:00:00');

/** The first charge is answered `code`, the way a test key can make Toss answer: the test code. */
function forcingFirstCharge(code: string) {
  let forceNext = true;
  return (client: TossClient): TossClient => ({
    ...client,
    chargeBillingKey: (key, body, options) => {
      const forced = forceNext ? { testCode: code } : {};
      forceNext = false;
      return client.chargeBillingKey(key, body, { ...options, ...forced });
    },
  });
}

describe('dunning retries and idempotency', () => {
  it.each(['REJECT_CARD_PAYMENT', 'FDS_ERROR'])(
    'sends each retry of a %s decline under a new Idempotency-Key, so a replayed decline cannot block it',
    async (code) => {
      const d = await desk({ wrapToss: forcingFirstCharge(code) });
      const { memberId } = await d.memberWithCard();
      insertSubscription(d.ledger, { memberId });
      const runner = runnerFor(d);
      d.clock.now = DUE;
      expect((await runner.runDue()).charged).toMatchObject({ DECLINED: 1 });

      d.clock.now = DUE + DAY;
      expect((await runner.runDue()).retried).toMatchObject({ DONE: 1, DECLINED: 0 });
      expect(periodsOf(d.ledger).map((period) => period.status)).toEqual(['paid']);

      const attempts = d.ledger.db
        .prepare(
          'SELECT order_id AS orderId, idempotency_key AS key, status FROM charge_attempts ORDER BY id',
        )
        .all() as { orderId: string; key: string; status: string }[];
      expect(attempts.map((attempt) => attempt.status)).toEqual(['DECLINED', 'DONE']);
      expect(attempts[0]?.key).not.toBe(attempts[1]?.key);
      // What the retry would have met under the first try's key: the stored decline, replayed.
      const [key] = await sandboxKeys(sandbox);
      const first = attempts[0];
      if (!key || !first) throw new Error('set-up failed');
      await expectTossError(
        d.toss.chargeBillingKey(
          { billingKey: key.billingKey, customerKey: key.customerKey },
          { amount: 50_000, orderId: `${first.orderId}x`, orderName: '월 회비' },
          { idempotencyKey: first.key },
        ),
        { status: 403, code, retryClass: 'soft-decline' },
      );
      await expectLedgerAgreesWithToss(sandbox, d.ledger);
    },
  );

  it('settles a CARD_PROCESSING_ERROR as a decline once Toss has no payment and replays it, then retries', async () => {
    const d = await desk({ wrapToss: forcingFirstCharge('CARD_PROCESSING_ERROR') });
    const { memberId } = await d.memberWithCard();
    insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = DUE;
    expect((await runner.runDue()).charged).toMatchObject({ UNKNOWN: 1, DECLINED: 0 });
    // Not found by its order, and the same request under the same key gets the stored 400 again.
    expect((await d.services.reconciler.reconcile()).resolved).toMatchObject([
      { to: 'DECLINED', via: 'resend', tossCode: 'CARD_PROCESSING_ERROR' },
    ]);
    d.clock.now = DUE + DAY;
    expect((await runner.runDue()).retried).toMatchObject({ DONE: 1 });
    expect(periodsOf(d.ledger).map((period) => period.status)).toEqual(['paid']);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});
