import type { ErrorCode, IpcError } from '../../shared/ipc/index.ts';
import { fieldErrorMessage } from './field-messages.ts';

/**
 * The renderer's own words for error codes (shared/ipc/error-codes.ts), per language. The core
 * answers in Korean for logs and the CLI, and its Korean message usually says most (the amount,
 * the cap, Toss's reason, the tries left), so a Korean screen shows it unless the code is here.
 */
export const koErrors: Readonly<Partial<Record<ErrorCode, string>>> = {
  // Plain, without Toss's raw code: staff can only wait and try again.
  TOSS_UNREACHABLE: '토스에 연결할 수 없어 지금은 확인할 수 없습니다. 잠시 후 다시 시도해 주세요.',
};

/** English screens have a message of their own for every code. */
export const enErrors: Readonly<Record<ErrorCode, string>> = {
  INVALID_REQUEST: 'The request was not in the expected form. Reload the screen and try again.',
  SIGN_IN_REQUIRED: 'Sign in with your PIN first.',
  FORBIDDEN: 'Your role may not do this. Ask someone with the right role to sign in.',
  INTERNAL:
    'Something unexpected went wrong. Try again shortly, and tell the administrator if it keeps happening.',
  INVALID_INPUT: 'Check what you entered.',
  CARD_INPUT_INVALID: 'Check the card details.',
  MEMBER_NOT_FOUND: 'The member was not found.',
  MEMBER_ARCHIVED: 'This member is archived.',
  MEMBER_NO_TAKEN: 'That member number is already in use.',
  NO_ACTIVE_CARD: 'This member has no card registered. Register a card first.',
  CARD_REJECTED: 'The card could not be registered: Toss Payments refused it.',
  CARD_REGISTRATION_UNKNOWN:
    'No answer came from Toss Payments about the card registration. The card was not registered; try again shortly.',
  CARD_AUTH_KEY_REFUSED:
    'The card window’s authorisation expired or was already used. Open the card window again.',
  CARD_WINDOW_FAILED: 'The card could not be registered in the Toss Payments window.',
  KEY_IN_DISABLED:
    'This store has no key-in contract: cards can be registered only through the Toss Payments window.',
  BACKUP_NOT_FOUND: 'That file is not in the backup list. Refresh the list and choose again.',
  CLIENT_KEY_NOT_CONFIGURED: 'No Toss client key is set. The owner can set one in Settings.',
  CLIENT_KEY_MODE_MISMATCH: 'The client key and the secret key must both be test keys or both be live keys.',
  CARD_NOT_STORED:
    'The card could not be saved in the ledger, so its registration was cancelled. Register it again.',
  CARD_DELETE_FAILED: 'The card could not be deleted at Toss Payments, so it was kept. Try again shortly.',
  CARD_HAS_UNRESOLVED_CHARGES: 'A charge on this card is still being checked. Run reconciliation first.',
  TOSS_CONFIG: 'The Toss Payments setup needs checking (keys or contract).',
  TOSS_UNREACHABLE: 'Toss cannot be reached, so this cannot be checked now.',
  SEALED_VALUE_UNREADABLE: 'A stored card key cannot be opened on this PC.',
  REQUEST_ID_CONFLICT: 'A different charge was already recorded under this request. Start a new one.',
  CHARGE_NOT_FOUND: 'The charge was not found.',
  CHARGE_NOT_REFUNDABLE: 'This charge cannot be refunded.',
  NOTHING_TO_REFUND: 'Nothing is left to refund on this charge.',
  REFUND_EXCEEDS_BALANCE: 'The refund is larger than what is left on the charge.',
  REFUND_NOT_FOUND: 'The refund was not found.',
  OPERATOR_NOT_FOUND: 'The staff member was not found or is switched off.',
  OPERATOR_NAME_TAKEN: 'That name is already in use.',
  NOT_UNDER_REVIEW: 'This is no longer waiting to be checked.',
  BUSY: 'This is being checked with Toss Payments right now. Try again in a moment.',
  PAYMENT_NOT_FOUND_AT_TOSS: 'Toss Payments has no such payment, so it cannot be recorded as paid.',
  PAYMENT_MISMATCH_AT_TOSS:
    'Toss Payments holds a different payment under this order. Check it on the Toss dashboard.',
  LEDGER_WRITE_FAILED:
    'The result from Toss Payments could not be written to the ledger. Reconciliation will record it.',
  UNRESOLVED_CHARGE:
    'The result of this member’s previous charge is not known yet. Check it in the review list first; charging now needs a manager’s approval.',
  APPROVAL_REQUIRED: 'This amount is over your limit. A manager’s PIN is needed.',
  MANAGER_REQUIRED: 'Only a manager or the owner may replace or remove a registered card.',
  TOO_EARLY_TO_DECIDE: 'Toss Payments may still be processing this charge. Check again in a minute or two.',
  PIN_INVALID: 'The PIN must be 4 to 6 digits.',
  NAME_INVALID: 'Enter a name of 1 to 50 characters.',
  OWNER_EXISTS: 'An owner account already exists. Sign in instead.',
  WRONG_PIN: 'Wrong PIN.',
  OPERATOR_LOCKED: 'Locked after too many wrong PINs. Try again later.',
  APPROVER_NOT_MANAGER: 'Only a manager or the owner can approve.',
  APPROVER_SAME_OPERATOR: 'Another manager or the owner must approve this, not the person asking.',
  APPROVER_RANK_TOO_LOW: 'The approver’s role must be at least that of the person asking.',
  APPROVER_CAP_TOO_LOW: 'The amount is over the approver’s own limit.',
  LAST_OWNER: 'The last owner account cannot change role or be switched off.',
  ROLE_INVALID: 'Choose owner, manager or staff.',
  CAP_INVALID: 'Enter limits as whole won, or leave them empty.',
  OWNER_REQUIRED: 'Only the owner can change the store settings.',
  TOSS_KEY_IS_CLIENT_KEY: 'That is a client key. Enter the secret key (test_sk_ or live_sk_).',
  TOSS_KEY_IS_WIDGET_CLIENT_KEY:
    'That is a payment widget client key. Enter the secret key (test_sk_ or live_sk_).',
  TOSS_KEY_IS_WIDGET_SECRET_KEY:
    'That is a payment widget secret key. Enter the API secret key (test_sk_ or live_sk_).',
  TOSS_KEY_MALFORMED: 'The secret key is not in the right form. Paste it exactly as shown.',
  TOSS_KEY_NOT_CONFIGURED: 'No Toss secret key is set. The owner can set one in Settings.',
  TOSS_KEY_STORED_MALFORMED: 'The secret key in the keychain is damaged. Enter it again in Settings.',
  LEDGER_DATA_KEY_CORRUPT:
    'The ledger’s encryption key in the keychain is damaged. Restore the keychain or ask the administrator.',
  LEDGER_DATA_KEY_MISSING:
    'The ledger’s encryption key is missing from the keychain. Unlock the keychain and try again.',
  LEDGER_IN_USE: 'The ledger is open in another window or program.',
  LEDGER_OPEN_FAILED: 'The ledger cannot be opened. Check that the folder exists and can be written.',
  LEDGER_NOT_A_LEDGER: 'That file is not an Autopay Desk ledger.',
  LEDGER_TOO_NEW: 'The ledger was made by a newer version of the app. Update the app.',
  LEDGER_PRAGMA_NOT_IN_FORCE: 'The ledger cannot be opened safely on this disk.',
  LEDGER_MIGRATION_FAILED: 'The ledger could not be updated to this version of the app.',
  BACKUP_TARGET_NOT_WRITABLE: 'The backup cannot be written there.',
  BACKUP_TARGET_EXISTS: 'A file with that name already exists.',
  BACKUP_DISK_FULL: 'The disk is full: the backup was not written.',
  BACKUP_FAILED: 'The backup failed.',
  BACKUP_DAMAGED: 'The backup is damaged.',
  RESTORE_FAILED: 'The backup could not be restored.',
  INVALID_SCHEDULE: 'Check the schedule.',
  INVALID_ARGUMENT: 'The request had a value the app does not expect.',
  PERIOD_OUT_OF_RANGE: 'That period is too far in the future.',
  PLAN_NOT_FOUND: 'The plan was not found.',
  PLAN_ARCHIVED: 'This plan is archived and can no longer be changed.',
  SUBSCRIPTION_NOT_FOUND: 'The subscription was not found.',
  ILLEGAL_TRANSITION: 'The subscription cannot change to that status from where it is now.',
  PERIOD_NOT_FOUND: 'The period was not found.',
  NOT_AWAITING_CONFIRMATION: 'This period is no longer waiting for a decision.',
  SUBSCRIPTION_NOT_ACTIVE: 'The subscription is not active: skip this period instead.',
  REASON_REQUIRED: 'Enter a reason.',
  CONSENT_REQUIRED: 'A subscription needs the member’s recorded consent. Take it in the consent step.',
  CONSENT_NOT_FOUND: 'That consent record was not found.',
  ALREADY_CONSENTED: 'This subscription already has the member’s consent on record.',
  NO_PENDING_INCREASE: 'This subscription has no price increase waiting for consent.',
  NO_TRIAL: 'This subscription has no trial waiting to turn into paid charges.',
  TOO_EARLY:
    'Consent can be recorded only within the 30 days before the first charge it concerns. Record it later.',
  SUBSCRIPTION_CANCELED: 'This subscription is canceled.',
  RECOVERY_CODE_EXISTS:
    'The store has a recovery code already. Choose “replace” to make a new one; backups made before keep needing the old code.',
  RECOVERY_CODE_MALFORMED:
    'That is not a recovery code. Type the 25 letters and digits from the recovery sheet (dashes and spaces are optional).',
  RECOVERY_CODE_WRONG:
    'The recovery code does not open this backup. Check that the sheet belongs to the store that made it.',
  RECOVERY_CODE_NEEDED: 'This PC cannot open the backup by itself: type the store’s recovery code.',
  BACKUP_NOT_A_BACKUP: 'This file is not an Autopay Desk backup. Nothing was changed.',
  BACKUP_PLAIN_SQLITE:
    'This is an unencrypted ledger file, not a backup. Only encrypted backups can be restored. Nothing was changed.',
  BACKUP_UNSUPPORTED_VERSION: 'This backup was made by a newer version of the app. Update the app first.',
  BACKUP_AUDIT_BROKEN:
    'The backup’s audit trail does not check out, so it was not used. Nothing was changed.',
  RESTORE_TARGET_HAS_LEDGER:
    'This PC already holds a store. Restoring here would replace it; choose replace to do so.',
  RESTORE_WHILE_IN_FLIGHT:
    'A charge or refund is still in flight or unresolved. Resolve it under “Needs review” first, then restore.',
  OFFSITE_NOT_SET: 'No off-PC backup folder is set. The owner can choose one in Settings.',
  OFFSITE_UNREACHABLE:
    'The off-PC backup folder cannot be reached. Check the USB drive, NAS or cloud folder.',
  PIN_WEAK: 'That PIN is too easy to guess for a manager or owner. Choose digits others cannot guess.',
  NO_ENCRYPTED_BACKUP:
    'There is no encrypted backup yet. Make one with “Back up now” first, then delete the old backups.',
};

/** What the screen says about a failed call, in the person's language. */
export function errorMessage(error: IpcError, locale: 'ko' | 'en'): string {
  const code = error.code as ErrorCode;
  const own = locale === 'en' ? enErrors[code] : koErrors[code];
  // A code outside the list (a newer core) still gets the core's message rather than nothing.
  return own ?? error.message;
}

/** A failed call as the screen shows it: its message and each field's, in the person's language. */
export function localizedError(error: IpcError, locale: 'ko' | 'en'): IpcError {
  const message = errorMessage(error, locale);
  const fields = error.details?.fields;
  if (!error.details || !fields) return { ...error, message };
  const localized = Object.fromEntries(
    Object.entries(fields).map(([field, problem]) => [
      field,
      { ...problem, message: fieldErrorMessage(problem, locale) },
    ]),
  );
  return { ...error, message, details: { ...error.details, fields: localized } };
}
