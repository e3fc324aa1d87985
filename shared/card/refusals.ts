/**
 * Toss codes after which only another card helps: the card is stopped, lost, expired or of a kind
 * Toss cannot charge, or its billing key no longer works (design.md: FAILED, "card needs
 * replacing"). The core counts them as permanent refusals; screens offer 카드 교체 after one.
 */
export const CARD_REPLACEMENT_CODES: readonly string[] = [
  'INVALID_STOPPED_CARD',
  'INVALID_CARD_LOST_OR_STOLEN',
  'INVALID_CARD_EXPIRATION',
  'INVALID_REJECT_CARD',
  'INVALID_CARD_NUMBER',
  'NOT_SUPPORTED_CARD_TYPE',
  'NOT_REGISTERED_CARD_COMPANY',
  'INVALID_BILL_KEY_REQUEST',
  'ALREADY_REMOVED_BILLING_KEY',
  'NOT_FOUND_BILLING',
  'INVALID_BILLING_AUTH',
  'NOT_MATCHES_CUSTOMER_KEY',
];
