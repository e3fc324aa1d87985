import { type CardFieldErrorCode, cardFieldErrorMessages } from '../card/index.ts';

/**
 * Every code a per-field problem (an error's `details.fields`) can carry. The list is closed like
 * error-codes.ts: the core's FieldProblem (electron/core/billing/billing-error.ts) takes only these
 * codes, so an unlisted one fails to compile, and the renderer has its own message for each one
 * (renderer/i18n/field-messages.ts). The card form's own checks (shared/card) are part of it.
 */
export const CORE_FIELD_CODES = [
  // Charges, refunds and the review queue.
  'AMOUNT_INVALID',
  'ORDER_NAME_REQUIRED',
  'ORDER_NAME_TOO_LONG',
  'TAX_FREE_INVALID',
  'TAX_FREE_OVER_AMOUNT',
  'REQUEST_ID_INVALID',
  'REASON_REQUIRED',
  'REASON_TOO_LONG',
  'OPERATOR_REQUIRED',
  'REFUND_EXCEEDS_BALANCE',
  // Members.
  'MEMBER_NO_TAKEN',
  'MEMBER_NO_REQUIRED',
  'MEMBER_NO_TOO_LONG',
  'MEMBER_NO_CHARACTERS',
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'NAME_CHARACTERS',
  'PHONE_CHARACTERS',
  'PHONE_FORMAT',
  'EMAIL_TOO_LONG',
  'EMAIL_FORMAT',
  'MEMO_TOO_LONG',
  // Cards: the card window's answer, and Toss refusing a field of a keyed-in card.
  'AUTH_KEY_INVALID',
  'INVALID_CARD_NUMBER',
  'INVALID_CARD_EXPIRATION',
  'INVALID_CARD_PASSWORD',
  'INVALID_CARD_IDENTITY',
  'INVALID_BIRTH_DAY_FORMAT',
  // The client key.
  'CLIENT_KEY_IS_SECRET_KEY',
  'CLIENT_KEY_IS_WIDGET_KEY',
  'CLIENT_KEY_MALFORMED',
  // Store settings and the off-PC backup.
  'CATCH_UP_DAYS_INVALID',
  'RETRY_DAYS_ORDER',
  'RETRY_DAYS_INVALID',
  'TIME_ZONE_INVALID',
  'CHARGE_TIME_INVALID',
  'IDLE_LOCK_INVALID',
  'TOO_LONG',
  'BUSINESS_NUMBER_INVALID',
  'FOLDER_NOT_ABSOLUTE',
  'BACKUP_TIME_INVALID',
  // Schedules, plans, subscriptions and consent.
  'INTERVAL_UNIT_INVALID',
  'INTERVAL_COUNT_INVALID',
  'TRIAL_BEFORE_START',
  'ANCHOR_TOO_LATE',
  'DATE_INVALID',
  'DATE_OUT_OF_RANGE',
  'TAX_FREE_AMOUNT_INVALID',
  'REQUIRED',
  'PLAN_OR_CUSTOM',
  'PLAN_NOT_FOUND',
  'PLAN_ARCHIVED',
  'TEXT_INVALID',
  'HOW_TO_CANCEL_INVALID',
  'CONSENT_REQUIRED',
  'SIGNATURE_INVALID',
] as const;

export type FieldCode = (typeof CORE_FIELD_CODES)[number] | CardFieldErrorCode;

export const FIELD_CODES: readonly FieldCode[] = [
  ...CORE_FIELD_CODES,
  ...(Object.keys(cardFieldErrorMessages) as CardFieldErrorCode[]),
];

const KNOWN: ReadonlySet<string> = new Set(FIELD_CODES);

export function isFieldCode(code: string): code is FieldCode {
  return KNOWN.has(code);
}

/**
 * Values a field message names ("at most ₩N"), so a screen in another language can say them in
 * its own words instead of repeating the core's Korean sentence.
 */
export type FieldParams = Readonly<Record<string, number>>;
