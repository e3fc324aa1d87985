import { TossError } from '../toss/index.ts';
import { BillingError } from './billing-error.ts';
import { type BillingContext, backoffMs } from './deps.ts';

/**
 * Runs a Toss request that is safe to repeat as it is (same Idempotency-Key, or a GET or DELETE)
 * and repeats it while the answer is unknown (timeout, reset, 5xx, 409, 429), up to the retry
 * policy's tries. Any other answer, or the last unknown one, is returned or thrown as it came.
 */
export async function repeatWhileUnknown<T>(ctx: BillingContext, request: () => Promise<T>): Promise<T> {
  for (let tryNo = 1; ; tryNo++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof TossError) || !error.outcomeUnknown || tryNo >= ctx.retry.maxTries) throw error;
      await ctx.sleep(backoffMs(ctx.retry, tryNo));
    }
  }
}

/** For errors Toss gives about the store's setup: staff cannot fix them at the counter. */
export function tossConfigError(error: TossError): BillingError {
  return new BillingError(
    'TOSS_CONFIG',
    `토스페이먼츠 연동 설정을 확인해야 합니다: ${error.message} (${error.code})`,
    { tossCode: error.code, cause: error },
  );
}

/** Toss could not be asked or did not answer: nothing is known about the outcome. */
export function tossUnreachableError(error: unknown): BillingError {
  const detail = error instanceof TossError ? ` ${error.message} (${error.code})` : '';
  return new BillingError('TOSS_UNREACHABLE', `토스에 연결할 수 없어 지금은 확인할 수 없습니다.${detail}`, {
    ...(error instanceof TossError ? { tossCode: error.code } : {}),
    cause: error,
  });
}

/** True when the error is Toss saying that the thing looked up does not exist (404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof TossError && error.status === 404 && error.code === 'NOT_FOUND_PAYMENT';
}
