import { describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/log/index.ts';
import type { RunSummary } from '../../electron/core/schedule/index.ts';
import { startScheduleLoop } from '../../electron/core/schedule/index.ts';
import { billingHarness, type Desk, expectLedgerAgreesWithToss } from '../billing/harness.ts';
import { attemptsOf, insertSubscription, kst, runnerFor } from './runner-harness.ts';

const { sandbox, desk } = billingHarness();

/** A repeating timer the test fires by hand: no real waits. */
function fakeTimer() {
  const timer = {
    callback: undefined as (() => void) | undefined,
    ms: 0,
    cleared: [] as number[],
    setTimer(callback: () => void, ms: number) {
      timer.callback = callback;
      timer.ms = ms;
      return 7;
    },
    clearTimer(handle: number) {
      timer.cleared.push(handle);
    },
    fire() {
      timer.callback?.();
    },
  };
  return timer;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A real runner over the harness, counting runDue() and stop() calls. */
function countingRunner(d: Desk) {
  const runner = runnerFor(d);
  const counts = { runs: 0, stops: 0, summaries: [] as RunSummary[] };
  return {
    counts,
    async runDue() {
      counts.runs++;
      const summary = await runner.runDue();
      counts.summaries.push(summary);
      return summary;
    },
    async stop() {
      counts.stops++;
      await runner.stop();
    },
  };
}

function logFor(d: Desk) {
  return createLogger({
    sink: (line) => d.lines.push(line),
    now: () => new Date(d.clock.now),
    level: 'debug',
  });
}

describe('schedule loop', () => {
  it('runs the reconciler then the runner at start and on every tick, charging each due period once', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    const runner = countingRunner(d);
    const order: string[] = [];
    const reconciler = {
      async reconcile() {
        order.push(`reconcile@${runner.counts.runs}`);
        return d.services.reconciler.reconcile();
      },
    };
    const timer = fakeTimer();
    d.clock.now = kst('2024-01-31T10:00:00');
    const loop = startScheduleLoop({ runner, reconciler, ...timer, log: logFor(d) });
    expect(timer.ms).toBe(60_000);
    await loop.idle();
    expect(order).toEqual(['reconcile@0']);
    expect(runner.counts.summaries.at(-1)?.charged.DONE).toBe(1);

    // A minute later: nothing new is due.
    d.clock.now += 60_000;
    timer.fire();
    await loop.idle();
    expect(order).toEqual(['reconcile@0', 'reconcile@1']);
    expect(runner.counts.summaries.at(-1)?.charged.DONE).toBe(0);

    d.clock.now = kst('2024-02-29T10:00:00');
    timer.fire();
    await loop.idle();
    expect(runner.counts.summaries.at(-1)?.charged.DONE).toBe(1);
    expect(attemptsOf(d.ledger).map((a) => a.status)).toEqual(['DONE', 'DONE']);

    await loop.stop();
    expect(timer.cleared).toEqual([7]);
    expect(runner.counts.stops).toBe(1);
    // Ticks after stop do nothing.
    timer.fire();
    await loop.idle();
    expect(runner.counts.runs).toBe(3);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('skips a tick while a run is going; stop() waits for the run, then stops the runner', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    const runner = countingRunner(d);
    const gate = deferred();
    let reconciles = 0;
    const reconciler = {
      async reconcile() {
        reconciles++;
        if (reconciles === 1) await gate.promise;
      },
    };
    const timer = fakeTimer();
    d.clock.now = kst('2024-01-31T10:00:00');
    const loop = startScheduleLoop({ runner, reconciler, ...timer, intervalMs: 5_000, log: logFor(d) });
    expect(timer.ms).toBe(5_000);

    // The start-up run is held in the reconciler: these ticks are skipped, not queued.
    timer.fire();
    timer.fire();
    expect(reconciles).toBe(1);
    expect(d.lines.filter((l) => l.includes('tick skipped'))).toHaveLength(2);

    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    expect(runner.counts.stops).toBe(0);
    gate.resolve();
    await stopping;
    // Stopped before the runner was reached: the run ends without charging, then the runner stops.
    expect(runner.counts.runs).toBe(0);
    expect(runner.counts.stops).toBe(1);
    expect(attemptsOf(d.ledger)).toEqual([]);
  });

  it('a failing reconciler or run is logged and the next tick runs again', async () => {
    const d = await desk();
    const timer = fakeTimer();
    let calls = 0;
    const runner = {
      async runDue(): Promise<RunSummary> {
        calls++;
        throw new Error('ledger busy');
      },
      async stop() {},
    };
    const reconciler = {
      async reconcile() {
        throw new Error('offline');
      },
    };
    const loop = startScheduleLoop({ runner, reconciler, ...timer, log: logFor(d) });
    await loop.idle();
    timer.fire();
    await loop.idle();
    expect(calls).toBe(2);
    const messages = d.lines.map((l) => JSON.stringify(Object.values(JSON.parse(l) as object)));
    expect(messages.filter((m) => m.includes('"due run failed"'))).toHaveLength(2);
    expect(messages.filter((m) => m.includes('"reconcile before the due run failed"'))).toHaveLength(2);
    await loop.stop();
    expect(() => startScheduleLoop({ runner, ...timer, intervalMs: 0, log: logFor(d) })).toThrow(RangeError);
  });
});
