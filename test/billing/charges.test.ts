import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { expectBillingError } from './expect-billing-error.ts';
import {
  addFault,
  auditOf,
  billingHarness,
  CARDS,
  expectLedgerAgreesWithToss,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();

describe('manual charges', () => {
  it('charges once: DONE with the approval, the VAT split, the receipt and the balance', async () => {
    const { services, ledger, operatorId, memberWithCard, clock } = await desk();
    const { memberId, cardId } = await memberWithCard();
    const charge = await services.charges.charge({
      memberId,
      amount: 15_000,
      orderName: 'PT 1회',
      operatorId,
    });
    const [payment] = await sandboxPayments(sandbox);
    expect(charge).toMatchObject({
      memberId,
      cardId,
      kind: 'manual',
      status: 'DONE',
      amount: 15_000,
      taxFreeAmount: 0,
      orderName: 'PT 1회',
      paymentKey: payment?.paymentKey,
      approveNo: '00000000',
      suppliedAmount: 13_636,
      vat: 1_364,
      receiptUrl: payment?.receipt?.url,
      balanceAmount: 15_000,
      tossCode: null,
      operatorId,
      requestId: null,
    });
    expect(charge.orderId).toMatch(/^m_[A-Za-z0-9_-]{22,60}$/);
    expect(payment?.orderId).toBe(charge.orderId);
    expect(charge.resolvedAt).toBe(clock.now);
    expect(auditOf(ledger, `charge_attempt:${charge.id}`).map((row) => [row.action, row.operatorId])).toEqual(
      [
        ['charge.request', operatorId],
        ['charge.done', operatorId],
      ],
    );
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
    await expectLedgerAgreesWithToss(sandbox, ledger);
  });

  it('sends the order name, the tax-free amount and the receipt e-mail Toss needs', async () => {
    const { services, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    services.members.edit({ id: memberId, email: 'sky@example.com' });
    const charge = await services.charges.charge({
      memberId,
      amount: 11_000,
      taxFreeAmount: 1_000,
      orderName: '  교재비 ',
    });
    expect(charge).toMatchObject({ status: 'DONE', orderName: '교재비', taxFreeAmount: 1_000 });
    // The emulator's merchant is TAXABLE: Toss ignores the tax-free part and reports VAT on all of it.
    const [payment] = await sandboxPayments(sandbox);
    expect(payment).toMatchObject({ orderName: '교재비', totalAmount: 11_000, vat: charge.vat });
  });

  it('records a soft decline as DECLINED and a permanent refusal as FAILED, with Toss code and message', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const declined = await memberWithCard(CARDS.softDecline);
    const stopped = await memberWithCard(CARDS.stopped);
    expect(
      await services.charges.charge({ memberId: declined.memberId, amount: 5_000, orderName: '음료' }),
    ).toMatchObject({
      status: 'DECLINED',
      tossCode: 'REJECT_CARD_PAYMENT',
      tossMessage: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
      paymentKey: null,
      balanceAmount: null,
    });
    const failed = await services.charges.charge({
      memberId: stopped.memberId,
      amount: 5_000,
      orderName: '음료',
    });
    expect(failed).toMatchObject({
      status: 'FAILED',
      tossCode: 'INVALID_STOPPED_CARD',
      tossMessage: '정지된 카드 입니다.',
    });
    expect(auditOf(ledger, `charge_attempt:${failed.id}`).at(-1)).toMatchObject({
      action: 'charge.failed',
      details: { code: 'INVALID_STOPPED_CARD', via: 'charge' },
    });
    await expectLedgerAgreesWithToss(sandbox, ledger);
  });

  it('refuses bad input before writing anything', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    const error = await expectBillingError(
      () =>
        services.charges.charge({ memberId, amount: 99.5, orderName: 'x'.repeat(101), taxFreeAmount: -1 }),
      'INVALID_INPUT',
    );
    expect(error.fields).toEqual({
      amount: { code: 'AMOUNT_INVALID', message: '결제 금액은 100원 이상의 정수(원 단위)로 입력해 주세요.' },
      orderName: { code: 'ORDER_NAME_TOO_LONG', message: '결제 내용(주문명)은 100자 이하로 입력해 주세요.' },
      taxFreeAmount: { code: 'TAX_FREE_INVALID', message: '면세 금액은 0원 이상의 정수로 입력해 주세요.' },
    });
    await expectBillingError(
      () => services.charges.charge({ memberId, amount: 1_000, taxFreeAmount: 2_000, orderName: '음료' }),
      'INVALID_INPUT',
    );
    await expectBillingError(
      () => services.charges.charge({ memberId, amount: 1_000, orderName: '음료', operatorId: 999 }),
      'OPERATOR_NOT_FOUND',
    );
    await expectBillingError(
      () => services.charges.charge({ memberId: 999, amount: 1_000, orderName: '음료' }),
      'MEMBER_NOT_FOUND',
    );
    services.members.archive({ id: memberId });
    await expectBillingError(
      () => services.charges.charge({ memberId, amount: 1_000, orderName: '음료' }),
      'MEMBER_ARCHIVED',
    );
    expect(ledger.db.prepare('SELECT count(*) FROM charge_attempts').pluck().get()).toBe(0);
  });
});

