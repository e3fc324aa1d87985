import { describe, expect, it } from 'vitest';
import { expectTossError } from '../support/expect-toss-error.ts';
import {
  GOOD_CARD,
  newCustomerKey,
  newIdempotencyKey,
  newOrderId,
  registerCard,
} from '../support/toss-fixtures.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';

const sandbox = sandboxPerFile();

async function registeredCard(cardNumber: string = GOOD_CARD.cardNumber) {
  const client = sandbox.client();
  return { client, ...(await registerCard(client, cardNumber)) };
}

function chargeBody(amount = 15_000) {
  return { amount, orderId: newOrderId(), orderName: '헬스 1개월 회원권' };
}

describe('issuing billing keys from card data', () => {
  it('returns the Billing object with a 44-character key and Toss-masked card', async () => {
    const { billing, key } = await registeredCard();
    expect(billing.billingKey).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(billing.customerKey).toBe(key.customerKey);
    expect(billing.method).toBe('카드');
    expect(billing.authenticatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(billing.card?.number).not.toContain('1234567890');
    expect(billing.card?.number).toContain('*');
    expect(billing.card).toMatchObject({ issuerCode: '21', cardType: '신용', ownerType: '개인' });
  });

  it.each([
    ['9410901234567890', 'INVALID_CARD_NUMBER', 'permanent'],
    ['9410911234567890', 'INVALID_CARD_EXPIRATION', 'permanent'],
    ['9410921234567890', 'INVALID_CARD_PASSWORD', 'input'],
    ['9410931234567890', 'INVALID_CARD_IDENTITY', 'input'],
  ] as const)('card %s is refused at issue with %s (%s)', async (cardNumber, code, retryClass) => {
    const client = sandbox.client();
    await expectTossError(
      client.issueBillingKeyWithCard(
        { ...GOOD_CARD, cardNumber, customerKey: newCustomerKey() },
        { idempotencyKey: newIdempotencyKey() },
      ),
      { status: 400, code, retryClass },
    );
  });

  it('answers 404 NOT_FOUND_BILLING for an unknown authKey', async () => {
    const client = sandbox.client();
    await expectTossError(
      client.issueBillingKeyWithAuthKey(
        { authKey: 'bln_unknown_auth_key', customerKey: newCustomerKey() },
        { idempotencyKey: newIdempotencyKey() },
      ),
      {
        status: 404,
        code: 'NOT_FOUND_BILLING',
        retryClass: 'permanent',
        message: '존재하지 않는 빌링 결제 인증 정보 입니다.',
      },
    );
  });
});

describe('charging a billing key', () => {
  it('approves with the VAT split of §5.1 and every field the ledger needs', async () => {
    const { client, key } = await registeredCard();
    const body = chargeBody(15_000);
    const payment = await client.chargeBillingKey(key, body, { idempotencyKey: newIdempotencyKey() });
    expect(payment).toMatchObject({
      type: 'BILLING',
      status: 'DONE',
      method: '카드',
      orderId: body.orderId,
      orderName: body.orderName,
      currency: 'KRW',
      totalAmount: 15_000,
      balanceAmount: 15_000,
      suppliedAmount: 13_636,
      vat: 1_364,
      taxFreeAmount: 0,
      cancels: null,
      failure: null,
    });
    expect(payment.card).toMatchObject({ amount: 15_000, approveNo: '00000000', cardType: '신용' });
    expect(payment.approvedAt).toMatch(/\+09:00$/);
    expect(payment.receipt?.url).toMatch(/^https:\/\//);
  });

  it.each([
    ['9410011234567890', 403, 'REJECT_CARD_PAYMENT', 'soft-decline'],
    ['9410021234567890', 400, 'INVALID_STOPPED_CARD', 'permanent'],
    ['9410031234567890', 400, 'INVALID_CARD_LOST_OR_STOLEN', 'permanent'],
    ['9410041234567890', 400, 'NOT_SUPPORTED_CARD_TYPE', 'permanent'],
  ] as const)('card %s declines on charge with %i %s (%s)', async (cardNumber, status, code, retryClass) => {
    const { client, key } = await registeredCard(cardNumber);
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() }),
      {
        status,
        code,
        retryClass,
      },
    );
  });

  it('refuses a customerKey the billing key was not issued for', async () => {
    const { client, key } = await registeredCard();
    await expectTossError(
      client.chargeBillingKey({ ...key, customerKey: newCustomerKey() }, chargeBody(), {
        idempotencyKey: newIdempotencyKey(),
      }),
      {
        status: 400,
        code: 'NOT_MATCHES_CUSTOMER_KEY',
        retryClass: 'permanent',
        message: '빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.',
      },
    );
  });

  it('passes BELOW_MINIMUM_AMOUNT through as an input error', async () => {
    const { client, key } = await registeredCard();
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(99), { idempotencyKey: newIdempotencyKey() }),
      {
        status: 400,
        code: 'BELOW_MINIMUM_AMOUNT',
        retryClass: 'input',
      },
    );
  });

  it('treats DUPLICATED_ORDER_ID as an unknown outcome, since the first try may have charged', async () => {
    const { client, key } = await registeredCard();
    const body = chargeBody();
    await client.chargeBillingKey(key, body, { idempotencyKey: newIdempotencyKey() });
    await expectTossError(client.chargeBillingKey(key, body, { idempotencyKey: newIdempotencyKey() }), {
      status: 400,
      code: 'DUPLICATED_ORDER_ID',
      retryClass: 'unknown-outcome',
    });
  });

  it('percent-encodes the billing key in the path and still finds it', async () => {
    const { client, key } = await registeredCard();
    expect(encodeURIComponent(key.billingKey)).toContain('%3D');
    const payment = await client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() });
    expect(payment.status).toBe('DONE');
  });
});

