import { expect } from 'vitest';
import { TossError, type TossRetryClass } from '../../electron/core/toss/index.ts';

export async function expectTossError(
  promise: Promise<unknown>,
  expected: { status: number | null; code: string; retryClass: TossRetryClass; message?: string },
): Promise<TossError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected TossError ${expected.code}, but the call succeeded`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TossError);
  const tossError = error as TossError;
  expect({ status: tossError.status, code: tossError.code, retryClass: tossError.retryClass }).toEqual({
    status: expected.status,
    code: expected.code,
    retryClass: expected.retryClass,
  });
  if (expected.message !== undefined) expect(tossError.message).toBe(expected.message);
  return tossError;
}
