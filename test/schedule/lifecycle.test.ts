import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { billingContext } from '../../electron/core/billing/deps.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { createSubscriptionService, materializeDuePeriods } from '../../electron/core/schedule/index.ts';
import { auditOf, billingHarness, type Desk, expectLedgerAgreesWithToss } from '../billing/harness.ts';
import { attemptsOf, insertSubscription, kst, periodsOf, runnerFor } from './runner-harness.ts';

const { sandbox, desk } = billingHarness();
const NOTHING = { DONE: 0, DECLINED: 0, FAILED: 0, UNKNOWN: 0 };

function subscriptionsOf(d: Desk) {
  const now = () => new Date(d.clock.now);
  return createSubscriptionService(
    billingContext({
      ledger: d.ledger,
      sealer: d.sealer,
      toss: d.toss,
      tossMode: 'test',
      now,
      log: createLogger({ sink: () => {}, now, level: 'warn' }),
      actor: 'test',
    }),
  );
}

describe('pause and resume', () => {
  it('periods that came due while paused are skipped on resume, never charged; later ones are', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    const subs = subscriptionsOf(d);
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });

    d.clock.now = kst('2024-02-10T12:00:00');
    subs.pause({ id: sub });
    d.clock.now = kst('2024-03-31T10:00:00');
    expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING });

    d.clock.now = kst('2024-04-05T09:00:00');
    expect(subs.resume({ id: sub }).status).toBe('active');
    expect(periodsOf(d.ledger, sub).map((p) => [p.periodStart, p.status])).toEqual([
      ['2024-01-31', 'paid'],
      ['2024-02-29', 'skipped'],
      ['2024-03-31', 'skipped'],
    ]);
    expect(await runner.runDue()).toMatchObject({ materialized: 0, charged: NOTHING, skipped: 0 });

    d.clock.now = kst('2024-04-30T10:00:00');
    expect(await runner.runDue()).toMatchObject({ materialized: 1, charged: { ...NOTHING, DONE: 1 } });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['paid', 'skipped', 'skipped', 'paid']);
    expect(auditOf(d.ledger, `subscription:${sub}`).map((r) => [r.action, r.details])).toEqual([
      ['subscription.pause', { from: 'active', to: 'paused' }],
      ['subscription.resume', { from: 'paused', to: 'active', skippedPeriods: 2 }],
    ]);
    expect(await sandboxPaymentsCount()).toBe(2);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it('a pending period stays pending while paused and is charged after resume', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId });
    const subs = subscriptionsOf(d);
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    materializeDuePeriods(d.ledger, { now: new Date(d.clock.now) });
    subs.pause({ id: sub });
    expect(await runner.runDue()).toMatchObject({ charged: NOTHING, skipped: 1 });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['pending']);

    d.clock.now = kst('2024-01-31T15:00:00');
    subs.resume({ id: sub });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['pending']);
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['paid']);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a period due before the pause that no run wrote goes to the catch-up queue on resume, not skipped', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId });
    const subs = subscriptionsOf(d);
    // The runner never ran: Jan 31 came due, then the member was paused on Feb 2.
    d.clock.now = kst('2024-02-02T09:00:00');
    subs.pause({ id: sub });
    d.clock.now = kst('2024-03-05T09:00:00');
    subs.resume({ id: sub });
    expect(periodsOf(d.ledger, sub).map((p) => [p.periodStart, p.status])).toEqual([
      ['2024-01-31', 'awaiting_confirmation'],
      ['2024-02-29', 'skipped'],
    ]);
    expect(await runnerFor(d).runDue()).toMatchObject({ charged: NOTHING });
  });
});

describe('cancel', () => {
  it('cancel now makes a pending or queued period skipped, so it is never charged', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-01', intervalUnit: 'day' });
    const subs = subscriptionsOf(d);
    d.clock.now = kst('2024-01-06T10:00:00');
    materializeDuePeriods(d.ledger, { now: new Date(d.clock.now) });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toContain('awaiting_confirmation');
    subs.cancel({ id: sub });
    expect(new Set(periodsOf(d.ledger, sub).map((p) => p.status))).toEqual(new Set(['skipped']));
    expect(await runnerFor(d).runDue()).toMatchObject({ materialized: 0, charged: NOTHING, skipped: 0 });
    expect(attemptsOf(d.ledger)).toEqual([]);
    expect(auditOf(d.ledger, `subscription:${sub}`).map((r) => [r.action, r.details])).toEqual([
      ['subscription.cancel', { from: 'active', to: 'canceled', skippedPeriods: 6 }],
    ]);
  });

  it('cancel at period end: the current period stays paid, no new period is charged, canceled when it ends', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    const subs = subscriptionsOf(d);
    const runner = runnerFor(d);
    d.clock.now = kst('2024-01-31T10:00:00');
    await runner.runDue();

    d.clock.now = kst('2024-02-10T12:00:00');
    expect(subs.cancelAtPeriodEnd({ id: sub })).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    d.clock.now = kst('2024-02-29T09:59:00');
    expect(await runner.runDue()).toMatchObject({ canceledAtPeriodEnd: 0, materialized: 0 });
    expect(subs.get(sub).status).toBe('active');

    d.clock.now = kst('2024-02-29T10:00:00');
    expect(await runner.runDue()).toMatchObject({
      canceledAtPeriodEnd: 1,
      materialized: 0,
      charged: NOTHING,
    });
    expect(subs.get(sub).status).toBe('canceled');
    expect(periodsOf(d.ledger, sub).map((p) => [p.periodStart, p.status])).toEqual([['2024-01-31', 'paid']]);
    expect(auditOf(d.ledger, `subscription:${sub}`).at(-1)).toMatchObject({
      action: 'subscription.canceled_at_period_end',
      actor: 'scheduler',
      details: { from: 'active', to: 'canceled' },
    });
    d.clock.now = kst('2024-04-30T10:00:00');
    expect(await runner.runDue()).toMatchObject({
      canceledAtPeriodEnd: 0,
      materialized: 0,
      charged: NOTHING,
    });
    expect(attemptsOf(d.ledger)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('cancel at period end with the PC off: periods due before the flag are still written, later ones never', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId, anchorDate: '2024-01-31' });
    const subs = subscriptionsOf(d);
    // Flag set on Feb 2 before any run: Jan 31 was due before it, Feb 29 after.
    d.clock.now = kst('2024-02-02T09:00:00');
    subs.cancelAtPeriodEnd({ id: sub });
    d.clock.now = kst('2024-03-05T10:00:00');
    expect(await runnerFor(d).runDue()).toMatchObject({
      materialized: 1,
      awaitingConfirmation: 1,
      canceledAtPeriodEnd: 1,
    });
    // Canceled: the late Jan 31 period is not left in the queue for a charge.
    expect(periodsOf(d.ledger, sub).map((p) => [p.periodStart, p.status])).toEqual([
      ['2024-01-31', 'skipped'],
    ]);
    expect(subs.get(sub).status).toBe('canceled');
  });
});

async function sandboxPaymentsCount(): Promise<number> {
  const { sandboxPayments } = await import('../billing/harness.ts');
  return (await sandboxPayments(sandbox)).length;
}