describe('a request id makes a repeated request return the same attempt', () => {
  it('two identical requests fired at once make one attempt and one payment', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    const request = { memberId, amount: 30_000, orderName: 'PT 10회권', requestId: 'click-7f3a' };
    const [first, second] = await Promise.all([
      services.charges.charge(request),
      services.charges.charge(request),
    ]);
    expect(second).toEqual(first);
    expect(first?.status).toBe('DONE');
    expect(ledger.db.prepare('SELECT count(*) FROM charge_attempts').pluck().get()).toBe(1);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
  });

  it('a second request while the first is still at Toss waits for its answer', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    await addFault(sandbox, 'delay', { method: 'POST', path: '/v1/billing/*' }, { delayMs: 300 });
    const request = { memberId, amount: 30_000, orderName: 'PT 10회권', requestId: 'click-slow' };
    const first = services.charges.charge(request);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await services.charges.charge(request);
    expect(second.status).toBe('DONE');
    expect(await first).toEqual(second);
    expect(ledger.db.prepare('SELECT count(*) FROM charge_attempts').pluck().get()).toBe(1);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
  });

  it('a retried call after the answer returns the recorded attempt, declines included', async () => {
    const { services, memberWithCard } = await desk();
    const { memberId } = await memberWithCard(CARDS.softDecline);
    const request = { memberId, amount: 5_000, orderName: '음료', requestId: 'ipc-call-42' };
    const first = await services.charges.charge(request);
    expect(first.status).toBe('DECLINED');
    expect(await services.charges.charge(request)).toEqual(first);
    expect(services.charges.findByRequestId('ipc-call-42')).toEqual(first);
    expect(services.charges.findByRequestId('ipc-43')).toBeUndefined();
  });

  it('refuses the same request id for a different charge', async () => {
    const { services, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    await services.charges.charge({ memberId, amount: 5_000, orderName: '음료', requestId: 'request-1' });
    await expectBillingError(
      () => services.charges.charge({ memberId, amount: 6_000, orderName: '음료', requestId: 'request-1' }),
      'REQUEST_ID_CONFLICT',
    );
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
  });

  it('without a request id, asking twice charges twice: the store asked twice', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    const request = { memberId, amount: 5_000, orderName: '음료' };
    const a = await services.charges.charge(request);
    const b = await services.charges.charge(request);
    expect(a.id).not.toBe(b.id);
    expect(await sandboxPayments(sandbox)).toHaveLength(2);
    await expectLedgerAgreesWithToss(sandbox, ledger);
  });

  it('refuses a second charge while the member has one whose outcome is not known yet', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    const request = { memberId, amount: 5_000, orderName: '음료' };
    const [a, b] = await Promise.allSettled([
      services.charges.charge(request),
      services.charges.charge(request),
    ]);
    expect(a).toMatchObject({ status: 'fulfilled', value: { status: 'DONE' } });
    expect(b).toMatchObject({ status: 'rejected', reason: { code: 'UNRESOLVED_CHARGE' } });
    expect((b as PromiseRejectedResult).reason.message).toMatch(/^이전 결제의 결과를 아직 모릅니다/);
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
    await expectLedgerAgreesWithToss(sandbox, ledger);
  });
});
