import { CARD_REPLACEMENT_CODES } from '../../../shared/card/index.ts';
import type { ChargeViewData } from '../../../shared/ipc/index.ts';

const NEEDS_NEW_CARD = new Set(CARD_REPLACEMENT_CODES);

/** Charging the same card again is pointless: the screen offers 카드 교체 instead of 다시 결제. */
export function needsNewCard(charge: Pick<ChargeViewData, 'status' | 'tossCode'>): boolean {
  return charge.status === 'FAILED' && charge.tossCode !== null && NEEDS_NEW_CARD.has(charge.tossCode);
}
