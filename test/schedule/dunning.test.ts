import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { materializeDuePeriods } from '../../electron/core/schedule/index.ts';
import {
  addFault,
  auditOf,
  billingHarness,
  CARDS,
  cardInput,
  expectLedgerAgreesWithToss,
  sandboxPayments,
} from '../billing/harness.ts';
import { attemptsOf, insertSubscription, kst, periodsOf, runnerFor } from './runner-harness.ts';

const { sandbox, desk } = billingHarness();
const CHARGE_PATH = { method: 'POST', path: '/v1/billing/*' };
const NOTHING = { DONE: 0, DECLINED: 0, FAILED: 0, UNKNOWN: 0 };
const NO_CHANGES = { past_due: 0, needs_card: 0, active: 0 };
const DAY = 24 * 60 * 60 * 1_000;
const DUE = kst('2024-01-31T10:00:00');

function statusOf(d: { ledger: { db: import('better-sqlite3').Database } }, sub: number): string {
  return d.ledger.db.prepare('SELECT status FROM subscriptions WHERE id = ?').pluck().get(sub) as string;
}

describe('dunning: soft declines', () => {
  it('retries at +1, +3 and +7 days from dueAt, each a new attempt, then the subscription is past_due', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);

    d.clock.now = DUE;
    expect(await runner.runDue()).toMatchObject({
      charged: { ...NOTHING, DECLINED: 1 },
      retried: NOTHING,
      statusChanges: NO_CHANGES,
    });

    for (const [offset, attemptNo] of [
      [1, 2],
      [3, 3],
      [7, 4],
    ] as const) {
      // A minute before the retry is due: nothing.
      d.clock.now = DUE + offset * DAY - 60_000;
      expect(await runner.runDue()).toMatchObject({ retried: NOTHING, charged: NOTHING });
      expect(attemptsOf(d.ledger)).toHaveLength(attemptNo - 1);
      d.clock.now = DUE + offset * DAY;
      const summary = await runner.runDue();
      expect(summary).toMatchObject({ retried: { ...NOTHING, DECLINED: 1 }, charged: NOTHING });
      expect(attemptsOf(d.ledger).at(-1)).toMatchObject({ attemptNo, kind: 'retry', status: 'DECLINED' });
      // Running again at once sends nothing more.
      expect(await runner.runDue()).toMatchObject({ retried: NOTHING });
      if (attemptNo < 4) {
        expect(summary.statusChanges).toEqual(NO_CHANGES);
        expect(statusOf(d, sub)).toBe('active');
      } else {
        expect(summary.statusChanges).toEqual({ ...NO_CHANGES, past_due: 1 });
      }
    }
    expect(statusOf(d, sub)).toBe('past_due');
    const periodId = periodsOf(d.ledger, sub)[0]?.id;
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['failed']);

    // Nothing more, ever: no fifth attempt, no new period for a past_due subscription.
    d.clock.now = DUE + 40 * DAY;
    expect(await runner.runDue()).toMatchObject({
      materialized: 0,
      retried: NOTHING,
      charged: NOTHING,
      statusChanges: NO_CHANGES,
    });

    const rows = d.ledger.db
      .prepare('SELECT order_id AS orderId, idempotency_key AS key FROM charge_attempts ORDER BY id')
      .all() as { orderId: string; key: string }[];
    expect(rows.map((r) => r.orderId.split('_')[0])).toEqual([1, 2, 3, 4].map((n) => `s${sub}p0a${n}`));
    expect(new Set(rows.map((r) => r.key)).size).toBe(4);
    expect(auditOf(d.ledger, `subscription:${sub}`)).toMatchObject([
      {
        action: 'subscription.past_due',
        actor: 'scheduler',
        details: { from: 'active', to: 'past_due', periodId },
      },
    ]);
    expect(await sandboxPayments(sandbox)).toEqual([]);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it('a retry that succeeds (the member registered a new card) pays the period; no status change', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = DUE;
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DECLINED: 1 } });

    await d.services.cards.register({ memberId, card: cardInput(CARDS.good) });
    d.clock.now = DUE + DAY;
    expect(await runner.runDue()).toMatchObject({
      retried: { ...NOTHING, DONE: 1 },
      statusChanges: NO_CHANGES,
    });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['paid']);
    expect(statusOf(d, sub)).toBe('active');
    // Paid: no further retries; the next period is charged as usual.
    d.clock.now = DUE + 3 * DAY;
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING });
    d.clock.now = kst('2024-02-29T10:00:00');
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });
    expect(attemptsOf(d.ledger).map((a) => [a.attemptNo, a.kind, a.status])).toEqual([
      [1, 'scheduled', 'DECLINED'],
      [2, 'retry', 'DONE'],
      [1, 'scheduled', 'DONE'],
    ]);
    expect(await sandboxPayments(sandbox)).toHaveLength(2);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it("a success on a past_due subscription's period clears it back to active", async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    // One retry only, to reach past_due quickly.
    const runner = runnerFor(d, { dunning: { offsetsMs: [DAY] } });
    d.clock.now = DUE;
    await runner.runDue();
    d.clock.now = DUE + DAY;
    expect(await runner.runDue()).toMatchObject({
      retried: { ...NOTHING, DECLINED: 1 },
      statusChanges: { ...NO_CHANGES, past_due: 1 },
    });
    expect(statusOf(d, sub)).toBe('past_due');

    // Staff register a new card: the next run retries the failed period once with it (attempt 3).
    // Past_due alone, with the same card, is never retried (no new card since the last attempt).
    d.clock.now = DUE + DAY + 60_000;
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING, statusChanges: NO_CHANGES });
    await d.services.cards.register({ memberId, card: cardInput(CARDS.good) });
    d.clock.now = DUE + 2 * DAY;
    expect(await runner.runDue()).toMatchObject({
      retried: { ...NOTHING, DONE: 1 },
      statusChanges: { ...NO_CHANGES, active: 1 },
    });
    expect(statusOf(d, sub)).toBe('active');
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['paid']);
    expect(attemptsOf(d.ledger).map((a) => [a.attemptNo, a.kind, a.status])).toEqual([
      [1, 'scheduled', 'DECLINED'],
      [2, 'retry', 'DECLINED'],
      [3, 'retry', 'DONE'],
    ]);
    expect(auditOf(d.ledger, `subscription:${sub}`).map((r) => [r.action, r.details])).toEqual([
      ['subscription.past_due', expect.objectContaining({ to: 'past_due' })],
      ['subscription.dunning_cleared', { from: 'past_due', to: 'active' }],
    ]);
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING, statusChanges: NO_CHANGES });
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a past_due retry with a new card that declines too stays past_due and is not retried again', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d, { dunning: { offsetsMs: [DAY] } });
    d.clock.now = DUE;
    await runner.runDue();
    d.clock.now = DUE + DAY;
    await runner.runDue();
    expect(statusOf(d, sub)).toBe('past_due');
    await d.services.cards.register({ memberId, card: cardInput(CARDS.softDecline) });
    d.clock.now = DUE + 2 * DAY;
    expect(await runner.runDue()).toMatchObject({
      retried: { ...NOTHING, DECLINED: 1 },
      statusChanges: NO_CHANGES,
    });
    d.clock.now = DUE + 9 * DAY;
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING, statusChanges: NO_CHANGES });
    expect(statusOf(d, sub)).toBe('past_due');
    expect(attemptsOf(d.ledger).map((a) => a.attemptNo)).toEqual([1, 2, 3]);
  });

  it('never retries while an attempt is unknown, nor declares past_due; after the reconciler it goes on', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    const sub = insertSubscription(d.ledger, { memberId });
    const LATER = DAY + 13 * 60 * 60 * 1_000;
    // The second retry is due 13 hours after the first: inside the reconciler's resend window.
    const runner = runnerFor(d, { dunning: { offsetsMs: [DAY, LATER] } });
    d.clock.now = DUE;
    await runner.runDue();

    await addFault(sandbox, 'drop-after-commit', CHARGE_PATH);
    d.clock.now = DUE + DAY;
    expect(await runner.runDue()).toMatchObject({ retried: { ...NOTHING, UNKNOWN: 1 } });
    expect(attemptsOf(d.ledger).at(-1)).toMatchObject({ attemptNo: 2, status: 'UNKNOWN' });
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['charging']);

    // The third attempt is due by the clock, but attempt 2 is not resolved.
    d.clock.now = DUE + LATER;
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING, statusChanges: NO_CHANGES });
    expect(attemptsOf(d.ledger)).toHaveLength(2);

    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toMatchObject([{ from: 'UNKNOWN', to: 'DECLINED' }]);
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['failed']);
    expect(await runner.runDue()).toMatchObject({
      retried: { ...NOTHING, DECLINED: 1 },
      statusChanges: { ...NO_CHANGES, past_due: 1 },
    });
    expect(attemptsOf(d.ledger).map((a) => [a.attemptNo, a.status])).toEqual([
      [1, 'DECLINED'],
      [2, 'DECLINED'],
      [3, 'DECLINED'],
    ]);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a late first attempt does not bring the retries due by the offsets all at once', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.softDecline);
    insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    // Charged 2 days late (within the catch-up threshold): +1 day is already past.
    d.clock.now = DUE + 2 * DAY;
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DECLINED: 1 }, retried: NOTHING });
    d.clock.now = DUE + 2 * DAY + 11 * 60 * 60 * 1_000;
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING });
    d.clock.now = DUE + 2 * DAY + 12 * 60 * 60 * 1_000;
    expect(await runner.runDue()).toMatchObject({ retried: { ...NOTHING, DECLINED: 1 } });
    // Attempt 3 keeps its place at dueAt + 3 days.
    d.clock.now = DUE + 3 * DAY - 60_000;
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING });
    d.clock.now = DUE + 3 * DAY;
    expect(await runner.runDue()).toMatchObject({ retried: { ...NOTHING, DECLINED: 1 } });
  });

  it('bounds the retries per run; the rest are sent by the next run', async () => {
    const d = await desk();
    for (let i = 0; i < 3; i++) {
      const { memberId } = await d.memberWithCard(CARDS.softDecline);
      insertSubscription(d.ledger, { memberId });
    }
    const runner = runnerFor(d, { dunning: { maxRetriesPerRun: 2 } });
    d.clock.now = DUE;
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DECLINED: 3 } });
    d.clock.now = DUE + DAY;
    expect(await runner.runDue()).toMatchObject({ retried: { ...NOTHING, DECLINED: 2 } });
    expect(await runner.runDue()).toMatchObject({ retried: { ...NOTHING, DECLINED: 1 } });
    expect(await runner.runDue()).toMatchObject({ retried: NOTHING });
  });
});

