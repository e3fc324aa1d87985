import { describe, expect, it } from 'vitest';
import { TEST_CARDS } from '../../electron/sandbox/index.ts';
import { CARD, chargeBody, manualClock, type Payment, sandboxPerTest } from './harness.ts';

const PAYMENT_FIELDS = [
  'mId',
  'lastTransactionKey',
  'paymentKey',
  'orderId',
  'orderName',
  'taxExemptionAmount',
  'status',
  'requestedAt',
  'approvedAt',
  'useEscrow',
  'cultureExpense',
  'card',
  'virtualAccount',
  'transfer',
  'mobilePhone',
  'giftCertificate',
  'cashReceipt',
  'cashReceipts',
  'discount',
  'cancels',
  'secret',
  'type',
  'easyPay',
  'country',
  'failure',
  'isPartialCancelable',
  'receipt',
  'checkout',
  'currency',
  'totalAmount',
  'balanceAmount',
  'suppliedAmount',
  'vat',
  'taxFreeAmount',
  'metadata',
  'method',
  'version',
];

describe('POST /v1/billing/{billingKey} (§3.3)', () => {
  const clock = manualClock();
  const sandbox = sandboxPerTest(() => ({ now: clock.now }));

  it('approves with a Payment carrying every documented field (§4.2, §4.6)', async () => {
    const billing = await sandbox.api.issue();
    const result = await sandbox.api.charge(billing.billingKey, chargeBody());
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const payment = result.json;
    expect(Object.keys(payment).sort()).toEqual([...PAYMENT_FIELDS].sort());
    expect(payment).toEqual({
      mId: billing.mId,
      lastTransactionKey: expect.stringMatching(/^[0-9A-F]{32}$/),
      paymentKey: expect.stringMatching(/^tviva20260330143956[A-Za-z0-9]{5}$/),
      orderId: 'order_2026_03_0001',
      orderName: '3월 회비',
      taxExemptionAmount: 0,
      status: 'DONE',
      // The request is stamped before its approval (issue 17 item 7).
      requestedAt: '2026-03-30T14:39:55+09:00',
      approvedAt: '2026-03-30T14:39:56+09:00',
      useEscrow: false,
      cultureExpense: false,
      card: {
        issuerCode: '21',
        acquirerCode: '21',
        number: '94100012****789*',
        installmentPlanMonths: 0,
        isInterestFree: false,
        interestPayer: null,
        approveNo: '00000000',
        useCardPoint: false,
        cardType: '신용',
        ownerType: '개인',
        acquireStatus: 'READY',
        amount: 15000,
      },
      virtualAccount: null,
      transfer: null,
      mobilePhone: null,
      giftCertificate: null,
      cashReceipt: null,
      cashReceipts: null,
      discount: null,
      cancels: null,
      secret: expect.stringMatching(/^ps_[A-Za-z0-9]{28}$/),
      type: 'BILLING',
      easyPay: null,
      country: 'KR',
      failure: null,
      isPartialCancelable: true,
      receipt: {
        // The payment's key, not the transaction's (issue 17 item 7).
        url: `https://dashboard-sandbox.tosspayments.com/receipt/redirection?transactionId=${payment.paymentKey}&ref=PX`,
      },
      checkout: { url: `https://api.tosspayments.com/v1/payments/${payment.paymentKey}/checkout` },
      currency: 'KRW',
      totalAmount: 15000,
      balanceAmount: 15000,
      suppliedAmount: 13636,
      vat: 1364,
      taxFreeAmount: 0,
      metadata: null,
      method: '카드',
      version: '2022-11-16',
    });
    expect(result.headers.get('x-tosspayments-trace-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('takes the billing key raw or percent-encoded', async () => {
    const billing = await sandbox.api.issue();
    expect(billing.billingKey.endsWith('=')).toBe(true);
    const raw = await sandbox.api.call<Payment>('POST', `/v1/billing/${billing.billingKey}`, {
      body: chargeBody({ orderId: 'order_raw_key' }),
    });
    expect(raw.status).toBe(200);
    const encoded = await sandbox.api.charge(
      billing.billingKey,
      chargeBody({ orderId: 'order_encoded_key' }),
    );
    expect(encoded.status).toBe(200);
  });

  describe('scripted cards', () => {
    it.each(TEST_CARDS.filter((card) => card.issue === 'ISSUED').map((card) => [card.bin, card] as const))(
      'BIN %s charges as scripted',
      async (_bin, card) => {
        const billing = await sandbox.api.issue({
          cardNumber: card.exampleNumber,
          customerIdentityNumber: card.identity === 'business-number' ? '1234567890' : '900101',
        });
        const result = await sandbox.api.charge(billing.billingKey, chargeBody());
        if (card.charge === 'DONE') {
          expect(result.status).toBe(200);
          expect(result.json.status).toBe('DONE');
          expect(result.json.card).toMatchObject({ issuerCode: card.issuerCode, cardType: card.cardType });
        } else {
          expect(result.status).toBe(card.charge === 'REJECT_CARD_PAYMENT' ? 403 : 400);
          expect(result.json).toMatchObject({ code: card.charge });
        }
      },
    );

    it('leaves nothing behind when a charge is refused, so the orderId can be used again', async () => {
      const declining = await sandbox.api.issue({ cardNumber: '9410011234567890' });
      const refused = await sandbox.api.charge(declining.billingKey, chargeBody());
      expect(refused.status).toBe(403);
      expect(refused.json).toEqual({
        code: 'REJECT_CARD_PAYMENT',
        message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
      });
      const lookup = await sandbox.api.call('GET', `/v1/payments/orders/${chargeBody().orderId}`);
      expect(lookup.status).toBe(404);
      expect(lookup.json.code).toBe('NOT_FOUND_PAYMENT');
      expect(await sandbox.api.payments()).toEqual([]);

      const working = await sandbox.api.issue();
      expect((await sandbox.api.charge(working.billingKey, chargeBody())).status).toBe(200);
    });

    it('stops charging a key once its card has expired', async () => {
      const billing = await sandbox.api.issue({ cardExpirationYear: '26', cardExpirationMonth: '03' });
      expect(
        (await sandbox.api.charge(billing.billingKey, chargeBody({ orderId: 'order_march' }))).status,
      ).toBe(200);
      clock.set('2026-03-31T15:00:00Z'); // 2026-04-01 00:00 KST
      const result = await sandbox.api.charge(billing.billingKey, chargeBody({ orderId: 'order_april' }));
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ code: 'INVALID_CARD_EXPIRATION' });
    });
  });

  describe('validation order (§17.4)', () => {
    const code = async (billingKey: string, body: unknown) =>
      (await sandbox.api.call('POST', `/v1/billing/${encodeURIComponent(billingKey)}`, { body })).json.code;

    it('checks the billing key before the body', async () => {
      expect(await code('no_such_key=', 'not json')).toBe('INVALID_BILL_KEY_REQUEST');
      const billing = await sandbox.api.issue();
      await sandbox.api.call('DELETE', `/v1/billing/${encodeURIComponent(billing.billingKey)}`);
      expect(await code(billing.billingKey, 'not json')).toBe('ALREADY_REMOVED_BILLING_KEY');
    });

    it('checks required fields before the customerKey', async () => {
      const billing = await sandbox.api.issue();
      for (const missing of ['amount', 'customerKey', 'orderId', 'orderName']) {
        const body = chargeBody({ customerKey: 'wrong_customer' });
        delete body[missing];
        expect(await code(billing.billingKey, body)).toBe('INVALID_REQUEST');
      }
      expect(await code(billing.billingKey, 'not json')).toBe('INVALID_REQUEST');
      expect(await code(billing.billingKey, chargeBody({ orderName: '' }))).toBe('INVALID_REQUEST');
      expect(await code(billing.billingKey, chargeBody({ amount: '15000' }))).toBe('INVALID_REQUEST');
      expect(await code(billing.billingKey, chargeBody({ amount: 15000.5 }))).toBe('INVALID_REQUEST');
    });

    it('checks the customerKey before the orderId', async () => {
      const billing = await sandbox.api.issue();
      const result = await sandbox.api.charge(
        billing.billingKey,
        chargeBody({ customerKey: 'wrong', orderId: 'bad' }),
      );
      expect(result.status).toBe(400);
      expect(result.json).toEqual({
        code: 'NOT_MATCHES_CUSTOMER_KEY',
        message: '빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.',
      });
    });

    it('checks the orderId format before the amount', async () => {
      const billing = await sandbox.api.issue();
      for (const orderId of ['abc12', 'o'.repeat(65), 'order#0001', '주문번호00001']) {
        expect(await code(billing.billingKey, chargeBody({ orderId, amount: 50 }))).toBe('INVALID_REQUEST');
      }
      for (const orderId of ['abc123', 'o'.repeat(64), 'sub_42-2026.03=A']) {
        expect((await sandbox.api.charge(billing.billingKey, chargeBody({ orderId }))).status).toBe(200);
      }
    });

    it('checks orderName length, email and installment plan', async () => {
      const billing = await sandbox.api.issue();
      expect(await code(billing.billingKey, chargeBody({ orderName: 'n'.repeat(101) }))).toBe(
        'INVALID_ORDER_NAME',
      );
      expect(await code(billing.billingKey, chargeBody({ customerEmail: 'a@b' }))).toBe('INVALID_EMAIL');
      expect(await code(billing.billingKey, chargeBody({ cardInstallmentPlan: 1 }))).toBe(
        'INVALID_CARD_INSTALLMENT_PLAN',
      );
      expect(await code(billing.billingKey, chargeBody({ cardInstallmentPlan: 13 }))).toBe(
        'INVALID_CARD_INSTALLMENT_PLAN',
      );
      // Installments need at least 50,000 KRW (§7).
      expect(await code(billing.billingKey, chargeBody({ amount: 49_999, cardInstallmentPlan: 3 }))).toBe(
        'INVALID_CARD_INSTALLMENT_PLAN',
      );
      const plan = await sandbox.api.charge(
        billing.billingKey,
        chargeBody({ amount: 50_000, cardInstallmentPlan: 3 }),
      );
      expect(plan.json.card.installmentPlanMonths).toBe(3);
      const debit = await sandbox.api.issue({ cardNumber: '9410051234567890' });
      expect(
        await code(
          debit.billingKey,
          chargeBody({ orderId: 'order_debit', amount: 50_000, cardInstallmentPlan: 3 }),
        ),
      ).toBe('NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN');
    });

    it('checks the minimum amount before the orderId history', async () => {
      const billing = await sandbox.api.issue();
      expect((await sandbox.api.charge(billing.billingKey, chargeBody())).status).toBe(200);
      const below = await sandbox.api.charge(billing.billingKey, chargeBody({ amount: 99 }));
      expect(below.status).toBe(400);
      expect(below.json).toEqual({
        code: 'BELOW_MINIMUM_AMOUNT',
        message: '신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.',
      });
      expect(
        (await sandbox.api.charge(billing.billingKey, chargeBody({ orderId: 'order_100', amount: 100 })))
          .status,
      ).toBe(200);
    });

    it('refuses an orderId already approved or cancelled, before asking the card', async () => {
      const billing = await sandbox.api.issue();
      const first = (await sandbox.api.charge(billing.billingKey, chargeBody())).json;
      const again = await sandbox.api.charge(billing.billingKey, chargeBody());
      expect(again.status).toBe(400);
      expect(again.json).toMatchObject({ code: 'DUPLICATED_ORDER_ID' });

      const declining = await sandbox.api.issue({ cardNumber: '9410011234567890' });
      expect(await code(declining.billingKey, chargeBody())).toBe('DUPLICATED_ORDER_ID');

      await sandbox.api.call('POST', `/v1/payments/${first.paymentKey}/cancel`, {
        body: { cancelReason: '환불' },
      });
      expect(await code(billing.billingKey, chargeBody())).toBe('DUPLICATED_ORDER_ID');
    });

    it('ignores unknown fields and nulls (Q1 WooCommerce body)', async () => {
      const billing = await sandbox.api.issue();
      const result = await sandbox.api.charge(
        billing.billingKey,
        chargeBody({
          dividedSettlementInfo: null,
          useHyundaiVoucher: null,
          productCode: null,
          useCardPoint: false,
          customBusinessNumber: null,
          customerMobilePhone: '01012345678',
          customerEmail: null,
          taxFreeAmount: null,
        }),
      );
      expect(result.status).toBe(200);
    });

    it('refuses bodies over 1 MiB with INVALID_REQUEST', async () => {
      const billing = await sandbox.api.issue();
      const result = await sandbox.api.charge(
        billing.billingKey,
        chargeBody({ padding: 'x'.repeat(1024 * 1024) }),
      );
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject({ code: 'INVALID_REQUEST' });
    });
  });
});

