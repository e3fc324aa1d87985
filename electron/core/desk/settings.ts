/*
 * The desk's settings live with the core service that reads and enforces them
 * (electron/core/settings); named here too for the callers that import them from the desk.
 */
export { KEY_IN_ENABLED } from '../billing/index.ts';
export {
  CATCH_UP_THRESHOLD_DAYS,
  IDLE_LOCK_MINUTES,
  RETRY_DAYS,
  STORE_DETAILS,
  type StoreDetails,
} from '../settings/index.ts';
