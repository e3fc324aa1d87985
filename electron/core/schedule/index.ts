export type { PlanView } from '../ledger/index.ts';
export {
  type CatchUpDecision,
  type CatchUpDecisionInput,
  type CatchUpEntry,
  CatchUpError,
  type CatchUpErrorCode,
  type CatchUpService,
  catchUpQueue,
  createCatchUpService,
  type SkipCatchUpInput,
} from './catch-up.ts';
export {
  checkSchedule,
  EARLIEST_DATE,
  LATEST_DATE,
  MAX_INTERVAL_COUNT,
  scheduleProblems,
} from './check-schedule.ts';
export { type ConsentGiven, consentProblems } from './consent-records.ts';
export {
  type AgreedTerms,
  CONSENT_KINDS,
  CONSENT_METHODS,
  CONSENT_TEMPLATE,
  CONSENT_WINDOW_DAYS,
  type ConsentKind,
  type ConsentMethod,
  type ConsentTemplate,
  DEFAULT_CONSENT_TEMPLATE,
  MAX_HOW_TO_CANCEL,
  MAX_SIGNATURE_BYTES,
  MAX_TEMPLATE_TEXT,
} from './consent-terms.ts';
export {
  ConsentError,
  type ConsentErrorCode,
  type ConsentRecord,
  type ConsentService,
  type ConsentView,
  createConsentService,
  type ListConsentsInput,
  type PendingConsents,
  type PriceIncreaseEntry,
  type RecordConsentInput,
  type TrialConversionEntry,
  type UnconsentedEntry,
} from './consents.ts';
export { type DueNowPreview, dueNowPreview } from './due-now.ts';
export {
  DEFAULT_DUNNING_MAX_RETRIES_PER_RUN,
  DEFAULT_DUNNING_MIN_GAP_MS,
  DEFAULT_DUNNING_OFFSETS_MS,
  type DunningPolicy,
  type DunningSummary,
  type ResolvedDunningPolicy,
  type RetryCounts,
  resolveDunningPolicy,
} from './dunning.ts';
export {
  DEFAULT_SCHEDULE_INTERVAL_MS,
  type ScheduleLoop,
  type ScheduleLoopDeps,
  startScheduleLoop,
} from './loop.ts';
export {
  DEFAULT_CATCH_UP_THRESHOLD_MS,
  DEFAULT_MATERIALIZE_LIMIT,
  type MaterializeOptions,
  type MaterializeResult,
  materializeDuePeriods,
} from './materialize.ts';
export {
  firstChargeIndex,
  MAX_PERIODS_PER_CALL,
  type PeriodRange,
  period,
  periodIndexOn,
  periodStart,
  periodsBetween,
} from './periods.ts';
export {
  type CreatePlanInput,
  createPlanService,
  type PlanService,
  type PlanUpdateView,
} from './plans.ts';
export {
  createTokenBucket,
  DEFAULT_RATE_PER_SECOND,
  type TokenBucket,
  type TokenBucketOptions,
} from './rate-limit.ts';
export {
  type ChargedCounts,
  createScheduleRunner,
  DEFAULT_RUNNER_CONCURRENCY,
  type RunSummary,
  type ScheduleRunner,
  type ScheduleRunnerDeps,
} from './runner.ts';
export { ScheduleError, type ScheduleErrorCode } from './schedule-error.ts';
export { INTERVAL_UNITS, type IntervalUnit, type Period, type Schedule } from './schedule-types.ts';
export { type StoreDay, storeDay, storeDayOf, storeMonth } from './store-day.ts';
export { DEFAULT_RUN_TIME, moveStoreTimeZone, STORE_TIME_ZONE, storeTimeZone } from './store-time.ts';
export { SubscriptionError, type SubscriptionErrorCode } from './subscription-error.ts';
export { previewSchedule, type SubscriptionPreview } from './subscription-preview.ts';
export {
  type CancelInput,
  type ChangePriceInput,
  type CreateSubscriptionInput,
  type CustomTerms,
  createSubscriptionService,
  type ListSubscriptionsInput,
  type SubscriptionService,
  type SubscriptionStatus,
  type SubscriptionView,
} from './subscriptions.ts';
export {
  DEFAULT_UPCOMING_DAYS,
  type LapsingCard,
  MAX_UPCOMING_DAYS,
  type UpcomingCharge,
  type UpcomingDay,
  type UpcomingOptions,
  type UpcomingReport,
  type UpcomingSubscription,
  upcoming,
} from './upcoming.ts';
