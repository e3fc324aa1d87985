export {
  MAX_AMOUNT,
  MIN_CHARGE_AMOUNT,
  ORDER_NAME_MAX,
  REASON_MAX,
  REQUEST_ID_MAX,
  REQUEST_ID_MIN,
  REQUEST_ID_PATTERN,
} from './limits.ts';
export { ROLE_NAME_KO, ROLE_RANK, roleAtLeast } from './roles.ts';
