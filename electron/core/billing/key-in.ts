import { readSetting, type Setting } from '../ledger/index.ts';
import { BillingError } from './billing-error.ts';
import type { BillingContext } from './deps.ts';

/**
 * Whether the store has Toss's key-in contract (card data typed into this app). Stores without one
 * register cards only through Toss's window; key-in is then refused before any card data is used.
 */
export const KEY_IN_ENABLED: Setting<boolean> = {
  key: 'toss.key_in_enabled',
  fallback: true,
  valid: (value): value is boolean => typeof value === 'boolean',
};

/** Refuses key-in registration when the owner switched it off (read per call: a change applies at once). */
export function refuseKeyInIfDisabled(ctx: BillingContext): void {
  if (!readSetting(ctx.ledger.db, KEY_IN_ENABLED)) {
    throw new BillingError(
      'KEY_IN_DISABLED',
      '이 매장은 카드번호 직접 입력(키인) 계약이 없어 토스 카드 등록 창으로만 카드를 등록할 수 있습니다.',
    );
  }
}
