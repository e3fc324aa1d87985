import type { Setting } from '../ledger/index.ts';

/** Minutes without a call after which main signs the operator out (0: never). */
export const IDLE_LOCK_MINUTES: Setting<number> = {
  key: 'staff.idle_lock_minutes',
  fallback: 5,
  valid: (value): value is number =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 240,
};

/**
 * Whether the store has Toss's key-in contract (card data typed into this app). Stores without one
 * register cards only through Toss's window; main then refuses key-in before any card data is used.
 */
export const KEY_IN_ENABLED: Setting<boolean> = {
  key: 'toss.key_in_enabled',
  fallback: true,
  valid: (value): value is boolean => typeof value === 'boolean',
};

const isDays = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 60;

/** Periods missed by more than this many days wait for a manager instead of being charged (invariant 6). */
export const CATCH_UP_THRESHOLD_DAYS: Setting<number> = {
  key: 'schedule.catch_up_threshold_days',
  fallback: 3,
  valid: isDays,
};

/** Soft-decline retries, in days after the period's due time, strictly increasing; none is allowed. */
export const RETRY_DAYS: Setting<readonly number[]> = {
  key: 'schedule.retry_days',
  fallback: [1, 3, 7],
  valid: (value): value is readonly number[] =>
    Array.isArray(value) &&
    value.length <= 5 &&
    value.every((day, i) => isDays(day) && (i === 0 || day > (value[i - 1] as number))),
};

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
