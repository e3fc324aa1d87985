import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { billingContext } from '../../electron/core/billing/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import {
  ConsentError,
  catchUpQueue,
  createCatchUpService,
  createConsentService,
  createPlanService,
  createSubscriptionService,
  dueNowPreview,
  upcoming,
} from '../../electron/core/schedule/index.ts';
import { expectBillingError } from '../billing/expect-billing-error.ts';
import { auditOf, billingHarness, type Desk, sandboxPayments } from '../billing/harness.ts';
import { insertSubscription, kst, periodsOf, runnerFor } from './runner-harness.ts';

const { sandbox, desk } = billingHarness();
const NOTHING = { DONE: 0, DECLINED: 0, FAILED: 0, UNKNOWN: 0 };
/** A 1×1 PNG: the signature pad's output in miniature. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The schedule services over the harness's ledger and clock. */
function schedule(d: Desk) {
  const ctx = billingContext({
    ledger: d.ledger,
    sealer: d.sealer,
    toss: d.toss,
    tossMode: 'test',
    now: () => new Date(d.clock.now),
    log: createLogger({
      sink: (line) => d.lines.push(line),
      now: () => new Date(d.clock.now),
      level: 'debug',
    }),
    actor: 'test',
  });
  return {
    plans: createPlanService(ctx),
    subscriptions: createSubscriptionService(ctx),
    consents: createConsentService(ctx),
    catchUp: createCatchUpService(ctx),
  };
}

/** Amounts Toss (the emulator) charged for this member's orders, in order. */
async function chargedAtToss(d: Desk): Promise<number[]> {
  const orders = new Set(
    d.ledger.db
      .prepare("SELECT order_id FROM charge_attempts WHERE status = 'DONE'")
      .pluck()
      .all() as string[],
  );
  return (await sandboxPayments(sandbox))
    .filter((p) => orders.has(p.orderId))
    .sort((a, b) => Date.parse(a.approvedAt ?? '') - Date.parse(b.approvedAt ?? ''))
    .map((p) => p.totalAmount);
}

