import { type ErrorCode, IPC_ERROR_CODES, type IpcError, isErrorCode } from '../../../shared/ipc/index.ts';
import { BillingError } from '../billing/index.ts';
import { LedgerError } from '../ledger/index.ts';
import { RecoveryError } from '../recovery/index.ts';
import { CatchUpError, ConsentError, ScheduleError, SubscriptionError } from '../schedule/index.ts';
import { SecretsError } from '../secrets/index.ts';
import { StaffError } from '../staff/index.ts';

/**
 * Every core error code is one of the closed list the renderer has messages for: a code added to
 * a core error type without adding it to shared/ipc/error-codes.ts fails to compile here.
 */
type CoreErrorCode = InstanceType<(typeof STAFF_FACING)[number]>['code'];
type Unlisted = Exclude<CoreErrorCode, ErrorCode>;
const everyCoreCodeIsListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCoreCodeIsListed;

/** The core's own refusals: their messages are Korean, meant for staff, and hold no card data or keys. */
const STAFF_FACING = [
  BillingError,
  SubscriptionError,
  ScheduleError,
  CatchUpError,
  ConsentError,
  SecretsError,
  StaffError,
  LedgerError,
  RecoveryError,
];

export const INTERNAL_ERROR_MESSAGE =
  '처리 중 예상하지 못한 오류가 생겼습니다. 잠시 뒤 다시 시도하고, 계속되면 관리자에게 알려 주세요.';

/**
 * What the renderer is told about a failed call. Anything that is not one of the core's own
 * refusals becomes INTERNAL with a fixed message: its text could hold anything (a path, a SQL
 * statement), so it goes to the log, not the screen.
 */
export function toIpcError(error: unknown): { error: IpcError; expected: boolean } {
  if (STAFF_FACING.some((type) => error instanceof type)) {
    const known = error as Error & { code: string };
    // At run time too: an unlisted code (a bug) is still the core's own refusal, but logged.
    if (!isErrorCode(known.code))
      return { error: { code: known.code, message: known.message }, expected: false };
    const fields = error instanceof BillingError || error instanceof ScheduleError ? error.fields : undefined;
    const tossCode = error instanceof BillingError ? error.tossCode : undefined;
    const details = {
      ...(fields ? { fields: { ...fields } } : {}),
      ...(tossCode ? { tossCode } : {}),
    };
    return {
      error: { code: known.code, message: known.message, ...(fields || tossCode ? { details } : {}) },
      expected: true,
    };
  }
  return { error: { code: IPC_ERROR_CODES.internal, message: INTERNAL_ERROR_MESSAGE }, expected: false };
}
