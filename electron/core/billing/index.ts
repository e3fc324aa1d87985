export { type Actor, audit, checkOperator } from './audit.ts';
export {
  BillingError,
  type BillingErrorCode,
  type BillingErrorOptions,
  type FieldProblem,
  invalidInput,
  throwIfInvalid,
} from './billing-error.ts';
export {
  type CardWindowDeps,
  type CardWindowOutcome,
  type OpenRegistrationWindow,
  type RegisterCardByWindowInput,
  type RegistrationWindowResult,
  registerCardByWindow,
} from './card-window.ts';
export type {
  CardRegistration,
  CardService,
  FirstChargeInput,
  RegisterCardInput,
  RegisterCardWithAuthKeyInput,
} from './cards.ts';
export type { Approval, Approver, CapCheck, ChargeGate } from './charge-gate.ts';
export { type ChargeRequestInput, MIN_CHARGE_AMOUNT } from './charge-input.ts';
export {
  type ApprovalNeed,
  type ChargeInput,
  type ChargeService,
  UNRESOLVED_CHARGE_MESSAGE,
} from './charges.ts';
export {
  clearTossClientKey,
  setTossClientKey,
  type TossClientKeyStatus,
  tossClientKeyStatus,
  usableTossClientKey,
} from './client-key.ts';
export {
  type BillingContext,
  type BillingDeps,
  billingContext,
  DECIDE_NOT_CHARGED_AFTER_MS,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  TOSS_LONGEST_APPROVAL_MS,
} from './deps.ts';
export { KEY_IN_ENABLED } from './key-in.ts';
export {
  RESOLVED_BY_STAFF,
  type ResolveChargeInput,
  type ResolveRefundInput,
  type ReviewService,
} from './manual-review.ts';
export { normalizePhone } from './member-fields.ts';
export { activeMemberOrThrow, memberOrThrow } from './member-lookup.ts';
export type { CreateMemberInput, EditMemberInput, MemberService, SearchMembersInput } from './members.ts';
export type { ReconcileReport, Reconciler, ResolvedEntry, ReviewEntry } from './reconciler.ts';
export type { RefundInput, RefundService } from './refunds.ts';
export {
  type ChargeAnswer,
  type ChargePeriodInput,
  type NotChargeableReason,
  periodOrderId,
  type ScheduledChargeResult,
  type ScheduledChargeService,
} from './scheduled-charges.ts';
export { ledgerHoldsSealedValues } from './sealed-keys.ts';
export {
  type BillingInFlight,
  type BillingServices,
  createBillingInFlight,
  createBillingServices,
} from './services.ts';
export type {
  CardStatus,
  CardView,
  ChargeStatus,
  ChargeView,
  MemberDetail,
  MemberStatus,
  MemberView,
  RefundStatus,
  RefundView,
} from './views.ts';