describe('consent to recurring charges', () => {
  it('refuses a subscription without consent and records the terms, method, operator and signature with one', async () => {
    const d = await desk();
    d.clock.now = kst('2026-03-01T09:00:00');
    const { memberId } = await d.memberWithCard();
    const { plans, subscriptions, consents } = schedule(d);
    const plan = plans.create({ name: '월 회원권', amount: 30_000, intervalUnit: 'month', intervalCount: 1 });
    const input = { memberId, planId: plan.id, anchorDate: '2026-03-05' };
    // A caller that bypasses the type (an IPC payload, a script) is refused by the core.
    const refused = await expectBillingError(
      () => subscriptions.create(input as Parameters<typeof subscriptions.create>[0]),
      'INVALID_INPUT',
    );
    expect(refused.fields?.consent?.code).toBe('CONSENT_REQUIRED');
    await expectBillingError(
      () => subscriptions.create({ ...input, consent: { method: 'nod' as 'phone' } }),
      'INVALID_INPUT',
    );
    const badPng = await expectBillingError(
      () =>
        subscriptions.create({
          ...input,
          consent: { method: 'signature', signaturePng: new Uint8Array(20) },
        }),
      'INVALID_INPUT',
    );
    expect(Object.keys(badPng.fields ?? {})).toEqual(['signaturePng']);
    expect(d.ledger.db.prepare('SELECT count(*) FROM subscriptions').pluck().get()).toBe(0);

    const sub = subscriptions.create({
      ...input,
      consent: { method: 'signature', signaturePng: PNG, note: '카운터에서 서명' },
      actor: '김매니저',
      operatorId: d.operatorId,
    });
    const [consent] = consents.list({ memberId });
    expect(consent).toEqual({
      id: consent?.id,
      memberId,
      memberName: '회원1',
      subscriptionId: sub.id,
      kind: 'subscription',
      method: 'signature',
      terms: {
        orderName: '월 회원권',
        amount: 30_000,
        taxFreeAmount: 0,
        cycle: '1개월마다',
        firstChargeDate: '2026-03-05',
        howToCancel: expect.stringContaining('해지'),
        text: expect.stringContaining('회원1님은 매장의 「월 회원권」 정기결제에 동의합니다.'),
      },
      hasSignature: true,
      note: '카운터에서 서명',
      effectiveDate: '2026-03-05',
      operatorId: d.operatorId,
      operatorName: 'CLI',
      recordedAt: kst('2026-03-01T09:00:00'),
    });
    expect(consent?.terms.text).toContain('30,000원, 1개월마다');
    expect(Buffer.from(consents.get(consent?.id ?? 0).signaturePng ?? [])).toEqual(PNG);
    // Never edited, never deleted: the ledger itself refuses.
    expect(() => d.ledger.db.prepare("UPDATE consents SET method = 'phone'").run()).toThrow(
      '기록된 동의는 바꿀 수 없습니다',
    );
    expect(() => d.ledger.db.prepare('DELETE FROM consents').run()).toThrow('기록된 동의는 지울 수 없습니다');
    // Audited like money, with the signature's hash in the keyed chain.
    expect(auditOf(d.ledger, `consent:${consent?.id}`)).toEqual([
      expect.objectContaining({
        actor: '김매니저',
        action: 'consent.subscription',
        details: expect.objectContaining({
          subscriptionId: sub.id,
          method: 'signature',
          amount: 30_000,
          signatureSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      }),
    ]);
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it('charges a raise only from the period after the member consents; a decrease at once (amounts at the emulator)', async () => {
    const d = await desk();
    d.clock.now = kst('2026-01-05T09:00:00');
    const { memberId } = await d.memberWithCard();
    const { plans, subscriptions, consents } = schedule(d);
    const plan = plans.create({ name: '월 회원권', amount: 30_000, intervalUnit: 'month', intervalCount: 1 });
    const sub = subscriptions.create({
      memberId,
      planId: plan.id,
      anchorDate: '2026-01-10',
      consent: { method: 'in-person' },
    });
    const runner = runnerFor(d);
    const runAt = async (local: string) => {
      d.clock.now = kst(local);
      return runner.runDue();
    };
    expect(await runAt('2026-01-10T10:00:00')).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });

    d.clock.now = kst('2026-01-20T12:00:00');
    const raised = plans.update({ id: plan.id, amount: 35_000, applyToSubscriptions: true, actor: '사장' });
    expect(raised).toMatchObject({ subscriptionsChanged: 1, subscriptionsAwaitingConsent: 1 });
    expect(subscriptions.get(sub.id).amount).toBe(30_000);
    const [waiting] = consents.pending().priceIncreases;
    expect(waiting).toMatchObject({
      subscriptionId: sub.id,
      fromAmount: 30_000,
      amount: 35_000,
      effectiveFrom: '2026-01-20',
      consented: false,
    });
    expect(waiting?.notice).toContain('30,000원에서 35,000원으로');
    expect(waiting?.notice).toContain('해지 방법');

    // No consent yet: the next period charges the old price.
    expect(await runAt('2026-02-10T10:00:00')).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });

    d.clock.now = kst('2026-02-15T15:00:00');
    const consent = consents.record({
      subscriptionId: sub.id,
      kind: 'price-increase',
      method: 'phone',
      note: '전화로 동의',
      actor: '사장',
    });
    expect(consent).toMatchObject({ kind: 'price-increase', terms: { fromAmount: 30_000, amount: 35_000 } });
    expect(consents.pending().priceIncreases).toEqual([]);
    // The calendar of coming charges already shows the agreed price for March.
    expect(
      upcoming(d.ledger, { now: new Date(d.clock.now), days: 40 }).byDay.map((day) => day.amount),
    ).toEqual([35_000]);
    expect(consents.priceIncreases()).toEqual([
      expect.objectContaining({
        consented: true,
        consentId: consent.id,
        consentedAt: kst('2026-02-15T15:00:00'),
      }),
    ]);
    // Recording it twice finds nothing waiting.
    expect(() =>
      consents.record({ subscriptionId: sub.id, kind: 'price-increase', method: 'phone' }),
    ).toThrow(ConsentError);

    expect(await runAt('2026-03-10T10:00:00')).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });
    expect(subscriptions.get(sub.id).amount).toBe(35_000);
    expect(consents.priceIncreases()).toEqual([]);

    // A decrease needs no consent: the very next period charges it.
    d.clock.now = kst('2026-03-20T12:00:00');
    subscriptions.changePrice({ id: sub.id, amount: 28_000, actor: '사장' });
    expect(consents.pending().priceIncreases).toEqual([]);
    expect(await runAt('2026-04-10T10:00:00')).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });

    expect(periodsOf(d.ledger, sub.id).map((p) => [p.periodStart, p.amount, p.status])).toEqual([
      ['2026-01-10', 30_000, 'paid'],
      ['2026-02-10', 30_000, 'paid'],
      ['2026-03-10', 35_000, 'paid'],
      ['2026-04-10', 28_000, 'paid'],
    ]);
    expect(await chargedAtToss(d)).toEqual([30_000, 30_000, 35_000, 28_000]);
    expect(auditOf(d.ledger, `subscription:${sub.id}`).map((row) => row.action)).toEqual([
      'subscription.create',
      'subscription.price_increase_pending',
      'subscription.price_increase_applied',
      'subscription.price_change',
    ]);
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it('applies a consented raise no earlier than the date the owner announced', async () => {
    const d = await desk();
    d.clock.now = kst('2026-01-05T09:00:00');
    const { memberId } = await d.memberWithCard();
    const { subscriptions, consents } = schedule(d);
    const sub = subscriptions.create({
      memberId,
      custom: { amount: 30_000, intervalUnit: 'month', intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-01-10',
      consent: { method: 'message' },
    });
    subscriptions.changePrice({ id: sub.id, amount: 35_000, effectiveFrom: '2026-03-01' });
    // The first raised charge (10 March) is more than 30 days away: too early to agree (the decree).
    expect(() =>
      consents.record({ subscriptionId: sub.id, kind: 'price-increase', method: 'message' }),
    ).toThrow('2026-02-08부터 기록할 수 있습니다');
    const runner = runnerFor(d);
    for (const local of ['2026-01-10T10:00:00', '2026-02-10T10:00:00', '2026-03-10T10:00:00']) {
      d.clock.now = kst(local);
      await runner.runDue();
      // Agreed after the February charge: 10 March is the first period on or after 1 March.
      if (local.startsWith('2026-02-10')) {
        consents.record({ subscriptionId: sub.id, kind: 'price-increase', method: 'message' });
      }
    }
    expect(periodsOf(d.ledger, sub.id).map((p) => p.amount)).toEqual([30_000, 30_000, 35_000]);
    expect(await chargedAtToss(d)).toEqual([30_000, 30_000, 35_000]);
  });

  it('holds a trial’s first paid period until the member consents within the 30 days before it', async () => {
    const d = await desk();
    d.clock.now = kst('2026-01-02T09:00:00');
    const { memberId } = await d.memberWithCard();
    const { subscriptions, consents, catchUp } = schedule(d);
    const terms = {
      memberId,
      custom: { amount: 30_000, intervalUnit: 'month' as const, intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-01-10',
      trialEnd: '2026-02-10',
      consent: { method: 'in-person' as const },
    };
    // Signed up more than 30 days before the first paid charge: that consent does not cover it.
    const withoutConsent = subscriptions.create(terms);
    const withConsent = subscriptions.create({ ...terms, memberId: (await d.memberWithCard()).memberId });

    d.clock.now = kst('2026-01-05T09:00:00');
    expect(() =>
      consents.record({ subscriptionId: withConsent.id, kind: 'trial-conversion', method: 'phone' }),
    ).toThrow('2026-01-11부터 기록할 수 있습니다');
    expect(consents.trialConversions().map((t) => t.subscriptionId)).toEqual([]);

    d.clock.now = kst('2026-01-25T09:00:00');
    expect(consents.trialConversions()).toEqual([
      expect.objectContaining({
        subscriptionId: withoutConsent.id,
        firstPaidDate: '2026-02-10',
        consentedAt: null,
      }),
      expect.objectContaining({
        subscriptionId: withConsent.id,
        firstPaidDate: '2026-02-10',
        consentedAt: null,
      }),
    ]);
    consents.record({ subscriptionId: withConsent.id, kind: 'trial-conversion', method: 'phone' });
    expect(consents.pending().trials.map((t) => t.subscriptionId)).toEqual([withoutConsent.id]);

    const runner = runnerFor(d);
    d.clock.now = kst('2026-02-10T10:00:00');
    expect(await runner.runDue()).toMatchObject({
      materialized: 2,
      awaitingConsent: 1,
      awaitingConfirmation: 0,
      charged: { ...NOTHING, DONE: 1 },
    });
    expect(await chargedAtToss(d)).toEqual([30_000]);
    const [held] = periodsOf(d.ledger, withoutConsent.id);
    expect(held).toMatchObject({ periodStart: '2026-02-10', status: 'awaiting_confirmation' });
    // It waits for consent, not for a manager: not in the catch-up queue, and approving is refused.
    expect(catchUpQueue(d.ledger)).toEqual([]);
    expect(() => catchUp.approve({ periodId: held?.id ?? 0 })).toThrow('유료 전환 동의');
    expect(consents.trialConversions()).toEqual([
      expect.objectContaining({
        subscriptionId: withoutConsent.id,
        heldPeriodId: held?.id,
        consentedAt: null,
      }),
    ]);
    // A later run still charges nothing for it.
    d.clock.now = kst('2026-02-10T11:00:00');
    expect(await runner.runDue()).toMatchObject({ charged: NOTHING });

    d.clock.now = kst('2026-02-11T09:00:00');
    consents.record({ subscriptionId: withoutConsent.id, kind: 'trial-conversion', method: 'in-person' });
    expect(consents.trialConversions()).toEqual([]);
    expect(await runner.runDue()).toMatchObject({ charged: { ...NOTHING, DONE: 1 } });
    expect(periodsOf(d.ledger, withoutConsent.id).map((p) => p.status)).toEqual(['paid']);
    expect(await chargedAtToss(d)).toEqual([30_000, 30_000]);
  });

  it('lets staff skip a held trial period, or cancel on the member’s request as a dated withdrawal', async () => {
    const d = await desk();
    d.clock.now = kst('2026-01-02T09:00:00');
    const { subscriptions, consents, catchUp } = schedule(d);
    const terms = {
      custom: { amount: 30_000, intervalUnit: 'month' as const, intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-01-10',
      trialEnd: '2026-02-10',
      consent: { method: 'in-person' as const },
    };
    const skipped = subscriptions.create({ ...terms, memberId: (await d.memberWithCard()).memberId });
    const withdrawn = subscriptions.create({ ...terms, memberId: (await d.memberWithCard()).memberId });
    const runner = runnerFor(d);
    d.clock.now = kst('2026-02-10T10:00:00');
    expect(await runner.runDue()).toMatchObject({ awaitingConsent: 2, charged: NOTHING });

    const [held] = periodsOf(d.ledger, skipped.id);
    catchUp.skip({ periodId: held?.id ?? 0, reason: '체험 후 결정 보류' });
    d.clock.now = kst('2026-02-11T09:00:00');
    subscriptions.cancel({ id: withdrawn.id, withdrawal: { method: 'phone', note: '전화로 해지 요청' } });
    expect(
      consents.list({ subscriptionId: withdrawn.id }).map((c) => [c.kind, c.method, c.effectiveDate]),
    ).toEqual([
      ['withdrawal', 'phone', '2026-02-11'],
      ['subscription', 'in-person', '2026-01-10'],
    ]);
    // Consent recorded after the withdrawal changes nothing: the subscription is over.
    expect(() =>
      consents.record({ subscriptionId: withdrawn.id, kind: 'trial-conversion', method: 'phone' }),
    ).toThrow(ConsentError);
    d.clock.now = kst('2026-03-10T10:00:00');
    expect(await runner.runDue()).toMatchObject({ charged: NOTHING });
    expect(periodsOf(d.ledger, withdrawn.id).map((p) => p.status)).toEqual(['skipped']);
    // Skipping the first paid period does not let the next one through without consent.
    expect(periodsOf(d.ledger, skipped.id).map((p) => [p.periodStart, p.status])).toEqual([
      ['2026-02-10', 'skipped'],
      ['2026-03-10', 'awaiting_confirmation'],
    ]);
    expect(consents.pending().trials).toEqual([
      expect.objectContaining({
        subscriptionId: skipped.id,
        heldPeriodId: periodsOf(d.ledger, skipped.id)[1]?.id,
      }),
    ]);
    expect(await chargedAtToss(d)).toEqual([]);
  });

  it('refuses to approve a trial’s paid period written by a resume while consent is missing', async () => {
    const d = await desk();
    d.clock.now = kst('2026-01-02T09:00:00');
    const { subscriptions, consents, catchUp } = schedule(d);
    const sub = subscriptions.create({
      memberId: (await d.memberWithCard()).memberId,
      custom: { amount: 30_000, intervalUnit: 'month', intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-01-10',
      trialEnd: '2026-02-10',
      consent: { method: 'in-person' },
    });
    // No run while the first paid period came due; paused after it, resumed later: the resume
    // writes it for a manager (missed before the pause), outside the materialiser's consent hold.
    d.clock.now = kst('2026-02-12T09:00:00');
    subscriptions.pause({ id: sub.id });
    d.clock.now = kst('2026-02-13T09:00:00');
    subscriptions.resume({ id: sub.id });
    const [written] = periodsOf(d.ledger, sub.id);
    expect(written).toMatchObject({ periodStart: '2026-02-10', status: 'awaiting_confirmation' });
    expect(() => catchUp.approve({ periodId: written?.id ?? 0 })).toThrow('유료 전환 동의');
    consents.record({ subscriptionId: sub.id, kind: 'trial-conversion', method: 'phone' });
    expect(catchUp.approve({ periodId: written?.id ?? 0 })).toMatchObject({ status: 'pending' });
  });

  it('lists subscriptions made before consents were kept, and records their consent once', async () => {
    const d = await desk();
    d.clock.now = kst('2026-03-12T09:00:00');
    const { memberId } = await d.memberWithCard();
    const { subscriptions, consents } = schedule(d);
    // Written as an older ledger holds it: no consent row.
    const legacy = insertSubscription(d.ledger, { memberId, anchorDate: '2026-01-10', amount: 40_000 });
    const recent = subscriptions.create({
      memberId,
      custom: { amount: 30_000, intervalUnit: 'month', intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-03-15',
      consent: { method: 'in-person' },
    });
    expect(consents.unconsented()).toEqual([
      expect.objectContaining({
        subscriptionId: legacy,
        amount: 40_000,
        notice: expect.stringContaining('40,000원'),
      }),
    ]);
    const consent = consents.record({ subscriptionId: legacy, kind: 'subscription', method: 'phone' });
    // What it agrees to: the price charged now, from the next period.
    expect(consent.terms).toMatchObject({ amount: 40_000, firstChargeDate: '2026-04-10' });
    expect(consents.unconsented()).toEqual([]);
    expect(() =>
      consents.record({ subscriptionId: recent.id, kind: 'subscription', method: 'phone' }),
    ).toThrow('이미 기록되어 있습니다');
  });

  it('records a cancel at the period end on the member’s request as a withdrawal from that end', async () => {
    const d = await desk();
    d.clock.now = kst('2026-03-12T09:00:00');
    const { subscriptions, consents } = schedule(d);
    const sub = subscriptions.create({
      memberId: (await d.memberWithCard()).memberId,
      custom: { amount: 30_000, intervalUnit: 'month', intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-03-10',
      consent: { method: 'in-person' },
    });
    subscriptions.cancelAtPeriodEnd({ id: sub.id, withdrawal: { method: 'message' } });
    expect(consents.list({ subscriptionId: sub.id })[0]).toMatchObject({
      kind: 'withdrawal',
      method: 'message',
      effectiveDate: '2026-04-10',
      terms: { text: expect.stringContaining('2026-04-10부터 결제되지 않습니다') },
    });
    // Without a withdrawal (the store's own decision) no consent row is written.
    const other = subscriptions.create({
      memberId: (await d.memberWithCard()).memberId,
      custom: { amount: 30_000, intervalUnit: 'month', intervalCount: 1 },
      orderName: '월 회비',
      anchorDate: '2026-03-10',
      consent: { method: 'in-person' },
    });
    subscriptions.cancel({ id: other.id });
    expect(consents.list({ subscriptionId: other.id }).map((c) => c.kind)).toEqual(['subscription']);
  });

  it('asks before a run with what the runner will do: a held trial period is no charge, a consented raise counts at its price', async () => {
    const d = await desk();
    d.clock.now = kst('2026-01-02T09:00:00');
    const { subscriptions, consents } = schedule(d);
    const monthly = { amount: 30_000, intervalUnit: 'month' as const, intervalCount: 1 };
    // Signed up more than 30 days before its first paid charge: that period waits for consent.
    const trial = subscriptions.create({
      memberId: (await d.memberWithCard()).memberId,
      custom: monthly,
      orderName: '체험 회원권',
      anchorDate: '2026-01-10',
      trialEnd: '2026-02-10',
      consent: { method: 'in-person' },
    });
    const raised = subscriptions.create({
      memberId: (await d.memberWithCard()).memberId,
      custom: monthly,
      orderName: '월 회비',
      anchorDate: '2026-02-10',
      consent: { method: 'in-person' },
    });
    d.clock.now = kst('2026-01-20T12:00:00');
    subscriptions.changePrice({ id: raised.id, amount: 35_000 });
    d.clock.now = kst('2026-02-01T12:00:00');
    consents.record({ subscriptionId: raised.id, kind: 'price-increase', method: 'phone' });

    d.clock.now = kst('2026-02-10T10:00:00');
    const preview = () => dueNowPreview(d.ledger, new Date(d.clock.now), 3 * 86_400_000);
    expect(preview()).toEqual({
      count: 1,
      amount: 35_000,
      awaitingApproval: 0,
      withoutCard: 0,
      awaitingConsent: 1,
    });
    expect(await runnerFor(d).runDue()).toMatchObject({
      awaitingConsent: 1,
      charged: { ...NOTHING, DONE: 1 },
    });
    expect(await chargedAtToss(d)).toEqual([35_000]);
    expect(periodsOf(d.ledger, trial.id).map((p) => p.status)).toEqual(['awaiting_confirmation']);
    // The held period stays out of the next preview too: it waits for consent, not for a run.
    expect(preview()).toEqual({
      count: 0,
      amount: 0,
      awaitingApproval: 0,
      withoutCard: 0,
      awaitingConsent: 0,
    });
  });
});