describe('VAT (§5.1)', () => {
  const sandbox = sandboxPerTest(() => ({
    merchants: { test_sk_mixed_store: { taxType: 'MIXED' }, test_sk_tax_free_store: { taxType: 'TAX_FREE' } },
  }));

  async function approve(amount: number, extra: Readonly<Record<string, unknown>> = {}, key?: string) {
    const billing = await sandbox.api.issue({}, { key });
    const result = await sandbox.api.charge(billing.billingKey, chargeBody({ amount, ...extra }), { key });
    expect(result.status).toBe(200);
    return result.json;
  }

  it.each([
    [15000, 13636, 1364],
    [163020, 148200, 14820],
    [30000, 27273, 2727],
    [9026, 8205, 821],
    [50_000_000_000, 45_454_545_455, 4_545_454_545],
  ])('splits %i into supplied %i and VAT %i', async (amount, supplied, vat) => {
    const payment = await approve(amount);
    expect(payment).toMatchObject({ totalAmount: amount, suppliedAmount: supplied, vat, taxFreeAmount: 0 });
  });

  it('applies taxFreeAmount for a MIXED merchant: 11000 with 10000 tax-free → 909 + 91', async () => {
    const payment = await approve(11000, { taxFreeAmount: 10000 }, 'test_sk_mixed_store');
    expect(payment).toMatchObject({ suppliedAmount: 909, vat: 91, taxFreeAmount: 10000 });
  });

  it("applies O1's example: 10000 with 3000 tax-free → VAT 636", async () => {
    const payment = await approve(10000, { taxFreeAmount: 3000 }, 'test_sk_mixed_store');
    expect(payment).toMatchObject({ suppliedAmount: 6364, vat: 636, taxFreeAmount: 3000 });
  });

  it('applies taxFreeAmount for a TAX_FREE merchant', async () => {
    const payment = await approve(10000, { taxFreeAmount: 10000 }, 'test_sk_tax_free_store');
    expect(payment).toMatchObject({ suppliedAmount: 0, vat: 0, taxFreeAmount: 10000 });
  });

  it('ignores taxFreeAmount for a TAXABLE merchant and reports 0', async () => {
    const payment = await approve(15000, { taxFreeAmount: 5000 });
    expect(payment).toMatchObject({ suppliedAmount: 13636, vat: 1364, taxFreeAmount: 0 });
  });

  it('keeps taxExemptionAmount out of the VAT base and forbids partial cancels', async () => {
    const payment = await approve(10000, { taxExemptionAmount: 1000 });
    expect(payment).toMatchObject({
      suppliedAmount: 8182,
      vat: 818,
      taxExemptionAmount: 1000,
      isPartialCancelable: false,
    });
  });

  it('refuses tax parts larger than the amount', async () => {
    const billing = await sandbox.api.issue();
    const result = await sandbox.api.charge(
      billing.billingKey,
      chargeBody({ amount: 1000, taxExemptionAmount: 1001 }),
    );
    expect(result.json).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('DELETE /v1/billing/{billingKey} (§3.4)', () => {
  const sandbox = sandboxPerTest();
  const remove = (billingKey: string) =>
    sandbox.api.call('DELETE', `/v1/billing/${encodeURIComponent(billingKey)}`);

  it('answers 200 with an empty body, then refuses the key', async () => {
    const billing = await sandbox.api.issue();
    const removed = await remove(billing.billingKey);
    expect(removed.status).toBe(200);
    expect(removed.bytes.length).toBe(0);
    expect(removed.headers.get('content-length')).toBe('0');

    const again = await remove(billing.billingKey);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({ code: 'ALREADY_REMOVED_BILLING_KEY', message: '이미 삭제된 빌링키입니다.' });

    const charge = await sandbox.api.charge(billing.billingKey, chargeBody());
    expect(charge.status).toBe(400);
    expect(charge.json).toMatchObject({ code: 'ALREADY_REMOVED_BILLING_KEY' });

    const keys = await sandbox.api.call<{ status: string }[]>('GET', '/__sandbox/billing-keys');
    expect(keys.json.map((key) => key.status)).toEqual(['REMOVED']);
  });

  it('answers 400 INVALID_BILL_KEY_REQUEST for an unknown key', async () => {
    const result = await remove('Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=');
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      code: 'INVALID_BILL_KEY_REQUEST',
      message: '빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다.',
    });
  });

  it('keeps earlier payments of a removed key', async () => {
    const billing = await sandbox.api.issue();
    const payment = (await sandbox.api.charge(billing.billingKey, chargeBody())).json;
    await remove(billing.billingKey);
    const lookup = await sandbox.api.call<Payment>('GET', `/v1/payments/${payment.paymentKey}`);
    expect(lookup.json.status).toBe('DONE');
  });
});

describe('lookups (§3.7) and routing', () => {
  const sandbox = sandboxPerTest();

  it('finds a payment by paymentKey and by orderId', async () => {
    const billing = await sandbox.api.issue();
    const charged = await sandbox.api.charge(billing.billingKey, chargeBody());
    const byKey = await sandbox.api.call<Payment>('GET', `/v1/payments/${charged.json.paymentKey}`);
    const byOrder = await sandbox.api.call<Payment>('GET', `/v1/payments/orders/${charged.json.orderId}`);
    expect(byKey.status).toBe(200);
    expect(byKey.text).toBe(charged.text);
    expect(byOrder.text).toBe(charged.text);
  });

  it('answers 404 NOT_FOUND_PAYMENT for unknown keys and orders', async () => {
    for (const path of ['/v1/payments/tviva20260330143956abcde', '/v1/payments/orders/order_unknown']) {
      const result = await sandbox.api.call('GET', path);
      expect(result.status).toBe(404);
      expect(result.json).toEqual({ code: 'NOT_FOUND_PAYMENT', message: '존재하지 않는 결제 정보 입니다.' });
    }
  });

  it('answers 404 NOT_FOUND for unknown paths and NOT_FOUND_HTTP_METHOD for known paths', async () => {
    const unknown = await sandbox.api.call('GET', '/v1/settlements');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ code: 'NOT_FOUND', message: '존재하지 않는 정보 입니다.' });
    for (const [method, path] of [
      ['GET', '/v1/billing/authorizations/card'],
      ['PUT', '/v1/payments/some_payment'],
      ['GET', '/v1/billing/some_key='],
      ['DELETE', '/v1/transactions'],
    ] as const) {
      const result = await sandbox.api.call(method, path);
      expect(result.status).toBe(404);
      expect(result.json).toEqual({
        code: 'NOT_FOUND_HTTP_METHOD',
        message: '존재하지 않는 HTTP 메소드 접근입니다.',
      });
    }
  });

  it('keeps the card number out of everything it answers', async () => {
    const billing = await sandbox.api.issue();
    const charged = await sandbox.api.charge(billing.billingKey, chargeBody());
    const listings = await Promise.all([
      sandbox.api.call('GET', '/__sandbox/payments'),
      sandbox.api.call('GET', '/__sandbox/billing-keys'),
    ]);
    for (const text of [charged.text, JSON.stringify(billing), ...listings.map((listing) => listing.text)]) {
      expect(text).not.toContain(CARD.cardNumber);
    }
  });
});
