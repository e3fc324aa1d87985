import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { DECIDE_NOT_CHARGED_AFTER_MS, RESOLVED_BY_STAFF } from '../../electron/core/billing/index.ts';
import { insertManualAttempt } from '../../electron/core/ledger/index.ts';
import { expectBillingError } from './expect-billing-error.ts';
import {
  addFault,
  auditOf,
  billingHarness,
  CARDS,
  type Desk,
  expectLedgerAgreesWithToss,
  realSleep,
  sandboxKeys,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();
const CHARGE_PATH = { method: 'POST', path: '/v1/billing/*' };

/** A member who will be charged under the fault, and one whose decline must stay uncharged. */
async function twoMembers(d: Desk) {
  const good = await d.memberWithCard(CARDS.good);
  const declining = await d.memberWithCard(CARDS.softDecline);
  const declined = await d.services.charges.charge({
    memberId: declining.memberId,
    amount: 7_000,
    orderName: '음료',
  });
  expect(declined.status).toBe('DECLINED');
  return { good, declined };
}

describe('charge fault matrix: after reconciliation Toss and the ledger agree', () => {
  it.each([
    ['drop-after-commit', 'CLIENT_NETWORK_ERROR', 'lookup'],
    ['reset-before', 'CLIENT_NETWORK_ERROR', 'resend'],
    ['status-500', 'FAILED_INTERNAL_SYSTEM_PROCESSING', 'resend'],
    ['status-409', 'IDEMPOTENT_REQUEST_PROCESSING', 'resend'],
    ['status-429', 'TOO_MANY_REQUESTS', 'resend'],
  ] as const)('%s', async (fault, code, via) => {
    const d = await desk();
    const { good } = await twoMembers(d);
    await addFault(sandbox, fault, CHARGE_PATH);

    const charge = await d.services.charges.charge({
      memberId: good.memberId,
      amount: 30_000,
      orderName: 'PT 10회권',
    });
    expect(charge).toMatchObject({ status: 'UNKNOWN', tossCode: code, paymentKey: null, resolvedAt: null });
    expect(d.services.reconciler.needsReview().charges.map((c) => c.id)).toEqual([charge.id]);

    const report = await d.services.reconciler.reconcile();
    expect(report).toEqual({
      checked: 1,
      resolved: [{ kind: 'charge', id: charge.id, from: 'UNKNOWN', to: 'DONE', via, tossCode: null }],
      needsReview: [],
      inFlight: 0,
    });
    const resolved = d.services.charges.get(charge.id);
    expect(resolved).toMatchObject({
      status: 'DONE',
      balanceAmount: 30_000,
      suppliedAmount: 27_273,
      vat: 2_727,
    });
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
    expect(
      auditOf(d.ledger, `charge_attempt:${charge.id}`).map((row) => [row.action, row.actor, row.details.via]),
    ).toEqual([
      ['charge.request', 'test', undefined],
      ['charge.unknown', 'test', 'charge'],
      ['charge.done', 'reconciler', via],
    ]);
    expect(verifyAudit(d.ledger.db)).toMatchObject({ ok: true });
  });

  it('delay past the client timeout: UNKNOWN at once, charged once after reconciliation', async () => {
    const d = await desk({
      responseTimeoutMs: 300,
      sleep: realSleep,
      retry: { maxTries: 10, baseDelayMs: 250, maxDelayMs: 1_000 },
    });
    const { good } = await twoMembers(d);
    // undici checks its timers about once a second, so the delay must be well past 0.3 s + 1 s.
    await addFault(sandbox, 'delay', CHARGE_PATH, { delayMs: 2_500 });
    const charge = await d.services.charges.charge({
      memberId: good.memberId,
      amount: 30_000,
      orderName: 'PT 10회권',
    });
    expect(charge).toMatchObject({ status: 'UNKNOWN', tossCode: 'CLIENT_TIMEOUT' });

    // While Toss is still working the lookup says 404 and the resend 409; both wait and repeat.
    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toMatchObject([{ kind: 'charge', id: charge.id, to: 'DONE' }]);
    expect(report.needsReview).toEqual([]);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a decline whose answer was lost is found by resending: replayed, not charged', async () => {
    const d = await desk();
    const declining = await d.memberWithCard(CARDS.softDecline);
    await addFault(sandbox, 'drop-after-commit', CHARGE_PATH);
    const charge = await d.services.charges.charge({
      memberId: declining.memberId,
      amount: 7_000,
      orderName: '음료',
    });
    expect(charge.status).toBe('UNKNOWN');
    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toEqual([
      {
        kind: 'charge',
        id: charge.id,
        from: 'UNKNOWN',
        to: 'DECLINED',
        via: 'resend',
        tossCode: 'REJECT_CARD_PAYMENT',
      },
    ]);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});

describe('a crash between the statements', () => {
  function pendingAttempt(d: Desk, memberId: number, cardId: number) {
    const at = d.clock.now;
    const orderId = `m_crash${String(at)}`;
    const idempotencyKey = `charge_crash${String(at)}`;
    const id = insertManualAttempt(d.ledger.db, {
      orderId,
      idempotencyKey,
      requestId: null,
      memberId,
      cardId,
      amount: 20_000,
      taxFreeAmount: 0,
      orderName: '월 회원권',
      operatorId: null,
      at,
    });
    return { id, orderId, idempotencyKey };
  }

  it('committed but never sent: the left-over PENDING attempt is looked up, resent and charged once', async () => {
    const d = await desk();
    const { memberId, cardId } = await d.memberWithCard();
    const { id } = pendingAttempt(d, memberId, cardId);
    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toEqual([
      { kind: 'charge', id, from: 'PENDING', to: 'DONE', via: 'resend', tossCode: null },
    ]);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('charged at Toss but the answer never recorded: the lookup finds it, nothing is charged again', async () => {
    const d = await desk();
    const { memberId, cardId } = await d.memberWithCard();
    const { id, orderId, idempotencyKey } = pendingAttempt(d, memberId, cardId);
    // What the process did before it died: the request left and Toss approved it.
    const [key] = await sandboxKeys(sandbox);
    if (!key) throw new Error('no billing key');
    await d.toss.chargeBillingKey(
      { billingKey: key.billingKey, customerKey: key.customerKey },
      { amount: 20_000, orderId, orderName: '월 회원권' },
      { idempotencyKey },
    );
    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toEqual([
      { kind: 'charge', id, from: 'PENDING', to: 'DONE', via: 'lookup', tossCode: null },
    ]);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});

describe('the needs-review (확인 필요) queue', () => {
  it('keeps what stays unknown after the bounded tries, for staff to resolve with a reason', async () => {
    const d = await desk({ retry: { maxTries: 3 } });
    const { memberId } = await d.memberWithCard();
    // The charge and every resend of this run are cut off before Toss sees them.
    await addFault(sandbox, 'reset-before', CHARGE_PATH, { times: 4 });
    const charge = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    const report = await d.services.reconciler.reconcile();
    expect(report).toMatchObject({
      checked: 1,
      resolved: [],
      needsReview: [{ kind: 'charge', id: charge.id, tossCode: 'CLIENT_NETWORK_ERROR' }],
    });
    expect(d.services.reconciler.needsReview().charges).toMatchObject([{ id: charge.id, status: 'UNKNOWN' }]);
    expect(await sandboxPayments(sandbox)).toEqual([]);
    // "결제 안 됨" waits until Toss's longest approval time has passed since the last send.
    await expectBillingError(
      () =>
        d.services.review.resolveCharge({
          chargeId: charge.id,
          outcome: 'not-charged',
          reason: '현금으로 받음',
        }),
      'TOO_EARLY_TO_DECIDE',
    );
    d.clock.now += DECIDE_NOT_CHARGED_AFTER_MS + 1;

    // Staff cannot claim a payment Toss does not have.
    await expectBillingError(
      () =>
        d.services.review.resolveCharge({
          chargeId: charge.id,
          outcome: 'charged',
          reason: '고객이 결제됐다고 함',
          operatorId: d.operatorId,
        }),
      'PAYMENT_NOT_FOUND_AT_TOSS',
    );
    await expectBillingError(
      () => d.services.review.resolveCharge({ chargeId: charge.id, outcome: 'not-charged', reason: ' ' }),
      'INVALID_INPUT',
    );
    // An UNKNOWN charge is closed only after a lookup: if Toss cannot be asked, nothing changes.
    await addFault(sandbox, 'status-500', { method: 'GET', path: '/v1/payments/orders/*' });
    await expectBillingError(
      () => d.services.review.resolveCharge({ chargeId: charge.id, outcome: 'not-charged', reason: '급함' }),
      'TOSS_UNREACHABLE',
    );
    expect(d.services.charges.get(charge.id).status).toBe('UNKNOWN');
    const resolved = await d.services.review.resolveCharge({
      chargeId: charge.id,
      outcome: 'not-charged',
      reason: '대시보드에 결제 없음, 현금으로 받음',
      operatorId: d.operatorId,
      actor: '점장',
    });
    expect(resolved).toMatchObject({
      status: 'FAILED',
      tossCode: RESOLVED_BY_STAFF,
      tossMessage: '직원 확인: 결제되지 않음 (대시보드에 결제 없음, 현금으로 받음)',
    });
    expect(auditOf(d.ledger, `charge_attempt:${charge.id}`).at(-1)).toEqual({
      actor: '점장',
      operatorId: d.operatorId,
      action: 'charge.failed',
      details: expect.objectContaining({
        via: 'staff',
        reason: '대시보드에 결제 없음, 현금으로 받음',
        staffSaid: 'not-charged',
        toss: 'not_found',
      }),
    });
    expect(d.services.reconciler.needsReview().charges).toEqual([]);
    await expectBillingError(
      () => d.services.review.resolveCharge({ chargeId: charge.id, outcome: 'not-charged', reason: '다시' }),
      'NOT_UNDER_REVIEW',
    );
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it("Toss's record wins over staff: a payment found there is recorded as charged", async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'drop-after-commit', CHARGE_PATH);
    const charge = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    d.clock.now += DECIDE_NOT_CHARGED_AFTER_MS + 1;
    const resolved = await d.services.review.resolveCharge({
      chargeId: charge.id,
      outcome: 'not-charged',
      reason: '카드사 문자 없음',
    });
    expect(resolved.status).toBe('DONE');
    expect(auditOf(d.ledger, `charge_attempt:${charge.id}`).at(-1)?.details).toMatchObject({
      staffSaid: 'not-charged',
      toss: 'found',
    });
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('does not resend an attempt older than the resend window: staff decide', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'status-500', CHARGE_PATH);
    const charge = await d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    d.clock.now += 2 * 24 * 60 * 60 * 1_000;
    const report = await d.services.reconciler.reconcile();
    expect(report.needsReview).toEqual([
      {
        kind: 'charge',
        id: charge.id,
        tossCode: 'RESEND_WINDOW_PASSED',
        tossMessage: expect.stringContaining('직원 확인'),
      },
    ]);
    expect(await sandboxPayments(sandbox)).toEqual([]);
  });

  it('leaves charges on their way to Toss alone, and concurrent runs share one', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard();
    await addFault(sandbox, 'delay', CHARGE_PATH, { delayMs: 400 });
    const charging = d.services.charges.charge({ memberId, amount: 9_000, orderName: '음료' });
    await realSleep(50);
    const first = d.services.reconciler.reconcile();
    expect(d.services.reconciler.reconcile()).toBe(first);
    expect(await first).toEqual({ checked: 0, resolved: [], needsReview: [], inFlight: 1 });
    expect(d.services.reconciler.needsReview().charges).toEqual([]);
    expect((await charging).status).toBe('DONE');
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});
