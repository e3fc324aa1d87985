export {
  BUSINESS_NUMBER_PATTERN,
  IDLE_LOCK_MAX_MINUTES,
  MAX_AMOUNT,
  MIN_CHARGE_AMOUNT,
  ORDER_NAME_MAX,
  REASON_MAX,
  REQUEST_ID_MAX,
  REQUEST_ID_MIN,
  REQUEST_ID_PATTERN,
  STORE_TEXT_LIMITS,
} from './limits.ts';
export { ROLE_NAME_KO, ROLE_RANK, roleAtLeast } from './roles.ts';
export { type VatBreakdown, vatBreakdown } from './vat.ts';
