import type { EndpointDeps } from './endpoint.ts';
import { type ErrorCode, errorBody } from './errors.ts';
import { formatKst, truncateToSecond } from './kst.ts';
import type { Merchant } from './merchants.ts';
import { type AbortedRecord, type CardOnFile, orderKey, type PaymentRecord } from './store.ts';
import type { AbortedPayment, Payment } from './toss-objects.ts';
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

// The receipt (sales slip) is the payment's: its URL carries the paymentKey (issue 17 item 7).
function receiptUrl(paymentKey: string): string {
  return `${RECEIPT_BASE}?transactionId=${paymentKey}&ref=PX`;
}

// Toss stamps the request when it arrives and the approval when the issuer answers, so requestedAt
// comes first (§4.6's sample: 40 s apart). The sandbox answers at once and puts the request 1 s earlier.
const REQUEST_LEAD_MS = 1_000;

/** What every billing Payment carries, approved or refused: the order, the amounts and the VAT split. */
function billingPaymentFields(
  merchant: Merchant,
  paymentKey: string,
  order: Pick<Approval, 'orderId' | 'orderName' | 'amount' | 'taxFreeAmount' | 'taxExemptionAmount'>,
) {
  const { amount, taxFreeAmount, taxExemptionAmount } = order;
  const { suppliedAmount, vat } = splitVat(amount, taxFreeAmount, taxExemptionAmount);
  return {
    mId: merchant.mId,
    paymentKey,
    orderId: order.orderId,
    orderName: order.orderName,
    taxExemptionAmount,
    useEscrow: false,
    cultureExpense: false,
    virtualAccount: null,
    transfer: null,
    mobilePhone: null,
    giftCertificate: null,
    cashReceipt: null,
    cashReceipts: null,
    discount: null,
    cancels: null,
    type: 'BILLING',
    easyPay: null,
    country: 'KR',
    isPartialCancelable: taxExemptionAmount === 0,
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
  } as const;
}

/** Creates the DONE Payment of a billing charge (§4.2, §4.6, §17.4) and its transaction. */
export function approvePayment(deps: EndpointDeps, approval: Approval): Payment {
  const { merchant, cardOnFile, amount, now } = approval;
  const paymentKey = deps.ids.paymentKey(merchant.mId, now);
  const transactionKey = deps.ids.transactionKey();
  const payment: Payment = {
    ...billingPaymentFields(merchant, paymentKey, approval),
    lastTransactionKey: transactionKey,
    status: 'DONE',
    requestedAt: formatKst(new Date(now.getTime() - REQUEST_LEAD_MS)),
    approvedAt: formatKst(now),
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
    secret: deps.ids.secret(),
    failure: null,
    receipt: { url: receiptUrl(paymentKey) },
  };
  const record: PaymentRecord = { merchant, customerKey: approval.customerKey, payment };
  deps.store.payments.set(paymentKey, record);
  deps.store.paymentsByOrder.set(orderKey(merchant, approval.orderId), record);
  // An earlier refusal of the same orderId is no longer what a lookup finds.
  deps.store.abortedByOrder.delete(orderKey(merchant, approval.orderId));
  recordTransaction(deps, record, transactionKey, amount, now);
  return payment;
}

export type Refusal = Omit<Approval, 'installmentPlanMonths'>;

/**
 * Keeps a refused charge as a Payment in status ABORTED with its `failure` (the
 * `failedChargeLookup: 'aborted'` switch): found by orderId and by paymentKey, but no approval, no
 * transaction and no receipt. A later approval of the same orderId replaces it for lookups.
 */
export function abortPayment(deps: EndpointDeps, refusal: Refusal, code: ErrorCode): AbortedPayment {
  const { merchant, now } = refusal;
  const paymentKey = deps.ids.paymentKey(merchant.mId, now);
  const payment: AbortedPayment = {
    ...billingPaymentFields(merchant, paymentKey, refusal),
    lastTransactionKey: null,
    status: 'ABORTED',
    requestedAt: formatKst(now),
    approvedAt: null,
    card: null,
    secret: null,
    // Stored as Toss keeps it: the Korean message, whatever the refused request's language was.
    failure: errorBody(code, 'ko'),
    receipt: null,
  };
  const record: AbortedRecord = { merchant, payment };
  deps.store.abortedPayments.set(paymentKey, record);
  deps.store.abortedByOrder.set(orderKey(merchant, refusal.orderId), record);
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
      receiptUrl: receiptUrl(payment.paymentKey),
      status: payment.status,
      transactionAt: formatKst(now),
      currency: 'KRW',
      amount,
    },
  });
}
