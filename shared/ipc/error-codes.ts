/**
 * Every code an error reaching the renderer (or the CLI) can carry: the IPC layer's own and the
 * core's refusals. The list is closed: a core error type whose code is not here fails to compile
 * (electron/core/desk/ipc-error.ts), and the renderer has its own message for each one
 * (renderer/i18n/error-messages.ts), in the language the person chose. The core's messages stay
 * Korean, for logs and the CLI.
 */
export const ERROR_CODES = [
  // The IPC layer.
  'INVALID_REQUEST',
  'SIGN_IN_REQUIRED',
  'FORBIDDEN',
  'INTERNAL',
  // Billing: input, members and cards.
  'INVALID_INPUT',
  'CARD_INPUT_INVALID',
  'MEMBER_NOT_FOUND',
  'MEMBER_ARCHIVED',
  'MEMBER_NO_TAKEN',
  'NO_ACTIVE_CARD',
  'CARD_REJECTED',
  'CARD_REGISTRATION_UNKNOWN',
  'CARD_AUTH_KEY_REFUSED',
  'CARD_WINDOW_FAILED',
  'KEY_IN_DISABLED',
  'BACKUP_NOT_FOUND',
  'CLIENT_KEY_NOT_CONFIGURED',
  'CLIENT_KEY_MODE_MISMATCH',
  'CARD_NOT_STORED',
  'CARD_DELETE_FAILED',
  'CARD_HAS_UNRESOLVED_CHARGES',
  'TOSS_CONFIG',
  'TOSS_UNREACHABLE',
  'SEALED_VALUE_UNREADABLE',
  // Billing: charges, refunds and the review queue.
  'REQUEST_ID_CONFLICT',
  'CHARGE_NOT_FOUND',
  'CHARGE_NOT_REFUNDABLE',
  'NOTHING_TO_REFUND',
  'REFUND_EXCEEDS_BALANCE',
  'REFUND_NOT_FOUND',
  'OPERATOR_NOT_FOUND',
  'OPERATOR_NAME_TAKEN',
  'NOT_UNDER_REVIEW',
  'BUSY',
  'PAYMENT_NOT_FOUND_AT_TOSS',
  'PAYMENT_MISMATCH_AT_TOSS',
  'LEDGER_WRITE_FAILED',
  'UNRESOLVED_CHARGE',
  'APPROVAL_REQUIRED',
  'MANAGER_REQUIRED',
  'TOO_EARLY_TO_DECIDE',
  // Staff.
  'PIN_INVALID',
  'PIN_WEAK',
  'NAME_INVALID',
  'OWNER_EXISTS',
  'WRONG_PIN',
  'OPERATOR_LOCKED',
  'APPROVER_NOT_MANAGER',
  'APPROVER_SAME_OPERATOR',
  'APPROVER_RANK_TOO_LOW',
  'APPROVER_CAP_TOO_LOW',
  'LAST_OWNER',
  'ROLE_INVALID',
  'CAP_INVALID',
  'OWNER_REQUIRED',
  // Secrets.
  'TOSS_KEY_IS_CLIENT_KEY',
  'TOSS_KEY_IS_WIDGET_CLIENT_KEY',
  'TOSS_KEY_IS_WIDGET_SECRET_KEY',
  'TOSS_KEY_MALFORMED',
  'TOSS_KEY_NOT_CONFIGURED',
  'TOSS_KEY_STORED_MALFORMED',
  'LEDGER_DATA_KEY_CORRUPT',
  'LEDGER_DATA_KEY_MISSING',
  // Ledger and backups.
  'LEDGER_IN_USE',
  'LEDGER_OPEN_FAILED',
  'LEDGER_NOT_A_LEDGER',
  'LEDGER_TOO_NEW',
  'LEDGER_PRAGMA_NOT_IN_FORCE',
  'LEDGER_MIGRATION_FAILED',
  'BACKUP_TARGET_NOT_WRITABLE',
  'BACKUP_TARGET_EXISTS',
  'BACKUP_DISK_FULL',
  'BACKUP_FAILED',
  'BACKUP_DAMAGED',
  'RESTORE_FAILED',
  // Schedules, plans, subscriptions and catch-ups.
  'INVALID_SCHEDULE',
  'INVALID_ARGUMENT',
  'PERIOD_OUT_OF_RANGE',
  'PLAN_NOT_FOUND',
  'PLAN_ARCHIVED',
  'SUBSCRIPTION_NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'PERIOD_NOT_FOUND',
  'NOT_AWAITING_CONFIRMATION',
  'SUBSCRIPTION_NOT_ACTIVE',
  'REASON_REQUIRED',
  // Members' consent (invariant 12).
  'CONSENT_REQUIRED',
  'CONSENT_NOT_FOUND',
  'ALREADY_CONSENTED',
  'NO_PENDING_INCREASE',
  'NO_TRIAL',
  'TOO_EARLY',
  'SUBSCRIPTION_CANCELED',
  // Recovery: the recovery code, encrypted backups, restores and the off-PC folder.
  'RECOVERY_CODE_EXISTS',
  'RECOVERY_CODE_MALFORMED',
  'RECOVERY_CODE_WRONG',
  'RECOVERY_CODE_NEEDED',
  'BACKUP_NOT_A_BACKUP',
  'BACKUP_PLAIN_SQLITE',
  'BACKUP_UNSUPPORTED_VERSION',
  'BACKUP_AUDIT_BROKEN',
  'RESTORE_TARGET_HAS_LEDGER',
  'RESTORE_WHILE_IN_FLIGHT',
  'OFFSITE_NOT_SET',
  'OFFSITE_UNREACHABLE',
  'NO_ENCRYPTED_BACKUP',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(code: string): code is ErrorCode {
  return KNOWN.has(code);
}
