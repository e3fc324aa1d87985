export type StaffErrorCode =
  | 'PIN_INVALID'
  /** A manager's or owner's PIN that is easy to guess (1234, 0000, a birth date). */
  | 'PIN_WEAK'
  | 'NAME_INVALID'
  | 'OWNER_EXISTS'
  | 'OPERATOR_NOT_FOUND'
  | 'OPERATOR_NAME_TAKEN'
  | 'WRONG_PIN'
  | 'OPERATOR_LOCKED'
  | 'APPROVER_NOT_MANAGER'
  | 'LAST_OWNER'
  | 'ROLE_INVALID'
  | 'CAP_INVALID'
  /** A charge is over the operator's cap: a manager's PIN must approve it. */
  | 'APPROVAL_REQUIRED'
  /** An approver is another operator than the one asking. */
  | 'APPROVER_SAME_OPERATOR'
  /** An approver's role is at least the requester's. */
  | 'APPROVER_RANK_TOO_LOW'
  /** An approver's own caps cover the amount. */
  | 'APPROVER_CAP_TOO_LOW'
  /** Only the owner changes the store's settings. */
  | 'OWNER_REQUIRED';

/** Refusals of sign-in and operator changes: a stable code and a Korean message for the lock screen. */
export class StaffError extends Error {
  override readonly name = 'StaffError';
  readonly code: StaffErrorCode;

  constructor(code: StaffErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
