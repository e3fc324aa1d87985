import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import {
  createConsentService,
  createPlanService,
  createSubscriptionService,
  materializeDuePeriods,
  SubscriptionError,
  upcoming,
} from '../../electron/core/schedule/index.ts';
import { expectBillingError } from '../billing/expect-billing-error.ts';
import { auditOf } from '../billing/harness.ts';
import { offlineDesks } from './offline-desk.ts';

const openDesk = offlineDesks();

const NOW = Date.parse('2026-03-01T00:00:00Z');

/** A real ledger file and the services; no Toss call happens here. */
async function desk() {
  const { ledger, billing, ctx } = await openDesk(() => new Date(NOW));
  return {
    ledger,
    members: billing.members,
    plans: createPlanService(ctx),
    subscriptions: createSubscriptionService(ctx),
    consents: createConsentService(ctx),
  };
}

function expectSubscriptionError(run: () => unknown, code: string): SubscriptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SubscriptionError);
    expect((error as SubscriptionError).code).toBe(code);
    return error as SubscriptionError;
  }
  throw new Error(`expected SubscriptionError ${code}, but the call succeeded`);
}

describe('plans', () => {
  it('creates with defaults, lists active ones and archives', async () => {
    const { plans, ledger } = await desk();
    const monthly = plans.create({
      name: ' 월 회원권 ',
      amount: 50_000,
      intervalUnit: 'month',
      intervalCount: 1,
    });
    expect(monthly).toEqual({
      id: monthly.id,
      name: '월 회원권',
      amount: 50_000,
      taxFreeAmount: 0,
      intervalUnit: 'month',
      intervalCount: 1,
      chargeTime: '10:00',
      active: true,
      createdAt: NOW,
    });
    const weekly = plans.create({
      name: '주 2회 레슨',
      amount: 30_000,
      taxFreeAmount: 30_000,
      intervalUnit: 'week',
      intervalCount: 1,
      chargeTime: '07:30',
    });
    expect(plans.list().map((plan) => plan.id)).toEqual([monthly.id, weekly.id]);
    expect(plans.archive({ id: weekly.id }).active).toBe(false);
    expect(plans.archive({ id: weekly.id }).active).toBe(false);
    expect(plans.list().map((plan) => plan.id)).toEqual([monthly.id]);
    expect(auditOf(ledger, `plan:${weekly.id}`).map((row) => row.action)).toEqual([
      'plan.create',
      'plan.archive',
    ]);
    expectSubscriptionError(() => plans.archive({ id: 999 }), 'PLAN_NOT_FOUND');
  });

  it('reports every field problem in Korean', async () => {
    const { plans, ledger } = await desk();
    const error = await expectBillingError(
      () =>
        plans.create({
          name: ' ',
          amount: 50,
          taxFreeAmount: -1,
          intervalUnit: 'month',
          intervalCount: 0,
          chargeTime: '24:00',
        }),
      'INVALID_INPUT',
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(
      ['amount', 'chargeTime', 'intervalCount', 'name', 'taxFreeAmount'].sort(),
    );
    expect(error.fields?.amount).toEqual({
      code: 'AMOUNT_INVALID',
      message: '금액은 100원 이상의 정수여야 합니다.',
    });
    expect(error.fields?.chargeTime?.code).toBe('CHARGE_TIME_INVALID');
    const taxFree = await expectBillingError(
      () =>
        plans.create({ name: 'x', amount: 1000, taxFreeAmount: 1001, intervalUnit: 'day', intervalCount: 7 }),
      'INVALID_INPUT',
    );
    expect(taxFree.fields?.taxFreeAmount?.code).toBe('TAX_FREE_AMOUNT_INVALID');
    expect(ledger.db.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(0);
  });
});

describe('plan edits', () => {
  it('checks the edit like create, audits what changed, and refuses unknown and archived plans', async () => {
    const { plans, ledger } = await desk();
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });

    const bad = await expectBillingError(
      () => plans.update({ id: plan.id, name: ' ', amount: 50, taxFreeAmount: -1, chargeTime: '24:00' }),
      'INVALID_INPUT',
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['amount', 'chargeTime', 'name', 'taxFreeAmount']);
    expect(bad.fields?.amount?.message).toBe('금액은 100원 이상의 정수여야 합니다.');
    // The tax-free part is checked against the amount the plan will have, not the one it had.
    const taxFree = await expectBillingError(
      () => plans.update({ id: plan.id, amount: 10_000, taxFreeAmount: 20_000 }),
      'INVALID_INPUT',
    );
    expect(Object.keys(taxFree.fields ?? {})).toEqual(['taxFreeAmount']);
    expect(plans.get(plan.id)).toEqual(plan);

    const edited = plans.update({
      id: plan.id,
      name: ' 월 회원권 (2027) ',
      amount: 55_000,
      chargeTime: '09:30',
      actor: '관리자',
      operatorId: null,
    });
    expect(edited).toEqual({
      plan: { ...plan, name: '월 회원권 (2027)', amount: 55_000, chargeTime: '09:30' },
      subscriptionsChanged: 0,
      subscriptionsAwaitingConsent: 0,
    });
    expect(plans.get(plan.id)).toEqual(edited.plan);
    // Saving it again unchanged is no change: no second audit row.
    expect(plans.update({ id: plan.id, name: '월 회원권 (2027)', amount: 55_000 }).plan).toEqual(edited.plan);
    expect(auditOf(ledger, `plan:${plan.id}`)).toEqual([
      expect.objectContaining({ action: 'plan.create' }),
      {
        actor: '관리자',
        operatorId: null,
        action: 'plan.update',
        details: {
          from: { name: '월 회원권', amount: 50_000, chargeTime: '10:00' },
          to: { name: '월 회원권 (2027)', amount: 55_000, chargeTime: '09:30' },
          subscriptionsChanged: 0,
        },
      },
    ]);

    expectSubscriptionError(() => plans.update({ id: 999, amount: 1_000 }), 'PLAN_NOT_FOUND');
    plans.archive({ id: plan.id });
    expect(
      expectSubscriptionError(() => plans.update({ id: plan.id, amount: 60_000 }), 'PLAN_ARCHIVED').message,
    ).toBe('보관 처리된 요금제(월 회원권 (2027))는 수정할 수 없습니다. 새 요금제를 만들어 주세요.');
    expect(plans.get(plan.id).amount).toBe(55_000);
    expect(auditOf(ledger, `plan:${plan.id}`).map((row) => row.action)).toEqual([
      'plan.create',
      'plan.update',
      'plan.archive',
    ]);
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
  });

  it('leaves existing subscriptions on their copied terms unless asked', async () => {
    const { plans, members, subscriptions, ledger } = await desk();
    const member = members.create({ name: '서하늘' });
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });
    const sub = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      planId: plan.id,
      anchorDate: '2026-03-01',
    });

    const edited = plans.update({ id: plan.id, name: '새 이름', amount: 60_000, chargeTime: '08:00' });
    expect(edited.subscriptionsChanged).toBe(0);
    expect(subscriptions.get(sub.id)).toEqual(sub);
    expect(upcoming(ledger, { now: new Date(NOW), days: 40 }).byDay.map((day) => day.amount)).toEqual([
      50_000, 50_000,
    ]);
    expect(auditOf(ledger, `subscription:${sub.id}`).map((row) => row.action)).toEqual([
      'subscription.create',
    ]);
  });

  it('with applyToSubscriptions, gives the subscriptions still at the plan’s price the new one from their next period after consent', async () => {
    const { plans, members, subscriptions, consents, ledger } = await desk();
    const member = members.create({ name: '문바다' });
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });
    const other = plans.create({ name: '주말반', amount: 30_000, intervalUnit: 'month', intervalCount: 1 });
    const subscribe = (planId: number) =>
      subscriptions.create({
        consent: { method: 'in-person' },
        memberId: member.id,
        planId,
        anchorDate: '2026-03-01',
      }).id;
    const active = subscribe(plan.id);
    const paused = subscribe(plan.id);
    subscriptions.pause({ id: paused });
    const pastDue = subscribe(plan.id);
    const needsCard = subscribe(plan.id);
    const setStatus = ledger.db.prepare('UPDATE subscriptions SET status = ? WHERE id = ?');
    setStatus.run('past_due', pastDue);
    setStatus.run('needs_card', needsCard);
    const canceled = subscribe(plan.id);
    subscriptions.cancel({ id: canceled });
    const onOtherPlan = subscribe(other.id);
    // Priced on its own (a member's discount): it keeps its price.
    const discounted = subscribe(plan.id);
    subscriptions.changePrice({ id: discounted, amount: 45_000 });

    // The March period (due 10:00 KST on 1 March) is written before the edit, at the old price.
    materializeDuePeriods(ledger, { now: new Date(Date.parse('2026-03-01T02:00:00Z')) });
    const edited = plans.update({
      id: plan.id,
      name: '월 회원권 (인상)',
      amount: 55_000,
      taxFreeAmount: 5_000,
      applyToSubscriptions: true,
      actor: '관리자',
    });
    expect(edited).toMatchObject({ subscriptionsChanged: 4, subscriptionsAwaitingConsent: 4 });

    const terms = (id: number) => {
      const { amount, taxFreeAmount, orderName } = subscriptions.get(id);
      return { amount, taxFreeAmount, orderName };
    };
    const old = { amount: 50_000, taxFreeAmount: 0, orderName: '월 회원권' };
    // A raise waits for each member's consent (invariant 12): until then the old price stays.
    expect([active, paused, pastDue, needsCard].map(terms)).toEqual([old, old, old, old]);
    expect(consents.priceIncreases().map((entry) => [entry.subscriptionId, entry.consented])).toEqual([
      [active, false],
      [paused, false],
      [pastDue, false],
      [needsCard, false],
    ]);
    consents.record({ subscriptionId: active, kind: 'price-increase', method: 'phone', actor: '관리자' });
    expect(terms(canceled)).toEqual({ amount: 50_000, taxFreeAmount: 0, orderName: '월 회원권' });
    expect(terms(discounted)).toEqual({ amount: 45_000, taxFreeAmount: 0, orderName: '월 회원권' });
    expect(terms(onOtherPlan)).toEqual({ amount: 30_000, taxFreeAmount: 0, orderName: '주말반' });

    const periodAmounts = () =>
      ledger.db
        .prepare(
          `SELECT period_index AS periodIndex, amount, tax_free_amount AS taxFreeAmount
           FROM subscription_periods WHERE subscription_id = ? ORDER BY period_index`,
        )
        .all(active);
    expect(periodAmounts()).toEqual([{ periodIndex: 0, amount: 50_000, taxFreeAmount: 0 }]);
    materializeDuePeriods(ledger, { now: new Date(Date.parse('2026-04-01T02:00:00Z')) });
    expect(periodAmounts()).toEqual([
      { periodIndex: 0, amount: 50_000, taxFreeAmount: 0 },
      { periodIndex: 1, amount: 55_000, taxFreeAmount: 5_000 },
    ]);

    expect(terms(active)).toEqual({ amount: 55_000, taxFreeAmount: 5_000, orderName: '월 회원권' });
    expect(terms(paused)).toEqual(old);

    expect(auditOf(ledger, `plan:${plan.id}`).at(-1)?.details).toMatchObject({ subscriptionsChanged: 4 });
    expect(auditOf(ledger, `subscription:${active}`).slice(-2)).toMatchObject([
      {
        actor: '관리자',
        action: 'subscription.price_increase_pending',
        details: { fromAmount: 50_000, amount: 55_000, taxFreeAmount: 5_000 },
      },
      {
        actor: 'scheduler',
        action: 'subscription.price_increase_applied',
        details: { fromAmount: 50_000, amount: 55_000, taxFreeAmount: 5_000, periodIndex: 1 },
      },
    ]);
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });

    // A name-only edit reprices nobody, even when asked.
    expect(
      plans.update({ id: plan.id, name: '월 회원권', applyToSubscriptions: true }).subscriptionsChanged,
    ).toBe(0);
  });

  it('rolls the plan and every price change back when one subscription cannot be repriced', async () => {
    const { plans, members, subscriptions, ledger } = await desk();
    const member = members.create({ name: '오솔' });
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });
    const first = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      planId: plan.id,
      anchorDate: '2026-03-01',
    });
    const second = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      planId: plan.id,
      anchorDate: '2026-03-05',
    });
    const auditRows = () => ledger.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const rowsBefore = auditRows();
    // The second subscription's row refuses the write, after the plan and the first were updated.
    ledger.db.exec(`CREATE TEMP TRIGGER refuse_reprice BEFORE UPDATE OF amount ON subscriptions
      WHEN NEW.id = ${second.id} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    try {
      expect(() => plans.update({ id: plan.id, amount: 40_000, applyToSubscriptions: true })).toThrow(
        'refused by the test',
      );
    } finally {
      ledger.db.exec('DROP TRIGGER refuse_reprice');
    }
    expect(plans.get(plan.id)).toEqual(plan);
    expect(subscriptions.get(first.id)).toEqual(first);
    expect(subscriptions.get(second.id)).toEqual(second);
    expect(auditRows()).toBe(rowsBefore);
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
  });
});

describe('subscriptions', () => {
  it('subscribes with the plan copied, then pause → resume → cancel at period end → cancel', async () => {
    const { plans, members, subscriptions, ledger } = await desk();
    const member = members.create({ name: '김하늘' });
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });
    const sub = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      planId: plan.id,
      anchorDate: '2026-01-31',
    });
    expect(sub).toEqual({
      id: sub.id,
      memberId: member.id,
      planId: plan.id,
      amount: 50_000,
      taxFreeAmount: 0,
      orderName: '월 회원권',
      intervalUnit: 'month',
      intervalCount: 1,
      chargeTime: '10:00',
      anchorDate: '2026-01-31',
      startDate: '2026-01-31',
      trialEnd: null,
      status: 'active',
      cancelAtPeriodEnd: false,
      timeZone: 'Asia/Seoul',
      createdAt: NOW,
      updatedAt: NOW,
    });
    // The plan is a template: archiving it leaves the subscription's terms and status alone.
    plans.archive({ id: plan.id });
    expect(subscriptions.get(sub.id)).toEqual(sub);

    expect(subscriptions.pause({ id: sub.id }).status).toBe('paused');
    expect(subscriptions.list({ status: 'paused' }).map((s) => s.id)).toEqual([sub.id]);
    expect(subscriptions.resume({ id: sub.id }).status).toBe('active');
    expect(subscriptions.cancelAtPeriodEnd({ id: sub.id })).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
    });
    expect(subscriptions.cancel({ id: sub.id, actor: '관리자' }).status).toBe('canceled');

    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
    const rows = auditOf(ledger, `subscription:${sub.id}`);
    expect(rows.map((row) => row.action)).toEqual([
      'subscription.create',
      'subscription.pause',
      'subscription.resume',
      'subscription.cancel_at_period_end',
      'subscription.cancel',
    ]);
    expect(rows[4]).toMatchObject({ actor: '관리자', details: { from: 'active', to: 'canceled' } });
  });

  it('takes custom terms, a start date, trial and zone, and lists by member', async () => {
    const { members, subscriptions } = await desk();
    const a = members.create({ name: '이바다' });
    const b = members.create({ name: '박별' });
    const custom = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: a.id,
      custom: {
        amount: 12_000,
        taxFreeAmount: 2_000,
        intervalUnit: 'week',
        intervalCount: 2,
        chargeTime: '09:00',
      },
      orderName: '개인 레슨',
      anchorDate: '2026-03-02',
      startDate: '2026-02-25',
      trialEnd: '2026-03-09',
      timeZone: 'UTC',
    });
    expect(custom).toMatchObject({
      planId: null,
      amount: 12_000,
      taxFreeAmount: 2_000,
      intervalUnit: 'week',
      intervalCount: 2,
      chargeTime: '09:00',
      orderName: '개인 레슨',
      startDate: '2026-02-25',
      trialEnd: '2026-03-09',
      timeZone: 'UTC',
    });
    const other = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: b.id,
      custom: { amount: 1_000, intervalUnit: 'day', intervalCount: 30 },
      orderName: '사물함',
      anchorDate: '2026-03-01',
    });
    expect(subscriptions.list({ memberId: b.id }).map((s) => s.id)).toEqual([other.id]);
    expect(subscriptions.list().map((s) => s.id)).toEqual([custom.id, other.id]);
  });

  it('refuses illegal transitions with Korean messages', async () => {
    const { plans, members, subscriptions, ledger } = await desk();
    const member = members.create({ name: '최구름' });
    const plan = plans.create({ name: '연 회원권', amount: 500_000, intervalUnit: 'year', intervalCount: 1 });
    const sub = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      planId: plan.id,
      anchorDate: '2024-02-29',
    });

    expect(
      expectSubscriptionError(() => subscriptions.resume({ id: sub.id }), 'ILLEGAL_TRANSITION').message,
    ).toBe(`이용 중 상태인 구독(번호 ${sub.id})은 재개할 수 없습니다.`);
    subscriptions.cancelAtPeriodEnd({ id: sub.id });
    expect(
      expectSubscriptionError(() => subscriptions.cancelAtPeriodEnd({ id: sub.id }), 'ILLEGAL_TRANSITION')
        .message,
    ).toContain('이미');
    subscriptions.cancel({ id: sub.id });
    expect(
      expectSubscriptionError(() => subscriptions.resume({ id: sub.id }), 'ILLEGAL_TRANSITION').message,
    ).toBe(`해지 상태인 구독(번호 ${sub.id})은 재개할 수 없습니다.`);
    expectSubscriptionError(() => subscriptions.pause({ id: sub.id }), 'ILLEGAL_TRANSITION');
    expectSubscriptionError(() => subscriptions.cancel({ id: sub.id }), 'ILLEGAL_TRANSITION');
    expectSubscriptionError(
      () => subscriptions.changePrice({ id: sub.id, amount: 1_000 }),
      'ILLEGAL_TRANSITION',
    );
    expectSubscriptionError(() => subscriptions.pause({ id: 999 }), 'SUBSCRIPTION_NOT_FOUND');
    // Refused changes leave no trace.
    expect(auditOf(ledger, `subscription:${sub.id}`).map((row) => row.action)).toEqual([
      'subscription.create',
      'subscription.cancel_at_period_end',
      'subscription.cancel',
    ]);
  });

  it('refuses bad input: amount, time, impossible date, unknown or archived plan, archived member', async () => {
    const { plans, members, subscriptions, ledger } = await desk();
    const member = members.create({ name: '정해' });
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });

    const custom = await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: member.id,
          custom: { amount: 50, intervalUnit: 'month', intervalCount: 1, chargeTime: '25:00' },
          orderName: '레슨',
          anchorDate: '2024-02-30',
        }),
      'INVALID_INPUT',
    );
    expect(custom.fields).toMatchObject({
      amount: { code: 'AMOUNT_INVALID' },
      chargeTime: { code: 'CHARGE_TIME_INVALID' },
      anchorDate: { code: 'DATE_INVALID', message: '기준일은 YYYY-MM-DD 형식의 실제 있는 날짜여야 합니다.' },
    });

    const unknown = await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: member.id,
          planId: 999,
          anchorDate: '2026-03-01',
        }),
      'INVALID_INPUT',
    );
    expect(unknown.fields?.planId?.code).toBe('PLAN_NOT_FOUND');
    expect(unknown.message).toBe('요금제(번호 999)를 찾을 수 없습니다.');

    const neither = await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: member.id,
          anchorDate: '2026-03-01',
        }),
      'INVALID_INPUT',
    );
    expect(neither.fields?.planId?.code).toBe('PLAN_OR_CUSTOM');

    const noOrderName = await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: member.id,
          custom: { amount: 1_000, intervalUnit: 'month', intervalCount: 1 },
          anchorDate: '2026-03-01',
        }),
      'INVALID_INPUT',
    );
    expect(noOrderName.fields?.orderName?.code).toBe('REQUIRED');

    const trial = await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: member.id,
          planId: plan.id,
          anchorDate: '2026-03-01',
          trialEnd: '2026-02-01',
          timeZone: '+09:00',
        }),
      'INVALID_INPUT',
    );
    expect(trial.fields).toMatchObject({
      trialEnd: { code: 'TRIAL_BEFORE_START' },
      timeZone: { code: 'TIME_ZONE_INVALID' },
    });

    members.archive({ id: member.id });
    await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: member.id,
          planId: plan.id,
          anchorDate: '2026-03-01',
        }),
      'MEMBER_ARCHIVED',
    );
    await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: 999,
          planId: plan.id,
          anchorDate: '2026-03-01',
        }),
      'MEMBER_NOT_FOUND',
    );

    const other = members.create({ name: '한달' });
    plans.archive({ id: plan.id });
    const archivedPlan = await expectBillingError(
      () =>
        subscriptions.create({
          consent: { method: 'in-person' },
          memberId: other.id,
          planId: plan.id,
          anchorDate: '2026-03-01',
        }),
      'INVALID_INPUT',
    );
    expect(archivedPlan.fields?.planId?.code).toBe('PLAN_ARCHIVED');
    expect(ledger.db.prepare('SELECT count(*) FROM subscriptions').pluck().get()).toBe(0);
  });

  it('lowers the price from the next period on, leaving existing period rows alone', async () => {
    const { plans, members, subscriptions, ledger } = await desk();
    const member = members.create({ name: '윤솔' });
    const plan = plans.create({ name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1 });
    const sub = subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      planId: plan.id,
      anchorDate: '2026-03-01',
    });
    ledger.db
      .prepare(
        `INSERT INTO subscription_periods (subscription_id, period_index, due_at, period_start, period_end,
           amount, tax_free_amount, status, created_at, updated_at)
         VALUES (?, 0, ?, '2026-03-01', '2026-04-01', 50000, 0, 'paid', ?, ?)`,
      )
      .run(sub.id, NOW, NOW, NOW);

    const changed = subscriptions.changePrice({ id: sub.id, amount: 45_000, taxFreeAmount: 5_000 });
    expect(changed).toMatchObject({ amount: 45_000, taxFreeAmount: 5_000, status: 'active' });
    expect(subscriptions.get(sub.id)).toEqual(changed);
    expect(
      ledger.db
        .prepare(
          'SELECT amount, tax_free_amount AS taxFreeAmount FROM subscription_periods WHERE subscription_id = ?',
        )
        .all(sub.id),
    ).toEqual([{ amount: 50_000, taxFreeAmount: 0 }]);
    // The plan is not repriced either: only this member's terms changed.
    expect(plans.get(plan.id).amount).toBe(50_000);

    const bad = await expectBillingError(
      () => subscriptions.changePrice({ id: sub.id, amount: 99 }),
      'INVALID_INPUT',
    );
    expect(Object.keys(bad.fields ?? {})).toEqual(['amount']);
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
    expect(auditOf(ledger, `subscription:${sub.id}`).at(-1)).toMatchObject({
      action: 'subscription.price_change',
      details: { fromAmount: 50_000, fromTaxFreeAmount: 0, amount: 45_000, taxFreeAmount: 5_000 },
    });
  });
});