describe('dunning: permanent declines', () => {
  it('a stopped card moves the subscription to needs_card in the same run, with no retries', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.stopped);
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = DUE;
    expect(await runner.runDue()).toMatchObject({
      charged: { ...NOTHING, FAILED: 1 },
      statusChanges: { ...NO_CHANGES, needs_card: 1 },
    });
    expect(attemptsOf(d.ledger)).toMatchObject([{ status: 'FAILED', tossCode: 'INVALID_STOPPED_CARD' }]);
    expect(statusOf(d, sub)).toBe('needs_card');
    for (const days of [1, 3, 7, 40]) {
      d.clock.now = DUE + days * DAY;
      expect(await runner.runDue()).toMatchObject({
        materialized: 0,
        retried: NOTHING,
        charged: NOTHING,
        statusChanges: NO_CHANGES,
      });
    }
    expect(attemptsOf(d.ledger)).toHaveLength(1);
    expect(auditOf(d.ledger, `subscription:${sub}`)).toMatchObject([
      { action: 'subscription.needs_card', details: { from: 'active', to: 'needs_card' } },
    ]);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('needs_card: a new card registered after the failure gets one retry, which clears it back to active', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard(CARDS.stopped);
    const sub = insertSubscription(d.ledger, { memberId });
    const runner = runnerFor(d);
    d.clock.now = DUE;
    await runner.runDue();
    expect(statusOf(d, sub)).toBe('needs_card');

    await d.services.cards.register({ memberId, card: cardInput(CARDS.good) });
    d.clock.now = DUE + 60_000;
    expect(await runner.runDue()).toMatchObject({
      materialized: 0,
      charged: NOTHING,
      retried: { ...NOTHING, DONE: 1 },
      statusChanges: { ...NO_CHANGES, active: 1 },
    });
    expect(statusOf(d, sub)).toBe('active');
    expect(periodsOf(d.ledger, sub).map((p) => p.status)).toEqual(['paid']);
    expect(attemptsOf(d.ledger).map((a) => [a.attemptNo, a.kind, a.status])).toEqual([
      [1, 'scheduled', 'FAILED'],
      [2, 'retry', 'DONE'],
    ]);
    expect(auditOf(d.ledger, `subscription:${sub}`).map((r) => r.action)).toEqual([
      'subscription.needs_card',
      'subscription.dunning_cleared',
    ]);
    // Active again: the next period is charged as usual.
    d.clock.now = kst('2024-02-29T10:00:00');
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DONE: 1 }, retried: NOTHING });
    expect(await sandboxPayments(sandbox)).toHaveLength(2);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it("a FAILED attempt for a store-configuration problem (a wrong key) does not flag the member's card", async () => {
    const d = await desk();
    const { memberId, cardId } = await d.memberWithCard();
    const sub = insertSubscription(d.ledger, { memberId });
    d.clock.now = DUE;
    materializeDuePeriods(d.ledger, { now: new Date(DUE) });
    const periodId = periodsOf(d.ledger, sub)[0]?.id;
    // As recordChargeOutcome leaves it after Toss answers 401 INVALID_API_KEY.
    d.ledger.db
      .prepare(
        `INSERT INTO charge_attempts (order_id, idempotency_key, member_id, card_id, subscription_period_id,
           attempt_no, kind, amount, order_name, status, toss_code, resolved_at, created_at, updated_at)
         VALUES ('order_config_1', 'key_config_1', ?, ?, ?, 1, 'scheduled', 50000, '월 회비', 'FAILED', 'INVALID_API_KEY', ?, ?, ?)`,
      )
      .run(memberId, cardId, periodId, DUE, DUE, DUE);
    d.ledger.db.prepare("UPDATE subscription_periods SET status = 'failed' WHERE id = ?").run(periodId);
    d.clock.now = DUE + 8 * DAY;
    expect(await runnerFor(d).runDue()).toMatchObject({ retried: NOTHING, statusChanges: NO_CHANGES });
    expect(statusOf(d, sub)).toBe('active');
  });

  it('rejects a bad policy', async () => {
    const d = await desk();
    expect(() => runnerFor(d, { dunning: { offsetsMs: [3 * DAY, DAY] } })).toThrow(RangeError);
    expect(() => runnerFor(d, { dunning: { offsetsMs: [0] } })).toThrow(RangeError);
  });
});
