/** Stable codes of SubscriptionError: callers branch on these, people read the Korean message. */
export type SubscriptionErrorCode =
  | 'PLAN_NOT_FOUND'
  /** An archived plan is kept as it was: only active plans can be edited. */
  | 'PLAN_ARCHIVED'
  | 'SUBSCRIPTION_NOT_FOUND'
  /** The status change is not allowed from the current status (e.g. resuming a canceled one). */
  | 'ILLEGAL_TRANSITION';

/**
 * Errors of the plan and subscription services that are not about a form field (those are
 * BillingError INVALID_INPUT with `fields`, like every other form of the desk).
 */
export class SubscriptionError extends Error {
  override readonly name = 'SubscriptionError';
  readonly code: SubscriptionErrorCode;

  constructor(code: SubscriptionErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
