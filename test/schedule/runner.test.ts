import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import type { ScheduledChargeService } from '../../electron/core/billing/index.ts';
import { materializeDuePeriods } from '../../electron/core/schedule/index.ts';
import {
  addFault,
  auditOf,
  billingHarness,
  CARDS,
  expectLedgerAgreesWithToss,
  sandboxPayments,
} from '../billing/harness.ts';
import { attemptsOf, insertSubscription, kst, periodsOf, runnerFor } from './runner-harness.ts';

const { sandbox, desk } = billingHarness();
const CHARGE_PATH = { method: 'POST', path: '/v1/billing/*' };
const NOTHING = { DONE: 0, DECLINED: 0, FAILED: 0, UNKNOWN: 0 };

describe('schedule runner: due periods charged once each', () => {
  it('charges an anchor-day-31 monthly subscription on Jan 31, Feb 29, Mar 31, Apr 30 as the clock advances', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31', amount: 50_000 });
    const runner = runnerFor(d);

    d.clock.now = kst('2024-01-31T09:59:59');
    expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING, skipped: 0 });

    const expected: [string, string][] = [
      ['2024-01-31T10:00:00', '2024-01-31'],
      ['2024-02-29T10:00:00', '2024-02-29'],
      ['2024-03-31T10:30:00', '2024-03-31'],
      ['2024-04-30T23:59:00', '2024-04-30'],
    ];
    for (const [local, start] of expected) {
      // A day before, nothing is due.
      d.clock.now = kst(local) - 24 * 60 * 60 * 1_000;
      expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING });
      d.clock.now = kst(local);
      expect(await runner.runDue()).toMatchObject({
        materialized: 1,
        awaitingConfirmation: 0,
        charged: { ...NOTHING, DONE: 1 },
        skipped: 0,
        errors: 0,
      });
      expect(periodsOf(d.ledger, sub).at(-1)).toMatchObject({ periodStart: start, status: 'paid' });
      // Running again at the same instant charges nothing new.
      expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING, skipped: 0 });
    }

    const periods = periodsOf(d.ledger, sub);
    expect(periods.map((p) => [p.periodIndex, p.periodStart, p.status])).toEqual([
      [0, '2024-01-31', 'paid'],
      [1, '2024-02-29', 'paid'],
      [2, '2024-03-31', 'paid'],
      [3, '2024-04-30', 'paid'],
    ]);
    expect(periods[1]?.dueAt).toBe(kst('2024-02-29T10:00:00'));

    const attempts = attemptsOf(d.ledger);
    expect(attempts).toHaveLength(4);
    expect(attempts.map((a) => [a.periodId, a.attemptNo, a.kind, a.status])).toEqual(
      periods.map((p) => [p.id, 1, 'scheduled', 'DONE']),
    );
    expect(attempts[0]?.orderId).toMatch(new RegExp(`^s${sub}p0a1_[A-Za-z0-9_-]{8}$`));
    const payments = await sandboxPayments(sandbox);
    expect(payments.map((p) => p.orderId).sort()).toEqual(attempts.map((a) => a.orderId).sort());
    await expectLedgerAgreesWithToss(sandbox, d.ledger);

    expect(
      auditOf(d.ledger, `charge_attempt:${attempts[1]?.id}`).map((row) => [row.action, row.actor]),
    ).toEqual([
      ['charge.request', 'scheduler'],
      ['charge.done', 'scheduler'],
    ]);
    expect(auditOf(d.ledger, `charge_attempt:${attempts[1]?.id}`)[0]?.details).toMatchObject({
      subscriptionId: sub,
      periodId: periods[1]?.id,
      periodIndex: 1,
      attemptNo: 1,
      amount: 50_000,
    });
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it('a price change applies to periods written after it, not to one already written', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31', amount: 50_000 });
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    await runner.runDue();
    d.ledger.db.prepare('UPDATE subscriptions SET amount = 55_000 WHERE id = ?').run(sub);
    d.clock.now = kst('2024-02-29T10:00:00');
    await runner.runDue();
    expect(periodsOf(d.ledger, sub).map((p) => [p.amount, p.status])).toEqual([
      [50_000, 'paid'],
      [55_000, 'paid'],
    ]);
    expect(attemptsOf(d.ledger).map((a) => a.amount)).toEqual([50_000, 55_000]);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('catch-up: a period missed by more than 3 days waits for confirmation; a recent one is charged once', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    const runner = runnerFor(d);

    // The PC was off from before Jan 31 until Mar 2: Jan 31 is 31 days late, Feb 29 two days.
    d.clock.now = kst('2024-03-02T12:00:00');
    expect(await runner.runDue()).toMatchObject({
      materialized: 2,
      awaitingConfirmation: 1,
      charged: { ...NOTHING, DONE: 1 },
      skipped: 0,
    });
    expect(periodsOf(d.ledger, sub).map((p) => [p.periodStart, p.status])).toEqual([
      ['2024-01-31', 'awaiting_confirmation'],
      ['2024-02-29', 'paid'],
    ]);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);

    expect(await runner.runDue()).toMatchObject({
      materialized: 0,
      awaitingConfirmation: 0,
      charged: NOTHING,
    });
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a declining card leaves the period failed with a DECLINED attempt, and it is not charged again', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DECLINED: 1 } });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['failed']);
    expect(attemptsOf(d.ledger)).toMatchObject([
      { kind: 'scheduled', attemptNo: 1, status: 'DECLINED', tossCode: 'REJECT_CARD_PAYMENT' },
    ]);
    expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING, skipped: 0 });
    expect(attemptsOf(d.ledger)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('drop-after-commit: the attempt is UNKNOWN and the period charging; the reconciler makes them DONE and paid', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    await addFault(sandbox, 'drop-after-commit', CHARGE_PATH);

    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, UNKNOWN: 1 } });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['charging']);
    const [attempt] = attemptsOf(d.ledger);
    expect(attempt).toMatchObject({ status: 'UNKNOWN', tossCode: 'CLIENT_NETWORK_ERROR' });
    // A charging period is not pending: the next run leaves it to the reconciler.
    expect(await runner.runDue()).toMatchObject({ charged: NOTHING, skipped: 0 });

    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toEqual([
      { kind: 'charge', id: attempt?.id, from: 'UNKNOWN', to: 'DONE', via: 'lookup', tossCode: null },
    ]);
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['paid']);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
    expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING });
  });

  it('a scheduled charge keeps the day-long resend window (a charge a person asked for has minutes)', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    await addFault(sandbox, 'status-500', CHARGE_PATH);
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, UNKNOWN: 1 } });

    d.clock.now = kst('2024-01-31T13:00:00');
    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toMatchObject([{ kind: 'charge', to: 'DONE', via: 'resend' }]);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a 429 slows the run and sends the same request again: charged in the run, nothing UNKNOWN', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    insertSubscription(d.ledger, { memberId });
    insertSubscription(d.ledger, { memberId, orderName: '락커 대여', amount: 10_000 });
    const waits: number[] = [];
    const runner = runnerFor(d, {
      concurrency: 1,
      sleep: async (ms) => {
        waits.push(ms);
      },
      slowDown: { baseMs: 250, maxMs: 1_000 },
      // Only the slow-down's waits here; the rate limiter's are tested in rate-limit.test.ts.
      ratePerSecond: 0,
    });
    d.clock.now = kst('2024-01-31T10:00:00');
    await addFault(sandbox, 'status-429', CHARGE_PATH);

    expect(await runner.runDue()).toMatchObject({
      charged: { ...NOTHING, DONE: 2 },
      slowedDown: 1,
    });
    // The shared pause, or the 429's Retry-After (1 s from the emulator) when longer.
    expect(waits).toEqual([1_000]);
    const keys = d.ledger.db.prepare('SELECT idempotency_key FROM charge_attempts').pluck().all();
    expect(keys).toHaveLength(2);
    expect((await d.services.reconciler.reconcile()).resolved).toEqual([]);
    expect(periodsOf(d.ledger).map((p) => p.status)).toEqual(['paid', 'paid']);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('skips a period whose member has no card, leaving it pending for a later run', async () => {
    const d = await desk();
    const member = d.services.members.create({ name: '카드없음', phone: '010-3000-0001' });
    const sub = insertSubscription(d.ledger, { memberId: member.id });
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    expect(await runner.runDue()).toMatchObject({ materialized: 1, charged: NOTHING, skipped: 1 });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['pending']);
    expect(attemptsOf(d.ledger)).toEqual([]);
    expect(
      await d.services.scheduled.chargePeriod({ periodId: periodsOf(d.ledger, sub)[0]?.id ?? 0 }),
    ).toMatchObject({ kind: 'not_chargeable', reason: 'NO_ACTIVE_CARD' });
  });

  it('never has more charges in flight than the bound, and concurrent runDue calls share one run', async () => {
    const d = await desk();
    const subs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const { memberId } = await d.memberWithCard();
      subs.push(insertSubscription(d.ledger, { memberId, amount: 10_000 + i * 100 }));
    }
    await addFault(sandbox, 'delay', CHARGE_PATH, { delayMs: 40, times: 9 });
    // In flight: from the moment the runner lets the request leave until Toss answers (an attempt
    // written ahead waits without a slot; the outcome's commit no longer holds one).
    let inFlight = 0;
    let peak = 0;
    let written = 0;
    const scheduled: ScheduledChargeService = {
      async chargePeriod(input) {
        let left = false;
        const land = () => {
          if (left) inFlight--;
          left = false;
        };
        try {
          return await d.services.scheduled.chargePeriod({
            ...input,
            beforeSend: async () => {
              written++;
              await input.beforeSend?.();
              left = true;
              inFlight++;
              peak = Math.max(peak, inFlight);
            },
            onAnswered: (answer) => {
              land();
              input.onAnswered?.(answer);
            },
          });
        } finally {
          land();
        }
      },
    };
    const runner = runnerFor(d, { billing: { scheduled }, concurrency: 3, batchSize: 2 });
    d.clock.now = kst('2024-01-31T10:00:00');

    const [first, second] = await Promise.all([runner.runDue(), runner.runDue()]);
    expect(second).toBe(first);
    expect(first).toMatchObject({ materialized: 9, charged: { ...NOTHING, DONE: 9 }, skipped: 0 });
    expect(peak).toBe(3);
    expect(written).toBe(9);
    expect(await sandboxPayments(sandbox)).toHaveLength(9);
    expect(periodsOf(d.ledger).every((p) => p.status === 'paid')).toBe(true);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('stop() sends the attempts already written, writes no more, leaves nothing PENDING, and a later runDue does nothing', async () => {
    const d = await desk();
    for (let i = 0; i < 8; i++) {
      const { memberId } = await d.memberWithCard();
      insertSubscription(d.ledger, { memberId });
    }
    await addFault(sandbox, 'delay', CHARGE_PATH, { delayMs: 100, times: 8 });
    // Two requests out and two more attempts written ahead of them.
    const runner = runnerFor(d, { concurrency: 2, writeAhead: 2 });
    d.clock.now = kst('2024-01-31T10:00:00');

    const run = runner.runDue();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await runner.stop();
    const summary = await run;
    expect(summary.charged.DONE).toBe(4);
    const attempts = attemptsOf(d.ledger);
    expect(attempts.map((a) => a.status)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
    expect(
      periodsOf(d.ledger)
        .map((p) => p.status)
        .sort(),
    ).toEqual(['paid', 'paid', 'paid', 'paid', 'pending', 'pending', 'pending', 'pending']);
    expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING });
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});

