import {
  BUSINESS_NUMBER_PATTERN,
  IDLE_LOCK_MAX_MINUTES,
  STORE_TEXT_LIMITS,
} from '../../../shared/rules/index.ts';
import type { Setting } from '../ledger/index.ts';

/** Minutes without a person's call after which main signs the operator out (0: never). */
export const IDLE_LOCK_MINUTES: Setting<number> = {
  key: 'staff.idle_lock_minutes',
  fallback: 5,
  valid: (value): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= IDLE_LOCK_MAX_MINUTES,
};

/** What a printed receipt says about the store (Korean receipts name the business and its number). */
export interface StoreDetails {
  readonly name: string;
  /** 사업자등록번호, 10 digits. */
  readonly businessNumber: string;
  readonly address: string;
  readonly phone: string;
}

export const STORE_DETAILS: Setting<StoreDetails> = {
  key: 'store.details',
  fallback: { name: '', businessNumber: '', address: '', phone: '' },
  valid: (value): value is StoreDetails =>
    typeof value === 'object' &&
    value !== null &&
    Object.entries(STORE_TEXT_LIMITS).every(([field, max]) => {
      const text = (value as Record<string, unknown>)[field];
      return typeof text === 'string' && text.length <= max;
    }) &&
    BUSINESS_NUMBER_PATTERN.test((value as StoreDetails).businessNumber),
};
