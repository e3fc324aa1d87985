export { anchorRestoredLedger } from './anchor-restored.ts';
export {
  BACKUP_EXTENSION,
  type BackupHeader,
  dataKeyId,
  type OpenBackupKeys,
  readBackupHeader,
} from './backup-file.ts';
export { DEFAULT_KDF, type KdfParams, type WrappedDataKey } from './key-wrap.ts';
export {
  type BackupCheck,
  backupIntoFolder,
  checkBackup,
  writeEncryptedBackup,
} from './ledger-backup.ts';
export {
  type BackupHealth,
  type BackupWarning,
  backupHealth,
  KEEP_DAILY,
  KEEP_MONTHLY,
  OFFSITE_BACKUP,
  OFFSITE_STATE,
  type OffsiteDeps,
  type OffsiteResult,
  type OffsiteSettings,
  offsiteDue,
  rotateOffsite,
  runOffsiteBackup,
  STALE_AFTER_MS,
  setOffsiteBackup,
} from './offsite-backup.ts';
export { formatRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery-code.ts';
export { RecoveryError, type RecoveryErrorCode } from './recovery-error.ts';
export {
  type CreateRecoveryCodeInput,
  checkRecoveryCode,
  createRecoveryCode,
  RECOVERY_RECORD,
  type RecoveryRecord,
  type RecoveryStatus,
  recoveryStatus,
} from './recovery-record.ts';
export {
  type RestoreBackupInput,
  type RestoreBackupResult,
  restoreBackup,
  TOSS_CATCH_UP,
  type TossCatchUpMarker,
  unresolvedMoneyMovements,
} from './restore-backup.ts';
export {
  CATCH_UP_ACTOR,
  catchUpWithToss,
  resolveUnmatchedTossPayment,
  type TossCatchUpDeps,
  type TossCatchUpReport,
} from './toss-catch-up.ts';
