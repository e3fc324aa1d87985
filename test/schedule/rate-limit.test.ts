import { describe, expect, it } from 'vitest';
import type { ScheduledChargeService } from '../../electron/core/billing/index.ts';
import { createTokenBucket } from '../../electron/core/schedule/index.ts';
import { billingHarness, CARDS, expectLedgerAgreesWithToss } from '../billing/harness.ts';
import { insertSubscription, kst, runnerFor } from './runner-harness.ts';

const { sandbox, desk } = billingHarness();

/** A simulated clock whose sleep moves it forward: no real waits. */
function simulatedTime(start = 0) {
  const time = {
    now: start,
    slept: 0,
    sleep: async (ms: number) => {
      time.slept += ms;
      time.now += ms;
    },
  };
  return time;
}

/** Starts per whole simulated second, from `origin`. */
function perSecond(starts: number[], origin: number): number[] {
  const counts: number[] = [];
  for (const at of starts) {
    const second = Math.floor((at - origin) / 1_000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return Array.from(counts, (n) => n ?? 0);
}

describe('token bucket', () => {
  it.each([1, 3, 7, 10])(
    'never starts more than %i per simulated second, with concurrent takers',
    async (rate) => {
      const time = simulatedTime(1_000_000);
      const bucket = createTokenBucket({ ratePerSecond: rate, now: () => time.now, sleep: time.sleep });
      const starts: number[] = [];
      const n = rate * 5;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (starts.length < n) {
            await bucket.take();
            starts.push(time.now);
          }
        }),
      );
      const counts = perSecond(starts, 1_000_000);
      expect(Math.max(...counts)).toBeLessThanOrEqual(rate);
      // And it is not slower than it needs to be.
      expect(counts.slice(0, 4)).toEqual([rate, rate, rate, rate]);
    },
  );

  it('lets a burst through at once, then refills at the rate', async () => {
    const time = simulatedTime();
    const bucket = createTokenBucket({ ratePerSecond: 2, burst: 3, now: () => time.now, sleep: time.sleep });
    for (let i = 0; i < 3; i++) await bucket.take();
    expect(time.slept).toBe(0);
    await bucket.take();
    expect(time.now).toBe(500);
  });

  it('does not spin on a clock that stands still: the sleep earns the token', async () => {
    const slept: number[] = [];
    const bucket = createTokenBucket({
      ratePerSecond: 4,
      now: () => 0,
      sleep: async (ms) => void slept.push(ms),
    });
    for (let i = 0; i < 4; i++) await bucket.take();
    expect(slept).toEqual([250, 250, 250]);
  });

  it('0 turns it off; a bad rate is refused', async () => {
    const time = simulatedTime();
    const bucket = createTokenBucket({ ratePerSecond: 0, now: () => time.now, sleep: time.sleep });
    for (let i = 0; i < 100; i++) await bucket.take();
    expect(time.slept).toBe(0);
    expect(() => createTokenBucket({ ratePerSecond: -1, now: () => 0, sleep: time.sleep })).toThrow(
      RangeError,
    );
    expect(() => createTokenBucket({ ratePerSecond: 1, burst: 0, now: () => 0, sleep: time.sleep })).toThrow(
      RangeError,
    );
  });
});

describe('schedule runner: rate limit', () => {
  it('starts at most ratePerSecond charges per simulated second, first charges and retries alike', async () => {
    const d = await desk();
    for (let i = 0; i < 12; i++) {
      const { memberId } = await d.memberWithCard(i < 4 ? CARDS.softDecline : CARDS.good);
      insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    }
    const DUE = kst('2024-01-31T10:00:00');
    d.clock.now = DUE;
    // The clock moves once the sleeper's turn is over, as a real sleep's would: a sleep that moved
    // it at once would date the start just before it by this one's wake-up.
    const sleep = async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
      d.clock.now += ms;
    };
    // A start is the moment the runner lets a written attempt's request leave.
    const starts: number[] = [];
    const scheduled: ScheduledChargeService = {
      chargePeriod: (input) =>
        d.services.scheduled.chargePeriod({
          ...input,
          beforeSend: async () => {
            await input.beforeSend?.();
            starts.push(d.clock.now);
          },
        }),
    };
    const runner = runnerFor(d, { ratePerSecond: 3, concurrency: 4, sleep, billing: { scheduled } });
    expect(await runner.runDue()).toMatchObject({ charged: { DONE: 8, DECLINED: 4, FAILED: 0, UNKNOWN: 0 } });
    expect(starts).toHaveLength(12);
    expect(perSecond(starts, DUE)).toEqual([3, 3, 3, 3]);
    // sent_at is written with the attempt, before the wait: never later than its request.
    const sentAt = d.ledger.db.prepare('SELECT sent_at FROM charge_attempts ORDER BY sent_at').pluck().all();
    expect(sentAt.every((at) => typeof at === 'number' && at >= DUE && at <= Math.max(...starts))).toBe(true);

    // The retries a day later go through the same limiter.
    const DAY_LATER = DUE + 24 * 60 * 60 * 1_000;
    d.clock.now = DAY_LATER;
    expect(await runner.runDue()).toMatchObject({ retried: { DONE: 0, DECLINED: 4, FAILED: 0, UNKNOWN: 0 } });
    const retryStarts = starts.slice(12);
    expect(retryStarts).toHaveLength(4);
    expect(Math.max(...perSecond(retryStarts, DAY_LATER))).toBeLessThanOrEqual(3);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('ratePerSecond 0 sends without waiting', async () => {
    const d = await desk();
    for (let i = 0; i < 6; i++) {
      const { memberId } = await d.memberWithCard();
      insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    }
    d.clock.now = kst('2024-01-31T10:00:00');
    let slept = 0;
    const runner = runnerFor(d, {
      ratePerSecond: 0,
      sleep: async () => {
        slept++;
      },
    });
    expect(await runner.runDue()).toMatchObject({ charged: { DONE: 6 } });
    expect(slept).toBe(0);
  });
});
