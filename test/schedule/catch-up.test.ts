import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import {
  CatchUpError,
  catchUpQueue,
  createCatchUpService,
  createSubscriptionService,
  materializeDuePeriods,
} from '../../electron/core/schedule/index.ts';
import { ensureSystemOperator } from '../../electron/core/staff/index.ts';
import { auditOf } from '../billing/harness.ts';
import { offlineDesks } from './offline-desk.ts';
import { kst, periodsOf } from './runner-harness.ts';

const openDesk = offlineDesks();

const NOW = kst('2026-03-11T12:00:00');

/** A real ledger and services; nothing here calls Toss. */
async function desk() {
  const { ledger, billing, ctx } = await openDesk(() => new Date(NOW));
  const subscriptions = createSubscriptionService(ctx);
  const member = billing.members.create({ name: '김하늘' });
  const sub = subscriptions.create({
    consent: { method: 'in-person' },
    memberId: member.id,
    custom: { amount: 50_000, intervalUnit: 'month', intervalCount: 1 },
    orderName: '월 회비',
    anchorDate: '2026-01-10',
  });
  // Jan 10 and Feb 10 are more than 3 days before NOW: queued; Mar 10 (26 h before) is pending.
  expect(materializeDuePeriods(ledger, { now: new Date(NOW) })).toMatchObject({
    inserted: 3,
    awaitingConfirmation: 2,
  });
  const operatorId = ensureSystemOperator(ledger, 'CLI', ctx.now);
  return { ledger, catchUp: createCatchUpService(ctx), subscriptions, member, sub, operatorId };
}

function expectCatchUpError(run: () => unknown, code: string): CatchUpError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CatchUpError);
    expect((error as CatchUpError).code).toBe(code);
    return error as CatchUpError;
  }
  throw new Error(`expected CatchUpError ${code}, but the call succeeded`);
}

describe('the confirm catch-up queue', () => {
  it('lists the periods awaiting confirmation, oldest first, with member, subscription, amount and due date', async () => {
    const { ledger, catchUp, member, sub } = await desk();
    const queue = catchUpQueue(ledger);
    expect(queue).toEqual([
      expect.objectContaining({
        subscriptionId: sub.id,
        periodIndex: 0,
        memberId: member.id,
        memberName: '김하늘',
        orderName: '월 회비',
        amount: 50_000,
        periodStart: '2026-01-10',
        periodEnd: '2026-02-10',
        dueAt: kst('2026-01-10T10:00:00'),
        subscriptionStatus: 'active',
      }),
      expect.objectContaining({
        periodIndex: 1,
        periodStart: '2026-02-10',
        dueAt: kst('2026-02-10T10:00:00'),
      }),
    ]);
    expect(catchUp.list()).toEqual(queue);
  });

  it('approves one to pending and skips another with its reason, each audited in the same transaction', async () => {
    const { ledger, catchUp, sub, operatorId } = await desk();
    const [first, second] = catchUpQueue(ledger);
    if (!first || !second) throw new Error('queue too short');

    expect(catchUp.approve({ periodId: first.periodId, operatorId, actor: '점장' })).toEqual({
      periodId: first.periodId,
      subscriptionId: sub.id,
      status: 'pending',
    });
    expect(
      catchUp.skip({ periodId: second.periodId, reason: ' 휴관 기간 ', operatorId, actor: '점장' }).status,
    ).toBe('skipped');
    expect(periodsOf(ledger, sub.id).map((p) => p.status)).toEqual(['pending', 'skipped', 'pending']);
    expect(catchUpQueue(ledger)).toEqual([]);

    expect(auditOf(ledger, `subscription_period:${first.periodId}`)).toEqual([
      {
        actor: '점장',
        operatorId,
        action: 'catch_up.approve',
        details: { subscriptionId: sub.id, periodIndex: 0, amount: 50_000, dueAt: first.dueAt },
      },
    ]);
    expect(auditOf(ledger, `subscription_period:${second.periodId}`)).toEqual([
      expect.objectContaining({
        action: 'catch_up.skip',
        details: expect.objectContaining({ reason: '휴관 기간', periodIndex: 1 }),
      }),
    ]);
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
  });

  it('refuses anything not awaiting confirmation, a missing reason, an unknown operator or an inactive subscription', async () => {
    const { ledger, catchUp, subscriptions, sub, operatorId } = await desk();
    const [first, second] = catchUpQueue(ledger);
    if (!first || !second) throw new Error('queue too short');
    const pending = periodsOf(ledger, sub.id)[2];
    if (!pending) throw new Error('no pending period');

    const refused = expectCatchUpError(
      () => catchUp.approve({ periodId: pending.id, operatorId }),
      'NOT_AWAITING_CONFIRMATION',
    );
    expect(refused.message).toMatch(/확인 대기 중이 아니라 처리할 수 없습니다 \(현재 상태: pending\)/);
    expectCatchUpError(() => catchUp.skip({ periodId: 9_999, reason: 'x' }), 'PERIOD_NOT_FOUND');
    expectCatchUpError(() => catchUp.skip({ periodId: first.periodId, reason: '  ' }), 'REASON_REQUIRED');
    expect(() => catchUp.approve({ periodId: first.periodId, operatorId: 9_999 })).toThrow(/직원/);

    catchUp.approve({ periodId: first.periodId, operatorId });
    // A second decision on the same period is refused: it was decided once.
    expectCatchUpError(() => catchUp.approve({ periodId: first.periodId }), 'NOT_AWAITING_CONFIRMATION');
    expectCatchUpError(
      () => catchUp.skip({ periodId: first.periodId, reason: '중복' }),
      'NOT_AWAITING_CONFIRMATION',
    );

    subscriptions.pause({ id: sub.id });
    expectCatchUpError(() => catchUp.approve({ periodId: second.periodId }), 'SUBSCRIPTION_NOT_ACTIVE');
    // Skipping stays possible, so the queue can always be emptied.
    expect(catchUp.skip({ periodId: second.periodId, reason: '일시정지 중' }).status).toBe('skipped');
    expect(periodsOf(ledger, sub.id).map((p) => p.status)).toEqual(['pending', 'skipped', 'pending']);
  });
});
