import type { ChargeViewData } from '../../shared/ipc/index.ts';

/**
 * Toss codes after which only another card helps (a stopped, lost, expired or unusable card, or a
 * billing key that no longer works: design.md's FAILED "card needs replacing"). Charging the same
 * card again is pointless, so the screen offers 카드 교체 instead of 다시 결제.
 */
const NEEDS_NEW_CARD = new Set([
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
]);

export function needsNewCard(charge: Pick<ChargeViewData, 'status' | 'tossCode'>): boolean {
  return charge.status === 'FAILED' && charge.tossCode !== null && NEEDS_NEW_CARD.has(charge.tossCode);
}
