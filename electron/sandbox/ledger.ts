import type { EndpointDeps } from './endpoint.ts';
import { formatKst, truncateToSecond } from './kst.ts';
import type { Merchant } from './merchants.ts';
import { type CardOnFile, orderKey, type PaymentRecord } from './store.ts';
import type { Payment } from './toss-objects.ts';
import { splitVat } from './vat.ts';

export interface Approval {
  readonly merchant: Merchant;
  readonly customerKey: string;
  readonly cardOnFile: CardOnFile;
  readonly orderId: string;
  readonly orderName: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly taxExemptionAmount: number;
  readonly installmentPlanMonths: number;
  readonly now: Date;
}

const RECEIPT_BASE = 'https://dashboard-sandbox.tosspayments.com/receipt/redirection';

function receiptUrl(transactionKey: string): string {
  return `${RECEIPT_BASE}?transactionId=${transactionKey}&ref=PX`;
}

/** Creates the DONE Payment of a billing charge (§4.2, §4.6, §17.4) and its transaction. */
export function approvePayment(deps: EndpointDeps, approval: Approval): Payment {
  const { merchant, cardOnFile, amount, taxFreeAmount, taxExemptionAmount, now } = approval;
  const paymentKey = deps.ids.paymentKey(merchant.mId, now);
  const transactionKey = deps.ids.transactionKey();
  const at = formatKst(now);
  const { suppliedAmount, vat } = splitVat(amount, taxFreeAmount, taxExemptionAmount);
  const payment: Payment = {
    mId: merchant.mId,
    lastTransactionKey: transactionKey,
    paymentKey,
    orderId: approval.orderId,
    orderName: approval.orderName,
    taxExemptionAmount,
    status: 'DONE',
    requestedAt: at,
    approvedAt: at,
    useEscrow: false,
    cultureExpense: false,
    card: {
      issuerCode: cardOnFile.card.issuerCode,
      acquirerCode: cardOnFile.card.acquirerCode,
      number: cardOnFile.card.number,
      installmentPlanMonths: approval.installmentPlanMonths,
      isInterestFree: false,
      interestPayer: null,
      approveNo: '00000000',
      useCardPoint: false,
      cardType: cardOnFile.card.cardType,
      ownerType: cardOnFile.card.ownerType,
      acquireStatus: 'READY',
      amount,
    },
    virtualAccount: null,
    transfer: null,
    mobilePhone: null,
    giftCertificate: null,
    cashReceipt: null,
    cashReceipts: null,
    discount: null,
    cancels: null,
    secret: deps.ids.secret(),
    type: 'BILLING',
    easyPay: null,
    easyPayAmount: null,
    easyPayDiscountAmount: null,
    country: 'KR',
    failure: null,
    isPartialCancelable: taxExemptionAmount === 0,
    receipt: { url: receiptUrl(transactionKey) },
    checkout: { url: `https://api.tosspayments.com/v1/payments/${paymentKey}/checkout` },
    currency: 'KRW',
    totalAmount: amount,
    balanceAmount: amount,
    suppliedAmount,
    vat,
    taxFreeAmount,
    metadata: null,
    method: '카드',
    version: '2022-11-16',
    transactionKey: null,
  };
  const record: PaymentRecord = { merchant, customerKey: approval.customerKey, payment };
  deps.store.payments.set(paymentKey, record);
  deps.store.paymentsByOrder.set(orderKey(merchant, approval.orderId), record);
  recordTransaction(deps, record, transactionKey, amount, now);
  return payment;
}

/**
 * Appends the transaction (§4.4) for an approval or a cancel that just changed `record`. Its status
 * is the payment's status at that moment and never changes afterwards.
 */
export function recordTransaction(
  deps: EndpointDeps,
  record: PaymentRecord,
  transactionKey: string,
  amount: number,
  now: Date,
): void {
  const { merchant, payment } = record;
  deps.store.transactions.push({
    merchant,
    at: truncateToSecond(now),
    transaction: {
      mId: merchant.mId,
      transactionKey,
      paymentKey: payment.paymentKey,
      orderId: payment.orderId,
      method: '카드',
      customerKey: record.customerKey,
      useEscrow: false,
      receiptUrl: receiptUrl(transactionKey),
      status: payment.status,
      transactionAt: formatKst(now),
      currency: 'KRW',
      amount,
    },
  });
}