describe('chargePeriod: one attempt per (period, attempt no)', () => {
  it('a second call, at once or later, returns the first attempt and sends nothing', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId });
    d.clock.now = kst('2024-01-31T10:00:00');
    materializeDuePeriods(d.ledger, { now: new Date(d.clock.now) });
    const [period] = periodsOf(d.ledger, sub);
    const periodId = period?.id ?? 0;

    const [a, b] = await Promise.all([
      d.services.scheduled.chargePeriod({ periodId }),
      d.services.scheduled.chargePeriod({ periodId, attemptNo: 1 }),
    ]);
    expect(a).toMatchObject({ kind: 'charge', repeated: false, charge: { status: 'DONE' } });
    expect(b).toMatchObject({ kind: 'charge', repeated: true, charge: { status: 'DONE' } });
    if (a.kind !== 'charge' || b.kind !== 'charge') throw new Error('unreachable');
    expect(b.charge.id).toBe(a.charge.id);
    expect(await d.services.scheduled.chargePeriod({ periodId })).toMatchObject({
      kind: 'charge',
      repeated: true,
      charge: { id: a.charge.id },
    });
    // A retry of a paid period is refused before anything is written.
    expect(await d.services.scheduled.chargePeriod({ periodId, attemptNo: 2 })).toMatchObject({
      kind: 'not_chargeable',
      reason: 'PERIOD_NOT_CHARGEABLE',
    });
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    expect(attemptsOf(d.ledger)).toHaveLength(1);
  });

  it('a retry after a decline is a new attempt with a new orderId and key; the unique index is the last guard', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    d.clock.now = kst('2024-01-31T10:00:00');
    materializeDuePeriods(d.ledger, { now: new Date(d.clock.now) });
    const periodId = periodsOf(d.ledger, sub)[0]?.id ?? 0;
    expect(await d.services.scheduled.chargePeriod({ periodId })).toMatchObject({
      charge: { status: 'DECLINED' },
    });
    // Out of order: attempt 3 before attempt 2.
    expect(await d.services.scheduled.chargePeriod({ periodId, attemptNo: 3 })).toMatchObject({
      reason: 'ATTEMPT_OUT_OF_ORDER',
    });
    expect(await d.services.scheduled.chargePeriod({ periodId, attemptNo: 2 })).toMatchObject({
      charge: { status: 'DECLINED', kind: 'retry' },
    });
    const rows = d.ledger.db
      .prepare('SELECT order_id AS orderId, idempotency_key AS key FROM charge_attempts ORDER BY id')
      .all() as { orderId: string; key: string }[];
    expect(rows.map((r) => r.orderId.split('_')[0])).toEqual([`s${sub}p0a1`, `s${sub}p0a2`]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['failed']);

    // Another connection that already wrote this very try: the UNIQUE(period, attempt_no) index refuses
    // a second row even if the code's checks were bypassed.
    expect(() =>
      d.ledger.db
        .prepare(
          `INSERT INTO charge_attempts (order_id, idempotency_key, member_id, card_id, subscription_period_id,
             attempt_no, kind, amount, order_name, status, created_at, updated_at)
           SELECT 'other_order', 'other_key', member_id, card_id, subscription_period_id, 2, 'retry', amount,
             order_name, 'PENDING', 0, 0 FROM charge_attempts WHERE attempt_no = 2`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('materializeDuePeriods', () => {
  it('is bounded per call, idempotent, and writes nothing for a paused subscription', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const daily = insertSubscription(d.ledger, { memberId, anchorDate: '2024-03-01', intervalUnit: 'day' });
    const paused = insertSubscription(d.ledger, { memberId, status: 'paused' });
    const now = new Date(kst('2024-03-10T10:00:00'));

    const calls: { inserted: number; awaitingConfirmation: number; more: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      const result = materializeDuePeriods(d.ledger, { now, limit: 4 });
      calls.push(result);
      if (!result.more) break;
    }
    expect(calls.map((c) => c.inserted)).toEqual([4, 4, 2]);
    expect(calls.at(-1)?.more).toBe(false);
    expect(materializeDuePeriods(d.ledger, { now })).toMatchObject({ inserted: 0, more: false });

    const periods = periodsOf(d.ledger, daily);
    expect(periods.map((p) => p.periodStart)).toEqual(
      Array.from({ length: 10 }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')}`),
    );
    // Mar 1–6 are more than 3 days late (Mar 7 10:00 is exactly 3 days and still charged).
    expect(periods.filter((p) => p.status === 'awaiting_confirmation').map((p) => p.periodStart)).toEqual([
      '2024-03-01',
      '2024-03-02',
      '2024-03-03',
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
    ]);
    expect(periodsOf(d.ledger, paused)).toEqual([]);
  });

  it('reads a subscription again only once its next period is due or its schedule changed', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-03-05' });
    const nextDueAt = () =>
      d.ledger.db.prepare('SELECT next_due_at FROM subscriptions WHERE id = ?').pluck().get(sub);
    expect(nextDueAt()).toBe(0);

    materializeDuePeriods(d.ledger, { now: new Date(kst('2024-03-05T10:00:00')) });
    expect(nextDueAt()).toBe(kst('2024-04-05T10:00:00'));
    // Not read before then: a hint moved on (by hand here) keeps a due period unwritten.
    d.ledger.db
      .prepare('UPDATE subscriptions SET next_due_at = ? WHERE id = ?')
      .run(kst('2024-04-06T00:00:00'), sub);
    expect(materializeDuePeriods(d.ledger, { now: new Date(kst('2024-04-05T10:00:00')) })).toMatchObject({
      inserted: 0,
    });
    expect(materializeDuePeriods(d.ledger, { now: new Date(kst('2024-04-06T00:00:00')) })).toMatchObject({
      inserted: 1,
    });
    expect(nextDueAt()).toBe(kst('2024-05-05T10:00:00'));

    // Any change to the columns the periods come from sets it back to "not known", whoever makes it:
    // the charge time moved an hour earlier is due at 09:00, before the hint said.
    d.ledger.db.prepare("UPDATE subscriptions SET charge_time = '09:00' WHERE id = ?").run(sub);
    expect(nextDueAt()).toBe(0);
    expect(materializeDuePeriods(d.ledger, { now: new Date(kst('2024-05-05T09:00:00')) })).toMatchObject({
      inserted: 1,
    });
    expect(nextDueAt()).toBe(kst('2024-06-05T09:00:00'));
    // The price is not one of them.
    d.ledger.db.prepare('UPDATE subscriptions SET amount = 60000 WHERE id = ?').run(sub);
    expect(nextDueAt()).toBe(kst('2024-06-05T09:00:00'));
    for (const status of ['paused', 'active']) {
      d.ledger.db.prepare('UPDATE subscriptions SET status = ? WHERE id = ?').run(status, sub);
      expect(nextDueAt()).toBe(0);
      materializeDuePeriods(d.ledger, { now: new Date(kst('2024-05-06T00:00:00')) });
    }
    expect(nextDueAt()).toBe(kst('2024-06-05T09:00:00'));
    expect(periodsOf(d.ledger, sub).map((p) => p.periodStart)).toEqual([
      '2024-03-05',
      '2024-04-05',
      '2024-05-05',
    ]);
    // A period deleted (nothing does that today) is written again by the next call.
    d.ledger.db
      .prepare('DELETE FROM subscription_periods WHERE subscription_id = ? AND period_index = 2')
      .run(sub);
    expect(nextDueAt()).toBe(0);
    expect(materializeDuePeriods(d.ledger, { now: new Date(kst('2024-05-06T00:00:00')) })).toMatchObject({
      inserted: 1,
    });
  });
});