describe('deleting a billing key', () => {
  it('deletes once, then answers ALREADY_REMOVED_BILLING_KEY for a delete or a charge', async () => {
    const { client, key } = await registeredCard();
    await expect(client.deleteBillingKey(key.billingKey)).resolves.toBeUndefined();
    await expectTossError(client.deleteBillingKey(key.billingKey), {
      status: 400,
      code: 'ALREADY_REMOVED_BILLING_KEY',
      retryClass: 'permanent',
    });
    await expectTossError(
      client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() }),
      {
        status: 400,
        code: 'ALREADY_REMOVED_BILLING_KEY',
        retryClass: 'permanent',
      },
    );
  });

  it('answers INVALID_BILL_KEY_REQUEST for a key it never issued', async () => {
    const client = sandbox.client();
    await expectTossError(client.deleteBillingKey('Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0='), {
      status: 400,
      code: 'INVALID_BILL_KEY_REQUEST',
      retryClass: 'permanent',
    });
  });
});

describe('cancelling and looking up payments', () => {
  it('refunds partially, then the rest: PARTIAL_CANCELED with balance 0, then 403', async () => {
    const { client, key } = await registeredCard();
    const paid = await client.chargeBillingKey(key, chargeBody(10_000), {
      idempotencyKey: newIdempotencyKey(),
    });
    const first = await client.cancelPayment(
      paid.paymentKey,
      { cancelReason: '부분 환불', cancelAmount: 1_000 },
      { idempotencyKey: newIdempotencyKey() },
    );
    expect(first).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 9_000, totalAmount: 10_000 });
    expect(first.cancels?.[0]).toMatchObject({
      cancelAmount: 1_000,
      refundableAmount: 9_000,
      cancelStatus: 'DONE',
    });
    const rest = await client.cancelPayment(
      paid.paymentKey,
      { cancelReason: '잔액 환불', refundableAmount: 9_000 },
      { idempotencyKey: newIdempotencyKey() },
    );
    expect(rest).toMatchObject({ status: 'PARTIAL_CANCELED', balanceAmount: 0, suppliedAmount: 0, vat: 0 });
    expect(rest.cancels).toHaveLength(2);
    await expectTossError(
      client.cancelPayment(
        paid.paymentKey,
        { cancelReason: '또 환불' },
        { idempotencyKey: newIdempotencyKey() },
      ),
      {
        status: 403,
        code: 'NOT_CANCELABLE_AMOUNT',
        retryClass: 'input',
        message: '취소 할 수 없는 금액 입니다.',
      },
    );
  });

  it('cancels fully to CANCELED and refuses a second cancel', async () => {
    const { client, key } = await registeredCard();
    const paid = await client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() });
    const canceled = await client.cancelPayment(
      paid.paymentKey,
      { cancelReason: '회원 요청' },
      { idempotencyKey: newIdempotencyKey() },
    );
    expect(canceled).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    await expectTossError(
      client.cancelPayment(
        paid.paymentKey,
        { cancelReason: '회원 요청' },
        { idempotencyKey: newIdempotencyKey() },
      ),
      { status: 400, code: 'ALREADY_CANCELED_PAYMENT', retryClass: 'input' },
    );
  });

  it('guards a refund with refundableAmount', async () => {
    const { client, key } = await registeredCard();
    const paid = await client.chargeBillingKey(key, chargeBody(10_000), {
      idempotencyKey: newIdempotencyKey(),
    });
    await expectTossError(
      client.cancelPayment(
        paid.paymentKey,
        { cancelReason: '환불', cancelAmount: 1_000, refundableAmount: 5_000 },
        { idempotencyKey: newIdempotencyKey() },
      ),
      { status: 400, code: 'NOT_MATCHES_REFUNDABLE_AMOUNT', retryClass: 'input' },
    );
    expect((await client.getPayment(paid.paymentKey)).balanceAmount).toBe(10_000);
  });

  it('finds a payment by paymentKey and by orderId, and answers 404 for unknown ones', async () => {
    const { client, key } = await registeredCard();
    const paid = await client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() });
    expect((await client.getPayment(paid.paymentKey)).orderId).toBe(paid.orderId);
    expect((await client.getPaymentByOrderId(paid.orderId)).paymentKey).toBe(paid.paymentKey);
    const notFound = { status: 404, code: 'NOT_FOUND_PAYMENT', retryClass: 'permanent' } as const;
    await expectTossError(client.getPayment('tviva20260101000000AAAAA'), notFound);
    await expectTossError(client.getPaymentByOrderId(newOrderId()), notFound);
  });

  it('lists approvals and cancels as transactions, page by page', async () => {
    const { client, key } = await registeredCard();
    const paid = await client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() });
    await client.chargeBillingKey(key, chargeBody(), { idempotencyKey: newIdempotencyKey() });
    await client.cancelPayment(
      paid.paymentKey,
      { cancelReason: '환불' },
      { idempotencyKey: newIdempotencyKey() },
    );
    const range = { startDate: '2000-01-01', endDate: '2999-12-31T23:59:59' };
    const all = await client.listTransactions(range);
    expect(all).toHaveLength(3);
    expect(all.every((tx) => tx.customerKey === key.customerKey)).toBe(true);
    const firstPage = await client.listTransactions({ ...range, limit: 2 });
    const secondPage = await client.listTransactions({
      ...range,
      limit: 2,
      startingAfter: firstPage.at(-1)?.transactionKey ?? '',
    });
    expect([...firstPage, ...secondPage].map((tx) => tx.transactionKey)).toEqual(
      all.map((tx) => tx.transactionKey),
    );
  });
});
