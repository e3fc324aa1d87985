import { describe, expect, it } from 'vitest';
import { RESOLVED_BY_STAFF } from '../../electron/core/billing/index.ts';
import { expectBillingError } from './expect-billing-error.ts';
import {
  addFault,
  auditOf,
  billingHarness,
  type Desk,
  type DeskOptions,
  expectLedgerAgreesWithToss,
  realSleep,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();
const CANCEL_PATH = { method: 'POST', path: '/v1/payments/*/cancel' };

/** A DONE charge with one partial refund already done, so the refund under test is not the first. */
async function chargedDesk(options: DeskOptions = {}): Promise<{ d: Desk; chargeId: number }> {
  const d = await desk(options);
  const { memberId } = await d.memberWithCard();
  const charge = await d.services.charges.charge({ memberId, amount: 30_000, orderName: 'PT 10회권' });
  const earlier = await d.services.refunds.refund({
    chargeId: charge.id,
    amount: 5_000,
    reason: '1회 미사용',
    operatorId: d.operatorId,
  });
  expect(earlier.status).toBe('DONE');
  return { d, chargeId: charge.id };
}

describe('refund fault matrix: after reconciliation Toss and the ledger agree', () => {
  it.each([
    ['drop-after-commit', 'CLIENT_NETWORK_ERROR', 'lookup'],
    ['reset-before', 'CLIENT_NETWORK_ERROR', 'resend'],
    ['status-500', 'FAILED_INTERNAL_SYSTEM_PROCESSING', 'resend'],
    ['status-409', 'IDEMPOTENT_REQUEST_PROCESSING', 'resend'],
    ['status-429', 'TOO_MANY_REQUESTS', 'resend'],
  ] as const)('%s', async (fault, code, via) => {
    const { d, chargeId } = await chargedDesk();
    await addFault(sandbox, fault, CANCEL_PATH);
    const refund = await d.services.refunds.refund({
      chargeId,
      amount: 10_000,
      reason: '회원 요청',
      operatorId: d.operatorId,
    });
    expect(refund).toMatchObject({
      status: 'UNKNOWN',
      tossCode: code,
      transactionKey: null,
      chargeBalance: 25_000,
    });
    expect(d.services.reconciler.needsReview().refunds.map((r) => r.id)).toEqual([refund.id]);
    // While it is unresolved its amount is held: only 15,000 can be refunded besides it.
    await expectBillingError(
      () => d.services.refunds.refund({ chargeId, amount: 15_001, reason: '추가', operatorId: d.operatorId }),
      'REFUND_EXCEEDS_BALANCE',
    );

    const report = await d.services.reconciler.reconcile();
    expect(report).toEqual({
      checked: 1,
      resolved: [{ kind: 'refund', id: refund.id, from: 'UNKNOWN', to: 'DONE', via, tossCode: null }],
      needsReview: [],
      inFlight: 0,
    });
    expect(d.services.refunds.get(refund.id)).toMatchObject({
      status: 'DONE',
      balanceAfter: 15_000,
      chargeBalance: 15_000,
    });
    expect((await sandboxPayments(sandbox))[0]?.cancels).toHaveLength(2);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
    expect(auditOf(d.ledger, `refund:${refund.id}`).map((row) => [row.action, row.details.via])).toEqual([
      ['refund.request', undefined],
      ['refund.unknown', 'charge'],
      ['refund.done', via],
    ]);
  });

  it('delay past the client timeout: refunded once after reconciliation', async () => {
    const { d, chargeId } = await chargedDesk({
      responseTimeoutMs: 300,
      sleep: realSleep,
      retry: { maxTries: 10, baseDelayMs: 250, maxDelayMs: 1_000 },
    });
    await addFault(sandbox, 'delay', CANCEL_PATH, { delayMs: 2_500 });
    const refund = await d.services.refunds.refund({
      chargeId,
      amount: 10_000,
      reason: '회원 요청',
      operatorId: d.operatorId,
    });
    expect(refund).toMatchObject({ status: 'UNKNOWN', tossCode: 'CLIENT_TIMEOUT' });
    const report = await d.services.reconciler.reconcile();
    expect(report.resolved).toMatchObject([{ kind: 'refund', id: refund.id, to: 'DONE' }]);
    expect((await sandboxPayments(sandbox))[0]?.cancels).toHaveLength(2);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});

describe('refunds in the needs-review queue', () => {
  it('staff close an unknown refund by hand with a reason; Toss is asked first', async () => {
    const { d, chargeId } = await chargedDesk({ retry: { maxTries: 2 } });
    await addFault(sandbox, 'reset-before', CANCEL_PATH, { times: 3 });
    const refund = await d.services.refunds.refund({
      chargeId,
      amount: 10_000,
      reason: '회원 요청',
      operatorId: d.operatorId,
    });
    const report = await d.services.reconciler.reconcile();
    expect(report.needsReview).toMatchObject([
      { kind: 'refund', id: refund.id, tossCode: 'CLIENT_NETWORK_ERROR' },
    ]);

    await expectBillingError(
      () =>
        d.services.review.resolveRefund({ refundId: refund.id, outcome: 'refunded', reason: '고객 확인' }),
      'PAYMENT_NOT_FOUND_AT_TOSS',
    );
    await addFault(sandbox, 'status-500', { method: 'GET', path: '/v1/payments/*' });
    await expectBillingError(
      () => d.services.review.resolveRefund({ refundId: refund.id, outcome: 'not-refunded', reason: '급함' }),
      'TOSS_UNREACHABLE',
    );
    const closed = await d.services.review.resolveRefund({
      refundId: refund.id,
      outcome: 'not-refunded',
      reason: '대시보드에 취소 없음',
      operatorId: d.operatorId,
    });
    expect(closed).toMatchObject({ status: 'FAILED', tossCode: RESOLVED_BY_STAFF, chargeBalance: 25_000 });
    expect(d.services.reconciler.needsReview()).toEqual({ charges: [], refunds: [] });
    // The held amount is free again.
    expect(
      await d.services.refunds.refund({ chargeId, amount: 25_000, reason: '전액', operatorId: d.operatorId }),
    ).toMatchObject({ status: 'DONE', chargeBalance: 0 });
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a refund Toss did carry out is recorded as done, whatever staff chose', async () => {
    const { d, chargeId } = await chargedDesk();
    await addFault(sandbox, 'drop-after-commit', CANCEL_PATH);
    const refund = await d.services.refunds.refund({
      chargeId,
      amount: 10_000,
      reason: '회원 요청',
      operatorId: d.operatorId,
    });
    const closed = await d.services.review.resolveRefund({
      refundId: refund.id,
      outcome: 'not-refunded',
      reason: '모름',
    });
    expect(closed).toMatchObject({ status: 'DONE', chargeBalance: 15_000 });
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});
