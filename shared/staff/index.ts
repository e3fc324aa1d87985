export { DEFAULT_STAFF_PER_CHARGE_CAP } from './limits.ts';
