import type Database from 'better-sqlite3';
import { moveSubscriptionsToTimeZone, readSetting, type Setting, writeSetting } from '../ledger/index.ts';
import { isIanaTimeZone } from './check-schedule.ts';
import { parseChargeTime } from './due-at.ts';
import { DEFAULT_CHARGE_TIME } from './terms.ts';

const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/**
 * The store's time zone: its days, months and receipts, and the zone new subscriptions count their
 * periods in. Changing it moves the open subscriptions along (see setStoreTime in the desk).
 */
export const STORE_TIME_ZONE: Setting<string> = {
  key: 'store.time_zone',
  fallback: DEFAULT_TIME_ZONE,
  valid: isIanaTimeZone,
};

/** The charge time a new plan or custom subscription gets when none is given, 'HH:MM'. */
export const DEFAULT_RUN_TIME: Setting<string> = {
  key: 'schedule.default_run_time',
  fallback: DEFAULT_CHARGE_TIME,
  valid: (value): value is string => typeof value === 'string' && parseChargeTime(value) !== undefined,
};

/** The store's zone as the ledger holds it: read per call, so a change applies at once everywhere. */
export function storeTimeZone(db: Database.Database): string {
  return readSetting(db, STORE_TIME_ZONE);
}

/**
 * Moves the store to another zone: the setting, and every subscription not canceled, so that their
 * coming periods fall at the charge time in the new zone. Periods already written keep their due
 * time. Call inside the transaction that audits the change; answers how many subscriptions moved.
 */
export function moveStoreTimeZone(db: Database.Database, timeZone: string, now: Date): number {
  writeSetting(db, STORE_TIME_ZONE, timeZone, now);
  return moveSubscriptionsToTimeZone(db, timeZone, now.getTime());
}
