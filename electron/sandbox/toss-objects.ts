// The shapes Toss returns (§4), declared from the spec alone. Every documented field is present and
// absent values are null, never omitted (§17.8), so property order here is the order on the wire.

export type CardType = '신용' | '체크' | '기프트' | '미확인';
export type OwnerType = '개인' | '법인' | '미확인';
export type PaymentStatus = 'DONE' | 'CANCELED' | 'PARTIAL_CANCELED';

/** §4.1 `card` */
export interface BillingCard {
  readonly issuerCode: string;
  readonly acquirerCode: string | null;
  readonly number: string;
  readonly cardType: CardType;
  readonly ownerType: OwnerType;
}

/**
 * §4.1 in API version 2022-11-16, the version every Payment says it is: that version still has
 * cardCompany (the issuer's Korean short name) and cardNumber (masked); 2024-06-01 removed them.
 */
export interface Billing {
  readonly mId: string;
  readonly customerKey: string;
  readonly authenticatedAt: string;
  readonly method: '카드';
  readonly billingKey: string;
  readonly card: BillingCard;
  readonly transfers: null;
  readonly cardCompany: string;
  readonly cardNumber: string;
}

/** §4.5: the error object, as a looked-up payment that failed carries it. */
export interface Failure {
  readonly code: string;
  readonly message: string;
}

/** §4.2.1 */
export interface PaymentCard {
  readonly issuerCode: string;
  readonly acquirerCode: string | null;
  readonly number: string;
  readonly installmentPlanMonths: number;
  readonly isInterestFree: boolean;
  readonly interestPayer: null;
  readonly approveNo: string;
  readonly useCardPoint: boolean;
  readonly cardType: CardType;
  readonly ownerType: OwnerType;
  readonly acquireStatus: 'READY';
  readonly amount: number;
}

/** §4.3 */
export interface CancelEntry {
  readonly transactionKey: string;
  readonly cancelReason: string;
  readonly taxExemptionAmount: number;
  readonly canceledAt: string;
  readonly transferDiscountAmount: number;
  readonly easyPayDiscountAmount: number;
  readonly receiptKey: string;
  readonly cancelAmount: number;
  readonly taxFreeAmount: number;
  readonly refundableAmount: number;
  readonly cardDiscountAmount: number;
  readonly cancelStatus: 'DONE';
  readonly cancelRequestId: null;
}

/**
 * §4.2 as of API version 2022-11-16, which has no easyPayAmount or easyPayDiscountAmount, and no
 * transactionKey beside lastTransactionKey. The fields a cancel changes are mutable; the record is
 * the single copy of the payment.
 */
export interface Payment {
  readonly mId: string;
  lastTransactionKey: string;
  readonly paymentKey: string;
  readonly orderId: string;
  readonly orderName: string;
  taxExemptionAmount: number;
  status: PaymentStatus;
  readonly requestedAt: string;
  readonly approvedAt: string;
  readonly useEscrow: false;
  readonly cultureExpense: false;
  readonly card: PaymentCard;
  readonly virtualAccount: null;
  readonly transfer: null;
  readonly mobilePhone: null;
  readonly giftCertificate: null;
  readonly cashReceipt: null;
  readonly cashReceipts: null;
  readonly discount: null;
  cancels: CancelEntry[] | null;
  readonly secret: string;
  readonly type: 'BILLING';
  readonly easyPay: null;
  readonly country: 'KR';
  readonly failure: null;
  readonly isPartialCancelable: boolean;
  readonly receipt: { readonly url: string };
  readonly checkout: { readonly url: string };
  readonly currency: 'KRW';
  readonly totalAmount: number;
  balanceAmount: number;
  suppliedAmount: number;
  vat: number;
  taxFreeAmount: number;
  readonly metadata: null;
  readonly method: '카드';
  readonly version: '2022-11-16';
}

/**
 * A refused charge kept as Toss keeps a failed payment (§3.7, the `failedChargeLookup: 'aborted'`
 * switch): the Payment's fields, never approved, with the refusal in `failure`.
 */
export interface AbortedPayment
  extends Omit<
    Payment,
    'lastTransactionKey' | 'status' | 'approvedAt' | 'card' | 'secret' | 'failure' | 'receipt'
  > {
  readonly lastTransactionKey: null;
  readonly status: 'ABORTED';
  readonly approvedAt: null;
  readonly card: null;
  readonly secret: null;
  readonly failure: Failure;
  readonly receipt: null;
}

/** §4.4 */
export interface Transaction {
  readonly mId: string;
  readonly transactionKey: string;
  readonly paymentKey: string;
  readonly orderId: string;
  readonly method: '카드';
  readonly customerKey: string;
  readonly useEscrow: false;
  readonly receiptUrl: string;
  readonly status: PaymentStatus;
  readonly transactionAt: string;
  readonly currency: 'KRW';
  readonly amount: number;
}
