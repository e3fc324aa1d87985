import { describe, expect, it } from 'vitest';
import { billingHarness, expectLedgerAgreesWithToss, sandboxPayments } from '../billing/harness.ts';
import { insertSubscription, kst, periodsOf, runnerFor } from './runner-harness.ts';

// Issue 17 item 8: Toss's test environment is reported to allow about 100 requests per minute per
// API (toss-api.md §11). With the emulator's switch on, a due run of 300 subscriptions charges each
// exactly once: it slows down on the 429s instead of leaving attempts for the reconciler.

// The emulator's clock, moved only by the runner's waits, so its minute passes as the run waits.
let sandboxNow = Date.parse('2024-01-31T01:00:00Z');
const { sandbox, desk } = billingHarness({ now: () => new Date(sandboxNow) });

describe('a due run against the rate-limited test environment', () => {
  it('charges 300 subscriptions exactly once each, slowed twice by the 100-a-minute limit', async () => {
    const d = await desk();
    // Cards are registered before the limit is on: it counts per API, and this is set-up.
    const subscriptions: number[] = [];
    for (let i = 0; i < 300; i++) {
      const { memberId } = await d.memberWithCard();
      subscriptions.push(insertSubscription(d.ledger, { memberId, amount: 10_000 + i }));
    }
    await sandbox.control('POST', '/__sandbox/switches', { rateLimitPerMinute: 100 });
    try {
      const waits: number[] = [];
      const runner = runnerFor(d, {
        // One request at a time and no limiter of the runner's own: every request leaves at the
        // same instant until Toss refuses, so the 101st and the 201st are the ones slowed.
        concurrency: 1,
        ratePerSecond: 0,
        sleep: async (ms) => {
          waits.push(ms);
          sandboxNow += ms;
          d.clock.now += ms;
        },
      });
      d.clock.now = kst('2024-01-31T10:00:00');
      const summary = await runner.runDue();
      expect(summary).toMatchObject({
        materialized: 300,
        charged: { DONE: 300, DECLINED: 0, FAILED: 0, UNKNOWN: 0 },
        errors: 0,
        slowedDown: 2,
      });
      // Each wait is Toss's Retry-After: the minute since the first request of the window.
      expect(waits).toEqual([60_000, 60_000]);
      expect(periodsOf(d.ledger).map((period) => period.status)).toEqual(Array(300).fill('paid'));
      const payments = await sandboxPayments(sandbox);
      expect(payments).toHaveLength(300);
      expect(new Set(payments.map((payment) => payment.orderId)).size).toBe(300);
      await expectLedgerAgreesWithToss(sandbox, d.ledger);
      expect(d.lines.filter((line) => line.includes('rate limited: slowing the run'))).toHaveLength(2);
    } finally {
      await sandbox.control('POST', '/__sandbox/switches', { rateLimitPerMinute: null });
    }
  }, 120_000);
});
