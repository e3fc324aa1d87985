export {
  createOperatorService,
  FAILURES_BEFORE_LOCK,
  lockDurationMs,
  type Operator,
  type OperatorService,
  type Role,
} from './operators.ts';
export { hashPin, PIN_PATTERN, verifyPin } from './pin-hash.ts';
export { StaffError, type StaffErrorCode } from './staff-error.ts';
