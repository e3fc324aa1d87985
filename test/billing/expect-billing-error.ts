import { expect } from 'vitest';
import { BillingError } from '../../electron/core/billing/index.ts';

/** Runs `run` (sync or async) and expects a BillingError with `code`, which it returns. */
export async function expectBillingError(run: () => unknown, code: string): Promise<BillingError> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => {
        throw new Error(`expected BillingError ${code}, but the call succeeded`);
      },
      (reason: unknown) => reason,
    );
  expect(error).toBeInstanceOf(BillingError);
  expect((error as BillingError).code).toBe(code);
  return error as BillingError;
}
