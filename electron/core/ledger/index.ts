export { backupLedgerTo } from './backup.ts';
export {
  activeCardOf,
  activeCardRowOf,
  type CardRow,
  type CardStatus,
  type CardView,
  cardRow,
  cardsOf,
  cardView,
  insertActiveCard,
  markCardRemoved,
  type NewCard,
} from './cards.ts';
export {
  allChargeLogEntries,
  type ChargeLogCursor,
  type ChargeLogEntry,
  type ChargeLogFilter,
  type ChargeLogPage,
  type ChargeLogPageRequest,
  chargeLogPage,
} from './charge-log.ts';
export { CHARGE_KINDS, type ChargeKind, type ChargeStatus, type LogKind } from './charge-types.ts';
export {
  CONSENT_KINDS,
  CONSENT_METHODS,
  type ConsentFilter,
  type ConsentKind,
  type ConsentMethod,
  type ConsentRow,
  findConsent,
  hasSubscriptionConsent,
  insertConsent,
  insertPriceChange,
  latestPaidConsentAt,
  listConsents,
  markPriceChangeApplied,
  markPriceChangeConsented,
  markPriceChangeSuperseded,
  type NewConsent,
  type NewPriceChange,
  type OpenPriceChange,
  openPriceChange,
  openPriceIncreases,
  type PriceIncreaseRow,
  pendingPriceChange,
} from './consents.ts';
export {
  fileStamp,
  fsyncDir,
  removeDatabaseFiles,
  type StampedFile,
  stampedFileName,
  stampedFiles,
} from './database-files.ts';
export { type DuePeriod, duePeriods } from './due-periods.ts';
export {
  dunningCleared,
  dunningGiveUps,
  FAILED_PERIODS_CTE,
  failedLastCodes,
  type GiveUpRow,
  newCardRetries,
  type RetryRow,
  retriesDue,
} from './failed-periods.ts';
export { LedgerError, type LedgerErrorCode } from './ledger-error.ts';
export { checkLedgerIdentity, notALedger } from './ledger-identity.ts';
export { type MemberLabel, memberLabels } from './member-labels.ts';
export {
  anyMember,
  anyMemberOrCard,
  archiveMemberRow,
  type ChargingMemberRow,
  chargingMember,
  findMember,
  insertMember,
  largestNumericMemberNo,
  type MemberFields,
  type MemberRow,
  type MemberSearch,
  type MemberStatus,
  memberCount,
  memberCustomerKeys,
  memberNoTaken,
  type NewMember,
  searchMemberRows,
  updateMemberFields,
} from './members.ts';
export { latestVersion, type Migration } from './migrate.ts';
export { ledgerMigrations } from './migrations.ts';
export { type ChargeTotals, monthTotals, type RefundTotals, refundTotals } from './month-totals.ts';
export { type Ledger, type OpenLedgerOptions, openLedger } from './open-ledger.ts';
export {
  activeOperatorNamed,
  activeOperatorRole,
  anyActivePerson,
  anyPersonEver,
  clearPinFailures,
  countPinFailure,
  insertOperator,
  lockOperatorUntil,
  type NewOperator,
  type OperatorAccess,
  type OperatorRow,
  operatorActive,
  operatorCaps,
  otherOwners,
  peopleOperators,
  pinHashesStartingWith,
  resetOperatorPin,
  rewritePinHash,
  type SignInRow,
  type StaffRow,
  SYSTEM_OPERATOR_PIN_HASH,
  signInRow,
  staffRow,
  staffRows,
  updateOperatorAccess,
} from './operators.ts';
export {
  type CatchUpPeriod,
  type CatchUpPeriodRow,
  type ChargeablePeriod,
  catchUpPeriods,
  chargeablePeriod,
  type DuePeriodKey,
  duePeriodPage,
  findCatchUpPeriod,
  firstConsentHeldPeriodId,
  hasPeriodFrom,
  insertPeriod,
  lastPeriodIndex,
  markPeriodCharging,
  markPeriodFailed,
  markPeriodPaid,
  moveAwaitingPeriod,
  type NewPeriod,
  type PendingDuePeriod,
  type PeriodStatus,
  pendingDuePeriods,
  releaseConsentHeldPeriods,
  skipOpenPeriods,
  unchargedPeriodId,
} from './periods.ts';
export {
  activePlans,
  archivePlan,
  findPlan,
  insertPlan,
  type PlanView,
  updatePlanTerms,
} from './plans.ts';
export { type RestoreOptions, type RestoreResult, restoreLedger } from './restore.ts';
export { INTERVAL_UNITS, type IntervalUnit, type Schedule } from './schedule-columns.ts';
export { readSetting, type Setting, storedSetting, writeSetting } from './settings.ts';
export { statement } from './statement.ts';
export {
  activeTrialIds,
  type ConsentState,
  DUE_SUBSCRIPTIONS_SQL,
  type DueSubscription,
  dueSubscriptionsPage,
  endSubscription,
  findSubscription,
  flagCancelAtPeriodEnd,
  insertSubscription,
  listSubscriptions,
  moveSubscriptionStatus,
  moveSubscriptionsToTimeZone,
  type NewSubscription,
  type RunnableSubscription,
  runnableSubscriptions,
  type ScheduledSubscription,
  type SubscriptionRow,
  type SubscriptionStatus,
  scheduledSubscriptions,
  setNextDueAt,
  setSubscriptionPrice,
  setSubscriptionStatus,
  subscriptionsAtPlanPrice,
  subscriptionsNeedingAction,
  unconsentedSubscriptionIds,
} from './subscriptions.ts';
export { taxFreeTreatment } from './tax-free-treatment.ts';
export { type UnresolvedAttempt, unresolvedAttempts } from './unresolved-attempts.ts';
export { acquireWriterLock, type WriterLock } from './writer-lock.ts';
