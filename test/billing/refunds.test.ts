import { describe, expect, it } from 'vitest';
import { expectBillingError } from './expect-billing-error.ts';
import {
  auditOf,
  billingHarness,
  type Desk,
  expectLedgerAgreesWithToss,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();

async function doneCharge(d: Desk, amount = 30_000) {
  const { memberId } = await d.memberWithCard();
  const charge = await d.services.charges.charge({ memberId, amount, orderName: 'PT 10회권' });
  expect(charge.status).toBe('DONE');
  return charge;
}

describe('refunds', () => {
  it('partial refunds, then the rest: balance 0 is fully refunded though Toss says PARTIAL_CANCELED', async () => {
    const d = await desk();
    const charge = await doneCharge(d);
    const first = await d.services.refunds.refund({
      chargeId: charge.id,
      amount: 10_000,
      reason: '3회 미사용',
      operatorId: d.operatorId,
    });
    expect(first).toMatchObject({
      chargeId: charge.id,
      status: 'DONE',
      amount: 10_000,
      reason: '3회 미사용',
      balanceAfter: 20_000,
      chargeBalance: 20_000,
      operatorId: d.operatorId,
      tossCode: null,
    });
    expect(first.transactionKey).toEqual(expect.any(String));
    expect(d.services.charges.get(charge.id).balanceAmount).toBe(20_000);

    const rest = await d.services.refunds.refund({
      chargeId: charge.id,
      reason: '회원 탈퇴',
      operatorId: d.operatorId,
    });
    expect(rest).toMatchObject({ status: 'DONE', amount: 20_000, balanceAfter: 0, chargeBalance: 0 });
    const [payment] = await sandboxPayments(sandbox);
    expect(payment).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 0 });
    // The approval as it was stays on the charge; only the balance moves.
    expect(d.services.charges.get(charge.id)).toMatchObject({
      status: 'DONE',
      balanceAmount: 0,
      vat: charge.vat,
    });
    expect(d.services.refunds.listForCharge(charge.id).map((r) => r.id)).toEqual([first.id, rest.id]);
    expect(auditOf(d.ledger, `refund:${first.id}`).map((row) => [row.action, row.operatorId])).toEqual([
      ['refund.request', d.operatorId],
      ['refund.done', d.operatorId],
    ]);
    await expectBillingError(
      () => d.services.refunds.refund({ chargeId: charge.id, reason: '또', operatorId: d.operatorId }),
      'NOTHING_TO_REFUND',
    );
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('a full refund at once: CANCELED at Toss, balance 0 in the ledger', async () => {
    const d = await desk();
    const charge = await doneCharge(d, 5_000);
    const refund = await d.services.refunds.refund({
      chargeId: charge.id,
      reason: '결제 실수',
      operatorId: d.operatorId,
    });
    expect(refund).toMatchObject({ status: 'DONE', amount: 5_000, chargeBalance: 0 });
    expect((await sandboxPayments(sandbox))[0]?.status).toBe('CANCELED');
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });

  it('checks the amount against the local balance first, in Korean, and sends nothing', async () => {
    const d = await desk();
    const charge = await doneCharge(d, 5_000);
    const error = await expectBillingError(
      () =>
        d.services.refunds.refund({
          chargeId: charge.id,
          amount: 6_000,
          reason: '환불',
          operatorId: d.operatorId,
        }),
      'REFUND_EXCEEDS_BALANCE',
    );
    expect(error.message).toBe('환불 금액(6,000원)이 환불할 수 있는 금액(5,000원)보다 큽니다.');
    expect(error.fields?.amount?.message).toBe('최대 5,000원까지 환불할 수 있습니다.');
    const missing = await expectBillingError(
      () => d.services.refunds.refund({ chargeId: charge.id, amount: 0, reason: '', operatorId: Number.NaN }),
      'INVALID_INPUT',
    );
    expect(Object.keys(missing.fields ?? {})).toEqual(['reason', 'amount', 'operatorId']);
    await expectBillingError(
      () => d.services.refunds.refund({ chargeId: charge.id, reason: '환불', operatorId: 777 }),
      'OPERATOR_NOT_FOUND',
    );
    await expectBillingError(
      () => d.services.refunds.refund({ chargeId: 404, reason: '환불', operatorId: d.operatorId }),
      'CHARGE_NOT_FOUND',
    );
    expect(d.ledger.db.prepare('SELECT count(*) FROM refunds').pluck().get()).toBe(0);
    expect((await sandboxPayments(sandbox))[0]?.cancels).toBeNull();
  });

  it('refuses to refund a charge that was not approved', async () => {
    const d = await desk();
    const { memberId } = await d.memberWithCard('9410011234567890');
    const declined = await d.services.charges.charge({ memberId, amount: 5_000, orderName: '음료' });
    await expectBillingError(
      () => d.services.refunds.refund({ chargeId: declined.id, reason: '환불', operatorId: d.operatorId }),
      'CHARGE_NOT_REFUNDABLE',
    );
  });

  it("stores Toss's refusal (403) with its Korean message and takes Toss's balance", async () => {
    const d = await desk();
    const charge = await doneCharge(d, 10_000);
    // Refunded in Toss's dashboard meanwhile: the ledger still thinks 10,000 is left.
    await d.toss.cancelPayment(
      charge.paymentKey ?? '',
      { cancelReason: '대시보드 환불', cancelAmount: 4_000 },
      { idempotencyKey: 'dashboard-1' },
    );
    const refund = await d.services.refunds.refund({
      chargeId: charge.id,
      reason: '전액 환불',
      operatorId: d.operatorId,
    });
    expect(refund).toMatchObject({
      status: 'FAILED',
      amount: 10_000,
      tossCode: 'NOT_CANCELABLE_AMOUNT',
      tossMessage: '취소 할 수 없는 금액 입니다.',
      transactionKey: null,
      chargeBalance: 6_000,
    });
    expect(auditOf(d.ledger, `refund:${refund.id}`).at(-1)).toMatchObject({
      action: 'refund.failed',
      details: { code: 'NOT_CANCELABLE_AMOUNT' },
    });
    // What is left can now be refunded.
    expect(
      await d.services.refunds.refund({ chargeId: charge.id, reason: '나머지', operatorId: d.operatorId }),
    ).toMatchObject({ status: 'DONE', amount: 6_000, chargeBalance: 0 });
  });

  it("stores a 400 refusal (already cancelled) with Toss's message", async () => {
    const d = await desk();
    const charge = await doneCharge(d, 10_000);
    await d.toss.cancelPayment(
      charge.paymentKey ?? '',
      { cancelReason: '대시보드 환불' },
      { idempotencyKey: 'dashboard-2' },
    );
    const refund = await d.services.refunds.refund({
      chargeId: charge.id,
      amount: 1_000,
      reason: '부분 환불',
      operatorId: d.operatorId,
    });
    expect(refund).toMatchObject({
      status: 'FAILED',
      tossCode: 'ALREADY_CANCELED_PAYMENT',
      tossMessage: '이미 취소된 결제 입니다.',
      chargeBalance: 0,
    });
  });

  it('a request id makes a repeated refund return the same refund', async () => {
    const d = await desk();
    const charge = await doneCharge(d, 10_000);
    const request = {
      chargeId: charge.id,
      amount: 3_000,
      reason: '환불',
      operatorId: d.operatorId,
      requestId: 'refund-req-1',
    };
    const [a, b] = await Promise.all([
      d.services.refunds.refund(request),
      d.services.refunds.refund(request),
    ]);
    expect(a).toEqual(b);
    expect(await d.services.refunds.refund(request)).toEqual(a);
    await expectBillingError(
      () => d.services.refunds.refund({ ...request, amount: 4_000 }),
      'REQUEST_ID_CONFLICT',
    );
    expect((await sandboxPayments(sandbox))[0]?.cancels).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, d.ledger);
  });
});
