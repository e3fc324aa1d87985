export {
  type AttemptApproval,
  type AttemptOutcome,
  type AttemptRefusal,
  type AttemptRow,
  attemptByOrderId,
  attemptByRequestId,
  attemptRow,
  type ChargeNeedingAttention,
  type ChargeView,
  chargedByOperator,
  chargeView,
  hasAttempts,
  hasUnresolvedCharges,
  insertManualAttempt,
  insertPeriodAttempt,
  insertRecoveredAttempt,
  lowerBalance,
  markResent,
  markSent,
  type NewAttempt,
  type NewPeriodAttempt,
  periodAttemptId,
  type RecoveredAttempt,
  scheduledAttemptsNeedingAttention,
  taxFreeTreatment,
  type UnresolvedAttempt,
  unresolvedAttemptCount,
  unresolvedAttempts,
  unresolvedChargeViews,
  writeOutcome,
} from './attempts.ts';
export { backupLedgerTo } from './backup.ts';
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
  fileStamp,
  fsyncDir,
  removeDatabaseFiles,
  type StampedFile,
  stampedFileName,
  stampedFiles,
} from './database-files.ts';
export { type DuePeriod, duePeriods } from './due-periods.ts';
export { LedgerError, type LedgerErrorCode } from './ledger-error.ts';
export { checkLedgerIdentity, notALedger } from './ledger-identity.ts';
export { latestVersion, type Migration } from './migrate.ts';
export { ledgerMigrations } from './migrations.ts';
export { type ChargeTotals, monthTotals, type RefundTotals, refundTotals } from './month-totals.ts';
export { type Ledger, type OpenLedgerOptions, openLedger } from './open-ledger.ts';
export {
  hasUnresolvedRefunds,
  insertRecoveredRefund,
  insertRefund,
  type NewRefund,
  type RecoveredRefund,
  type RefundOutcome,
  type RefundRefusal,
  type RefundRow,
  type RefundStatus,
  type RefundView,
  recordedTransactionKeys,
  refundableBalance,
  refundByRequestId,
  refundRow,
  refundView,
  refundViewsOf,
  transactionKeyRecorded,
  unresolvedRefundCount,
  unresolvedRefundViews,
  writeRefundOutcome,
} from './refunds.ts';
export { type RestoreOptions, type RestoreResult, restoreLedger } from './restore.ts';
export { type ReviewQueue, reviewQueueWithMembers } from './review-queue.ts';
export { readSetting, type Setting, writeSetting } from './settings.ts';
export { statement } from './statement.ts';
export {
  closeUnmatched,
  insertUnmatched,
  type UnmatchedReason,
  type UnmatchedTossPayment,
  type UnmatchedTransaction,
  unmatchedTossPayments,
} from './toss-unmatched.ts';
export { acquireWriterLock, type WriterLock } from './writer-lock.ts';
