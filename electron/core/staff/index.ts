export { createChargeGate } from './charge-gate.ts';
export { type CapExceeded, capMessage, chargeCapExceeded } from './charge-limits.ts';
export {
  type CreateOperatorInput,
  createOperatorService,
  FAILURES_BEFORE_LOCK,
  lockDurationMs,
  type Operator,
  type OperatorService,
  type Role,
  type StaffMember,
  type UpdateOperatorInput,
} from './operators.ts';
export { hashPin, keyStoredPinHash, PIN_PATTERN, verifyPin } from './pin-hash.ts';
export { keyStoredPinHashes } from './pin-keying.ts';
export { StaffError, type StaffErrorCode } from './staff-error.ts';
export { ensureSystemOperator } from './system-operator.ts';
export { weakPinReason } from './weak-pin.ts';
