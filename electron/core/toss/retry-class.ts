import { CARD_REPLACEMENT_CODES } from '../../../shared/card/index.ts';

/**
 * What a caller may do after a failed Toss request (toss-api.md §8.7). Only `code` decides,
 * never the message, and a code this table does not know is an unknown outcome: Toss adds codes
 * without a version bump, and guessing "failed" for a charge that went through charges twice.
 */
export type TossRetryClass = 'unknown-outcome' | 'soft-decline' | 'permanent' | 'config' | 'input';

const CLASS_BY_CODE: ReadonlyMap<string, TossRetryClass> = new Map<string, TossRetryClass>([
  // The request may have been carried out: look it up before anything else.
  ...codes('unknown-outcome', [
    'IDEMPOTENT_REQUEST_PROCESSING',
    'FORBIDDEN_CONSECUTIVE_REQUEST',
    'PROVIDER_ERROR',
    'NOT_AVAILABLE_BANK',
    'DUPLICATED_ORDER_ID',
    'ALREADY_PROCESSED_PAYMENT',
    // A card company's processing error says nothing about whether it approved (issue 17).
    'CARD_PROCESSING_ERROR',
    // 5xx whatever their status; listed so the table names every code of Toss's page it knows.
    'UNKNOWN_ERROR',
    'UNKNOWN_PAYMENT_ERROR',
    'FAILED_BILLING_AUTO_CANCEL',
  ]),
  // Retry later on a schedule with a new Idempotency-Key, never at once.
  ...codes('soft-decline', [
    'REJECT_CARD_PAYMENT',
    'REJECT_ACCOUNT_PAYMENT',
    'EXCEED_MAX_DAILY_PAYMENT_COUNT',
    'EXCEED_MAX_PAYMENT_AMOUNT',
    'EXCEED_MAX_ONE_DAY_AMOUNT',
    'EXCEED_MAX_AMOUNT',
    // Toss's fraud check blocked the charge and texted the card holder to confirm who they are
    // (measured: 403, nothing charged); once they have, a later try goes through, so it is retried
    // on the dunning schedule instead of asking for a new card.
    'FDS_ERROR',
  ]),
  // The card, the billing key or the payment must change before anything can succeed.
  ...codes('permanent', [
    ...CARD_REPLACEMENT_CODES,
    'EXCEED_MAX_AUTH_COUNT',
    'REJECT_CARD_COMPANY',
    'NOT_FOUND_PAYMENT',
    'NOT_FOUND',
    'NOT_CANCELABLE_PAYMENT',
    'NOT_CANCELABLE_PAYMENT_FOR_DORMANT_USER',
    'NOT_ALLOWED_PARTIAL_REFUND',
    'NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT',
    'EXCEED_MAX_REFUND_DUE',
    'EXCEED_CANCEL_LIMIT',
    'REFUND_REJECTED',
    'FORBIDDEN_BANK_REFUND_REQUEST',
  ]),
  // The store's keys or contract are wrong: staff must fix settings.
  ...codes('config', [
    'UNAUTHORIZED_KEY',
    'INVALID_API_KEY',
    'INCORRECT_BASIC_AUTH_FORMAT',
    'NOT_SUPPORTED_METHOD',
    'FORBIDDEN_REQUEST',
    'INVALID_TEST_CODE',
    'API_VERSION_UPDATE_NEEDED',
    'NOT_FOUND_HTTP_METHOD',
  ]),
  // The request itself is wrong; sending it again unchanged gives the same answer.
  ...codes('input', [
    'INVALID_REQUEST',
    'INVALID_IDEMPOTENCY_KEY',
    'INVALID_CARD_PASSWORD',
    'INVALID_CARD_IDENTITY',
    'INVALID_BIRTH_DAY_FORMAT',
    'INVALID_EMAIL',
    'INVALID_CUSTOMER_KEY',
    'INVALID_ORDER_ID',
    'INVALID_ORDER_NAME',
    'INVALID_DATE',
    'INVALID_TRANSACTION_KEY',
    'EXCEED_MAX_QUERY_LIMIT',
    'BELOW_MINIMUM_AMOUNT',
    'BELOW_ZERO_AMOUNT',
    'EXCEED_MAX_CARD_INSTALLMENT_PLAN',
    'NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT',
    'INVALID_CARD_INSTALLMENT_PLAN',
    'NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN',
    'NOT_MATCHES_REFUNDABLE_AMOUNT',
    'ALREADY_CANCELED_PAYMENT',
    'ALREADY_REFUND_PAYMENT',
    'NOT_CANCELABLE_AMOUNT',
    'EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT',
    'INVALID_REFUND_ACCOUNT_INFO',
    'INVALID_REFUND_ACCOUNT_NUMBER',
    'INVALID_BANK',
  ]),
]);

function codes(retryClass: TossRetryClass, list: readonly string[]): [string, TossRetryClass][] {
  return list.map((code) => [code, retryClass]);
}

/**
 * A 5xx, 409 or 429 is an unknown outcome whatever its code says: the server may have committed
 * the payment before it failed to answer (FAILED_DB_PROCESSING included, to stay on the safe side).
 */
export function retryClassOf(status: number | null, code: string): TossRetryClass {
  if (status === null || status >= 500 || status === 409 || status === 429) return 'unknown-outcome';
  return CLASS_BY_CODE.get(code) ?? 'unknown-outcome';
}
