import type { FieldCode, FieldParams } from '../../../shared/ipc/index.ts';

/** Stable codes of BillingError: callers (IPC, CLI, tests) branch on these, people read the message. */
export type BillingErrorCode =
  | 'INVALID_INPUT'
  | 'CARD_INPUT_INVALID'
  | 'MEMBER_NOT_FOUND'
  | 'MEMBER_ARCHIVED'
  | 'MEMBER_NO_TAKEN'
  | 'NO_ACTIVE_CARD'
  | 'CARD_REJECTED'
  | 'CARD_REGISTRATION_UNKNOWN'
  | 'CARD_AUTH_KEY_REFUSED'
  | 'CARD_WINDOW_FAILED'
  /** The store registers cards only through Toss's window (no key-in contract). */
  | 'KEY_IN_DISABLED'
  | 'CLIENT_KEY_NOT_CONFIGURED'
  | 'CLIENT_KEY_MODE_MISMATCH'
  | 'CARD_NOT_STORED'
  | 'CARD_DELETE_FAILED'
  | 'CARD_HAS_UNRESOLVED_CHARGES'
  | 'TOSS_CONFIG'
  | 'TOSS_UNREACHABLE'
  | 'SEALED_VALUE_UNREADABLE'
  | 'REQUEST_ID_CONFLICT'
  | 'CHARGE_NOT_FOUND'
  | 'CHARGE_NOT_REFUNDABLE'
  | 'NOTHING_TO_REFUND'
  | 'REFUND_EXCEEDS_BALANCE'
  | 'REFUND_NOT_FOUND'
  | 'OPERATOR_NOT_FOUND'
  | 'OPERATOR_NAME_TAKEN'
  | 'NOT_UNDER_REVIEW'
  | 'BUSY'
  | 'PAYMENT_NOT_FOUND_AT_TOSS'
  | 'PAYMENT_MISMATCH_AT_TOSS'
  | 'LEDGER_WRITE_FAILED'
  /** The member has a charge whose outcome is not known yet: a manager must approve another one. */
  | 'UNRESOLVED_CHARGE'
  /** The charge is over the operator's cap: a manager's PIN must approve it. */
  | 'APPROVAL_REQUIRED'
  /** Only a manager or the owner may do this (replacing or removing a card). */
  | 'MANAGER_REQUIRED'
  /** "결제 안 됨" asked for before Toss's longest approval time has passed since the last send. */
  | 'TOO_EARLY_TO_DECIDE';

/**
 * One field's problem, shown next to that field: a code from the closed list in
 * shared/ipc/field-codes.ts (an unlisted code fails to compile), its Korean message, and the values
 * that message names, so the renderer can say them in another language.
 */
export interface FieldProblem {
  readonly code: FieldCode;
  readonly message: string;
  readonly params?: FieldParams;
}

export interface BillingErrorOptions {
  /** Per-field problems (card form, member form, amounts), keyed by the caller's field name. */
  fields?: Readonly<Record<string, FieldProblem>>;
  /** Toss's own code when Toss refused; its Korean message is then part of `message`. */
  tossCode?: string;
  cause?: unknown;
}

/**
 * The one error type of the billing services. `message` is Korean and meant for store staff; it
 * never holds card data, a billingKey or a customerKey (invariants 2 and 3), so it can be shown,
 * logged and sent over IPC as it is.
 */
export class BillingError extends Error {
  override readonly name = 'BillingError';
  readonly code: BillingErrorCode;
  readonly fields: Readonly<Record<string, FieldProblem>> | undefined;
  readonly tossCode: string | undefined;

  constructor(code: BillingErrorCode, message: string, options: BillingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.tossCode = options.tossCode;
  }
}

/** For input checks: collects per-field problems and throws them together, so a form shows all at once. */
export function invalidInput(fields: Record<string, FieldProblem>): BillingError {
  const first = Object.values(fields)[0];
  const message = Object.keys(fields).length === 1 && first ? first.message : '입력한 내용을 확인해 주세요.';
  return new BillingError('INVALID_INPUT', message, { fields });
}

/** Throws the collected problems, if any. */
export function throwIfInvalid(fields: Record<string, FieldProblem>): void {
  if (Object.keys(fields).length > 0) throw invalidInput(fields);
}
