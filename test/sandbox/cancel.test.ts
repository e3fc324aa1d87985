import { describe, expect, it } from 'vitest';
import { chargeBody, manualClock, type Payment, sandboxPerTest } from './harness.ts';

const MIXED_KEY = 'test_sk_mixed_store';

describe('POST /v1/payments/{paymentKey}/cancel (§3.6, §5.2, §5.3)', () => {
  const clock = manualClock();
  const sandbox = sandboxPerTest(() => ({
    now: clock.now,
    merchants: { [MIXED_KEY]: { taxType: 'MIXED' } },
  }));

  async function approve(
    amount: number,
    extra: Readonly<Record<string, unknown>> = {},
    key?: string,
  ): Promise<Payment> {
    const billing = await sandbox.api.issue({}, { key });
    const result = await sandbox.api.charge(billing.billingKey, chargeBody({ amount, ...extra }), { key });
    expect(result.status).toBe(200);
    return result.json;
  }

  const cancel = (paymentKey: string, body: Readonly<Record<string, unknown>>, key?: string) =>
    sandbox.api.call<Payment>('POST', `/v1/payments/${paymentKey}/cancel`, { body, key });
  const lookup = async (paymentKey: string) =>
    (await sandbox.api.call('GET', `/v1/payments/${paymentKey}`)).text;

  it('follows O7: 10000 → cancel 1000 → 9000 → cancel 1000 → 8000', async () => {
    const payment = await approve(10000);
    clock.advance(60_000);
    const first = await cancel(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 1000 });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      status: 'PARTIAL_CANCELED',
      totalAmount: 10000,
      balanceAmount: 9000,
      suppliedAmount: 8182,
      vat: 818,
    });
    expect(first.json.cancels).toEqual([
      {
        transactionKey: expect.stringMatching(/^[0-9A-F]{32}$/),
        cancelReason: '부분 환불',
        taxExemptionAmount: 0,
        canceledAt: '2026-03-30T14:40:56+09:00',
        transferDiscountAmount: 0,
        easyPayDiscountAmount: 0,
        receiptKey: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
        cancelAmount: 1000,
        taxFreeAmount: 0,
        refundableAmount: 9000,
        cardDiscountAmount: 0,
        cancelStatus: 'DONE',
        cancelRequestId: null,
      },
    ]);
    expect(first.json.lastTransactionKey).toBe(first.json.cancels?.[0]?.transactionKey);
    expect(first.json.lastTransactionKey).not.toBe(payment.lastTransactionKey);

    const second = await cancel(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 1000 });
    expect(second.json).toMatchObject({
      status: 'PARTIAL_CANCELED',
      balanceAmount: 8000,
      suppliedAmount: 7273,
      vat: 727,
    });
    expect(second.json.cancels?.map((entry) => entry.refundableAmount)).toEqual([9000, 8000]);
    expect(await lookup(payment.paymentKey)).toBe(second.text);
  });

  it('keeps PARTIAL_CANCELED with balance 0 when the rest is cancelled, then answers 403', async () => {
    const payment = await approve(10000);
    await cancel(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 3000 });
    const rest = await cancel(payment.paymentKey, { cancelReason: '나머지 환불' });
    expect(rest.status).toBe(200);
    expect(rest.json).toMatchObject({
      status: 'PARTIAL_CANCELED',
      balanceAmount: 0,
      suppliedAmount: 0,
      vat: 0,
    });
    expect(rest.json.cancels?.map((entry) => entry.cancelAmount)).toEqual([3000, 7000]);

    const before = await lookup(payment.paymentKey);
    const again = await cancel(payment.paymentKey, { cancelReason: '또 환불' });
    expect(again.status).toBe(403);
    expect(again.json).toEqual({ code: 'NOT_CANCELABLE_AMOUNT', message: '취소 할 수 없는 금액 입니다.' });
    expect(await lookup(payment.paymentKey)).toBe(before);
  });

  it('goes to CANCELED on a full cancel, then answers 400 ALREADY_CANCELED_PAYMENT', async () => {
    const payment = await approve(15000);
    const full = await cancel(payment.paymentKey, { cancelReason: '전액 환불' });
    expect(full.json).toMatchObject({
      status: 'CANCELED',
      totalAmount: 15000,
      balanceAmount: 0,
      suppliedAmount: 0,
      vat: 0,
    });
    expect(full.json.cancels?.[0]).toMatchObject({ cancelAmount: 15000, refundableAmount: 0 });

    const again = await cancel(payment.paymentKey, { cancelReason: '전액 환불' });
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ code: 'ALREADY_CANCELED_PAYMENT', message: '이미 취소된 결제 입니다.' });
  });

  it('treats a cancelAmount equal to the balance of a DONE payment as a full cancel', async () => {
    const payment = await approve(15000);
    const full = await cancel(payment.paymentKey, { cancelReason: '전액 환불', cancelAmount: 15000 });
    expect(full.json.status).toBe('CANCELED');
  });

  it('refuses more than the balance with 403 NOT_CANCELABLE_AMOUNT and changes nothing', async () => {
    const payment = await approve(10000);
    await cancel(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 4000 });
    const before = await lookup(payment.paymentKey);
    const over = await cancel(payment.paymentKey, { cancelReason: '초과 환불', cancelAmount: 6001 });
    expect(over.status).toBe(403);
    expect(over.json).toMatchObject({ code: 'NOT_CANCELABLE_AMOUNT' });
    expect(await lookup(payment.paymentKey)).toBe(before);
  });

  it('guards with refundableAmount: a mismatch cancels nothing', async () => {
    const payment = await approve(10000);
    const before = await lookup(payment.paymentKey);
    const stale = await cancel(payment.paymentKey, {
      cancelReason: '환불',
      cancelAmount: 1000,
      refundableAmount: 9000,
    });
    expect(stale.status).toBe(400);
    expect(stale.json).toEqual({
      code: 'NOT_MATCHES_REFUNDABLE_AMOUNT',
      message: '잔액 결과가 일치하지 않습니다.',
    });
    expect(await lookup(payment.paymentKey)).toBe(before);

    const current = await cancel(payment.paymentKey, {
      cancelReason: '환불',
      cancelAmount: 1000,
      refundableAmount: 10000,
    });
    expect(current.json.balanceAmount).toBe(9000);
  });

  it('requires a cancelReason of at most 200 characters', async () => {
    const payment = await approve(10000);
    for (const body of [{}, { cancelReason: '' }, { cancelReason: 'r'.repeat(201) }, { cancelReason: 42 }]) {
      const result = await cancel(payment.paymentKey, body);
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ code: 'INVALID_REQUEST' });
    }
    expect(
      (await cancel(payment.paymentKey, { cancelReason: 'r'.repeat(200), cancelAmount: 100 })).status,
    ).toBe(200);
  });

  it('refuses malformed amounts and a foreign currency with INVALID_REQUEST', async () => {
    const payment = await approve(10000);
    for (const extra of [
      { cancelAmount: 0 },
      { cancelAmount: -1 },
      { cancelAmount: '1000' },
      { currency: 'USD' },
    ]) {
      const result = await cancel(payment.paymentKey, { cancelReason: '환불', ...extra });
      expect(result.json).toMatchObject({ code: 'INVALID_REQUEST' });
    }
    expect((await cancel(payment.paymentKey, { cancelReason: '환불', currency: 'KRW' })).json.status).toBe(
      'CANCELED',
    );
  });

  it('refuses a partial cancel of a payment with tax-exempt money (isPartialCancelable false)', async () => {
    const payment = await approve(10000, { taxExemptionAmount: 500 });
    expect(payment.isPartialCancelable).toBe(false);
    const partial = await cancel(payment.paymentKey, { cancelReason: '부분 환불', cancelAmount: 1000 });
    expect(partial.status).toBe(403);
    expect(partial.json).toEqual({
      code: 'NOT_ALLOWED_PARTIAL_REFUND',
      message: '에스크로 주문, 현금 카드 결제 등의 사유로 부분 환불이 불가합니다.',
    });
    const full = await cancel(payment.paymentKey, { cancelReason: '전액 환불' });
    expect(full.json).toMatchObject({ status: 'CANCELED', taxExemptionAmount: 0, vat: 0, suppliedAmount: 0 });
    expect(full.json.cancels?.[0]).toMatchObject({ cancelAmount: 10000, taxExemptionAmount: 500 });
  });

  it('splits tax-free money on partial cancels of a MIXED merchant', async () => {
    const payment = await approve(11000, { taxFreeAmount: 10000 }, MIXED_KEY);
    const partial = await cancel(
      payment.paymentKey,
      { cancelReason: '부분', cancelAmount: 5000, taxFreeAmount: 5000 },
      MIXED_KEY,
    );
    expect(partial.json).toMatchObject({
      balanceAmount: 6000,
      taxFreeAmount: 5000,
      suppliedAmount: 909,
      vat: 91,
    });
    expect(partial.json.cancels?.[0]).toMatchObject({ taxFreeAmount: 5000 });

    // The 1000 taxable won left (6000 − 5000 tax-free) can be cancelled on their own,
    const taxable = await cancel(
      payment.paymentKey,
      { cancelReason: '과세분', cancelAmount: 1000 },
      MIXED_KEY,
    );
    expect(taxable.json).toMatchObject({
      balanceAmount: 5000,
      taxFreeAmount: 5000,
      suppliedAmount: 0,
      vat: 0,
    });
    // but after that no taxable money remains to cancel.
    const tooMuch = await cancel(
      payment.paymentKey,
      { cancelReason: '과세분', cancelAmount: 1000 },
      MIXED_KEY,
    );
    expect(tooMuch.json).toMatchObject({ code: 'INVALID_REQUEST' });

    const rest = await cancel(payment.paymentKey, { cancelReason: '나머지' }, MIXED_KEY);
    expect(rest.json).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 0, taxFreeAmount: 0 });
    expect(rest.json.cancels?.[2]).toMatchObject({ cancelAmount: 5000, taxFreeAmount: 5000 });
  });

  it('answers 404 NOT_FOUND_PAYMENT for an unknown paymentKey', async () => {
    const result = await cancel('tviva20260330143956zzzzz', { cancelReason: '환불' });
    expect(result.status).toBe(404);
    expect(result.json).toMatchObject({ code: 'NOT_FOUND_PAYMENT' });
  });
});
