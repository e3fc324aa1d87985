import type { Setting } from '../ledger/index.ts';

/** Minutes without a call after which main signs the operator out (0: never). */
export const IDLE_LOCK_MINUTES: Setting<number> = {
  key: 'staff.idle_lock_minutes',
  fallback: 5,
  valid: (value): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 240,
};

/** The key-in switch lives with the card registration that obeys it (billing/key-in.ts). */
export { KEY_IN_ENABLED } from '../billing/index.ts';

/** The schedule settings live with the core service that reads and enforces them. */
export { CATCH_UP_THRESHOLD_DAYS, RETRY_DAYS } from '../settings/index.ts';

/** What a printed receipt says about the store (Korean receipts name the business and its number). */
export interface StoreDetails {
  readonly name: string;
  /** 사업자등록번호, 10 digits. */
  readonly businessNumber: string;
  readonly address: string;
  readonly phone: string;
}

const STORE_TEXT_LIMITS: Readonly<Record<keyof StoreDetails, number>> = {
  name: 100,
  businessNumber: 10,
  address: 200,
  phone: 20,
};

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
    /^(\d{10})?$/.test((value as StoreDetails).businessNumber),
};
