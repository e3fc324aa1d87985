export type { Actor } from './audit.ts';
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
  RegisterCardInput,
  RegisterCardWithAuthKeyInput,
} from './cards.ts';
export { type ChargeRequestInput, MIN_CHARGE_AMOUNT } from './charge-input.ts';
export type { ChargeInput, ChargeService } from './charges.ts';
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
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from './deps.ts';
export {
  RESOLVED_BY_STAFF,
  type ResolveChargeInput,
  type ResolveRefundInput,
  type ReviewService,
} from './manual-review.ts';
export { normalizePhone } from './member-fields.ts';
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
export { type BillingServices, createBillingServices } from './services.ts';
export { ensureSystemOperator, SYSTEM_OPERATOR_PIN_HASH } from './system-operator.ts';
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
