export { type BackupEntry, backupDirOf, backupNow, listBackups } from './backups.ts';
export { createDeskApi, type DeskApi, type DeskApiDeps, type Handler, type Session } from './desk-api.ts';
export { createDeskHost, type DeskHost } from './desk-host.ts';
export { createDispatch, type Dispatch, type IdleLock, mayCall } from './dispatch.ts';
export { INTERNAL_ERROR_MESSAGE, toIpcError } from './ipc-error.ts';
export { nextChargeLabel } from './next-charge.ts';
export { type Desk, type DeskDeps, openDesk } from './open-desk.ts';
export { attentionCounts, type ChargeNeedingAttention, chargesNeedingAttention } from './run-attention.ts';
export {
  CATCH_UP_THRESHOLD_DAYS,
  IDLE_LOCK_MINUTES,
  KEY_IN_ENABLED,
  RETRY_DAYS,
  STORE_DETAILS,
  type StoreDetails,
} from './settings.ts';
