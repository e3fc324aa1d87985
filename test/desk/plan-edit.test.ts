import { describe, expect, it } from 'vitest';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

describe('editing a plan over IPC', () => {
  it('a manager edits the price for existing subscriptions too; staff may not, and the interval stays', async () => {
    const desk = await newDesk();
    const owner = desk.session();
    await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
    const manager = await desk.signedIn('manager');
    const member = await desk.ok('createMember', { name: '홍길동' }, owner);
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 },
      owner,
    );
    const subscription = await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: plan.id, anchorDate: '2026-11-29' },
      owner,
    );

    const staff = await desk.signedIn('staff');
    expect(await desk.call('updatePlan', { id: plan.id, amount: 100 }, staff)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await desk.call('updatePlan', { id: plan.id, intervalCount: 2 } as never, manager)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await desk.call('updatePlan', { id: plan.id, amount: 99 }, manager)).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: {
          fields: { amount: { code: 'AMOUNT_INVALID', message: '금액은 100원 이상의 정수여야 합니다.' } },
        },
      },
    });

    const kept = await desk.ok('updatePlan', { id: plan.id, name: '월 회원권 A' }, manager);
    expect(kept).toEqual({
      plan: { ...plan, name: '월 회원권 A' },
      subscriptionsChanged: 0,
      subscriptionsAwaitingConsent: 0,
    });
    const raised = await desk.ok(
      'updatePlan',
      { id: plan.id, amount: 60_000, applyToSubscriptions: true },
      manager,
    );
    expect(raised).toEqual({
      plan: { ...kept.plan, amount: 60_000 },
      subscriptionsChanged: 1,
      subscriptionsAwaitingConsent: 1,
    });
    // The raise waits for the member's consent: the subscription keeps its price until then.
    expect(await desk.ok('listSubscriptions', {}, staff)).toEqual([
      {
        ...subscription,
        memberNo: member.memberNo,
        memberName: member.name,
        nextChargeDate: expect.any(String),
        nextChargeAt: expect.any(Number),
      },
    ]);
    expect(await desk.ok('listPriceIncreases', {}, staff)).toEqual([
      expect.objectContaining({
        subscriptionId: subscription.id,
        fromAmount: 50_000,
        amount: 60_000,
        consented: false,
      }),
    ]);
    const updateRows = desk.host
      .desk()
      .ledger.db.prepare(
        "SELECT actor, operator_id AS operatorId FROM audit_log WHERE action = 'plan.update'",
      )
      .all();
    expect(updateRows).toEqual([
      { actor: manager.operator?.name, operatorId: manager.operator?.id },
      { actor: manager.operator?.name, operatorId: manager.operator?.id },
    ]);

    await desk.ok('archivePlan', { id: plan.id }, manager);
    expect(await desk.call('updatePlan', { id: plan.id, amount: 70_000 }, manager)).toMatchObject({
      ok: false,
      error: { code: 'PLAN_ARCHIVED' },
    });
  });
});
