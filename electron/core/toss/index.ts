export { tossBaseUrlAllowed } from './base-url.ts';
export {
  type BillingKeyRef,
  createTossClient,
  type GetOptions,
  type PostOptions,
  TOSS_API_BASE_URL,
  type TossClient,
  type TossClientOptions,
} from './client.ts';
export { retryClassOf, type TossRetryClass } from './retry-class.ts';
export type {
  Billing,
  CancelPaymentRequest,
  ChargeBillingKeyRequest,
  IssueBillingKeyWithAuthKeyRequest,
  IssueBillingKeyWithCardRequest,
  ListTransactionsRequest,
  Payment,
  PaymentCancel,
  Transaction,
} from './schemas.ts';
export { type ClientErrorCode, type MessageLanguage, TossError } from './toss-error.ts';
export {
  kstQueryDateTime,
  listTransactionsInRange,
  type TransactionRange,
} from './transaction-pages.ts';
export { MIN_RESPONSE_TIMEOUT_MS, type TossRequestLogEntry } from './transport.ts';
