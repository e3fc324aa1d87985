import type { FieldCode, FieldParams, IpcError } from '../../shared/ipc/index.ts';
import { enCardErrors } from './en.ts';

/**
 * The renderer's own words for per-field problems (shared/ipc/field-codes.ts), per language. As
 * for error codes (error-messages.ts), the core's Korean field message usually says most (the
 * label, the limit, the amount), so a Korean screen shows it unless the code is here.
 */
export const koFieldErrors: Readonly<Partial<Record<FieldCode, string>>> = {};

/** English screens have a message of their own for every field code. */
export const enFieldErrors: Readonly<Record<FieldCode, string>> = {
  ...enCardErrors,
  AMOUNT_INVALID:
    'Enter the amount as a whole number of won: at least ₩100 for a charge or plan, at least ₩1 for a refund.',
  ORDER_NAME_REQUIRED: 'Enter what the charge is for.',
  ORDER_NAME_TOO_LONG: 'Keep what the charge is for to 100 characters or fewer.',
  TAX_FREE_INVALID: 'Enter the tax-free amount as a whole number of won, 0 or more.',
  TAX_FREE_OVER_AMOUNT: 'The tax-free amount cannot be larger than the amount.',
  REQUEST_ID_INVALID: 'The request number is not in the expected form. Reload the screen and try again.',
  REASON_REQUIRED: 'Enter a reason.',
  REASON_TOO_LONG: 'The reason is too long. Shorten it.',
  OPERATOR_REQUIRED: 'Choose the staff member doing this.',
  REFUND_EXCEEDS_BALANCE: 'The refund is larger than what is left on the charge.',
  MEMBER_NO_TAKEN: 'That member number is already in use.',
  MEMBER_NO_REQUIRED: 'Enter a member number.',
  MEMBER_NO_TOO_LONG: 'Keep the member number to 32 characters or fewer.',
  MEMBER_NO_CHARACTERS: 'A member number cannot contain spaces or control characters.',
  NAME_REQUIRED: 'Enter a name.',
  NAME_TOO_LONG: 'Keep the name to 100 characters or fewer.',
  NAME_CHARACTERS: 'A name cannot contain line breaks or control characters.',
  PHONE_CHARACTERS: 'Use only digits and hyphens (-) in the phone number.',
  PHONE_FORMAT: 'The phone number is not in a Korean format, e.g. 010-1234-5678 or 02-123-4567.',
  EMAIL_TOO_LONG: 'Keep the email address to 100 characters or fewer.',
  EMAIL_FORMAT: 'The email address is not valid, e.g. name@example.com.',
  MEMO_TOO_LONG: 'Keep the memo to 2,000 characters or fewer.',
  AUTH_KEY_INVALID: 'The card window’s authorisation is not valid. Open the card window again.',
  INVALID_CARD_NUMBER: 'Toss Payments refused the card number. Check it again.',
  INVALID_CARD_EXPIRATION: 'Toss Payments refused the expiry. Check it again.',
  INVALID_CARD_PASSWORD: 'Toss Payments refused the card PIN digits. Check them again.',
  INVALID_CARD_IDENTITY: 'Toss Payments refused the birth date or business number. Check it again.',
  INVALID_BIRTH_DAY_FORMAT: 'Toss Payments refused the birth date. Enter it as YYMMDD.',
  CLIENT_KEY_IS_SECRET_KEY:
    'That is a secret key. Enter the API client key (starting with test_ck_ or live_ck_).',
  CLIENT_KEY_IS_WIDGET_KEY:
    'That is a payment widget key, which cannot register cards. Enter the API client key (test_ck_ or live_ck_).',
  CLIENT_KEY_MALFORMED:
    'The client key is not in the right form. Paste the key starting with test_ck_ or live_ck_.',
  CATCH_UP_DAYS_INVALID: 'Enter a whole number of days from 1 to 60.',
  RETRY_DAYS_ORDER: 'Enter the retry days from smallest to largest, without repeats (e.g. 1, 3, 7).',
  RETRY_DAYS_INVALID: 'Enter up to 5 retry days, each from 1 to 60 (e.g. 1, 3, 7).',
  TIME_ZONE_INVALID: 'Choose a time zone from the list (e.g. Asia/Seoul).',
  CHARGE_TIME_INVALID: 'Enter the time as HH:MM, from 00:00 to 23:59.',
  IDLE_LOCK_INVALID: 'Enter the automatic lock as a whole number of minutes from 0 to 240.',
  TOO_LONG: 'This is too long. Shorten it.',
  BUSINESS_NUMBER_INVALID: 'Enter the business number as 10 digits.',
  FOLDER_NOT_ABSOLUTE: 'Enter the full path of the folder, starting with a drive or /.',
  BACKUP_TIME_INVALID: 'Enter the backup time as HH:MM, from 00:00 to 23:59.',
  INTERVAL_UNIT_INVALID: 'Choose days, weeks, months or years.',
  INTERVAL_COUNT_INVALID:
    'The interval is out of range for that unit (at most 365 days, 52 weeks, 24 months or 10 years).',
  TRIAL_BEFORE_START: 'The trial must end on or after the start date.',
  ANCHOR_TOO_LATE: 'The billing day must fall within one interval after the start date.',
  DATE_INVALID: 'Enter a real date as YYYY-MM-DD.',
  DATE_OUT_OF_RANGE: 'The date must be between 1970-01-01 and 2999-12-31.',
  TAX_FREE_AMOUNT_INVALID: 'The tax-free amount must be a whole number of won, from 0 up to the amount.',
  REQUIRED: 'Fill this in.',
  PLAN_OR_CUSTOM: 'Choose a plan or enter the terms yourself, not both.',
  PLAN_NOT_FOUND: 'The plan was not found.',
  PLAN_ARCHIVED: 'This plan is archived. Choose another.',
  TEXT_INVALID: 'Enter the consent wording (it must not be empty or too long).',
  HOW_TO_CANCEL_INVALID: 'Enter how a member cancels (it must not be empty or too long).',
  CONSENT_REQUIRED:
    'Record the member’s consent to recurring charges (signature, in person, by phone or by message).',
  SIGNATURE_INVALID: 'The signature image is not a PNG of the allowed size. Sign again.',
};

/** Messages that name the values the core passed along (`params`); without them the plain one above. */
const enFieldErrorsWithValues: Readonly<
  Partial<Record<FieldCode, (params: FieldParams) => string | undefined>>
> = {
  REFUND_EXCEEDS_BALANCE: ({ max }) =>
    max === undefined ? undefined : `At most ₩${max.toLocaleString('en-US')} can be refunded.`,
  TOO_LONG: ({ max }) =>
    max === undefined ? undefined : `Keep this to ${max.toLocaleString('en-US')} characters or fewer.`,
};

type FieldProblem = NonNullable<NonNullable<IpcError['details']>['fields']>[string];

/** What the screen says next to a field, in the person's language. */
export function fieldErrorMessage(problem: FieldProblem, locale: 'ko' | 'en'): string {
  const code = problem.code;
  if (locale === 'ko') return koFieldErrors[code] ?? problem.message;
  const withValues = problem.params ? enFieldErrorsWithValues[code]?.(problem.params) : undefined;
  // A code outside the list (a newer core) still gets the core's message rather than nothing.
  return withValues ?? enFieldErrors[code] ?? problem.message;
}
