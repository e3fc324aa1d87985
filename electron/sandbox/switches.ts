// Control switches for behaviour toss-api.md marks unverified [U] (issue 17): the sandbox can do
// either, so the app can be tested correct under both.

/**
 * What a lookup by orderId finds after a refused charge (§3.7, §18): nothing (404
 * NOT_FOUND_PAYMENT), or a Payment in status ABORTED carrying `failure: {code, message}`.
 */
export type FailedChargeLookup = 'not-found' | 'aborted';

/**
 * How GET /v1/transactions reads a startDate/endDate that carries an offset (§3.8, §12).
 * Toss documents offset-free KST times only. A live run saw `+00:00` accepted but a payment made a
 * moment earlier missing from a one-hour window, which fits Toss reading the wall time as KST and
 * dropping the offset: that is `wall-time`, the default. `strict` refuses an offset with
 * INVALID_DATE, the documented form taken literally. A client that sends offset-free KST times
 * (as ours does) gets the same answer under both.
 */
export type TransactionDateMode = 'wall-time' | 'strict';

export interface SandboxSwitches {
  transactionDates: TransactionDateMode;
  failedChargeLookup: FailedChargeLookup;
  /**
   * Requests per minute each merchant may make to each API (a route) before 429
   * TOO_MANY_REQUESTS; null = no limit. The test environment is reported at 100 (§11).
   */
  rateLimitPerMinute: number | null;
}

export const DEFAULT_SWITCHES: SandboxSwitches = {
  transactionDates: 'wall-time',
  failedChargeLookup: 'not-found',
  rateLimitPerMinute: null,
};

/** The rate the test environment is reported to allow (§11), for callers that just turn it on. */
export const TEST_ENVIRONMENT_RATE_PER_MINUTE = 100;

export type SwitchesResult =
  | { readonly ok: true; readonly switches: Partial<SandboxSwitches> }
  | { readonly ok: false; readonly message: string };

/** Checks a partial update of the switches; unknown fields are refused so a typo fails loudly. */
export function parseSwitches(value: unknown): SwitchesResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The body must be a JSON object.' };
  }
  const record = value as Readonly<Record<string, unknown>>;
  const unknownField = Object.keys(record).find(
    (name) => name !== 'failedChargeLookup' && name !== 'rateLimitPerMinute' && name !== 'transactionDates',
  );
  if (unknownField !== undefined) return { ok: false, message: `Unknown field "${unknownField}".` };
  const switches: Partial<SandboxSwitches> = {};
  if (Object.hasOwn(record, 'failedChargeLookup')) {
    const mode = record.failedChargeLookup;
    if (mode !== 'not-found' && mode !== 'aborted') {
      return { ok: false, message: '"failedChargeLookup" must be "not-found" or "aborted".' };
    }
    switches.failedChargeLookup = mode;
  }
  if (Object.hasOwn(record, 'transactionDates')) {
    const mode = record.transactionDates;
    if (mode !== 'wall-time' && mode !== 'strict') {
      return { ok: false, message: '"transactionDates" must be "wall-time" or "strict".' };
    }
    switches.transactionDates = mode;
  }
  if (Object.hasOwn(record, 'rateLimitPerMinute')) {
    const rate = record.rateLimitPerMinute;
    if (rate !== null && (typeof rate !== 'number' || !Number.isSafeInteger(rate) || rate < 1)) {
      return { ok: false, message: '"rateLimitPerMinute" must be a whole number of at least 1, or null.' };
    }
    switches.rateLimitPerMinute = rate;
  }
  return { ok: true, switches };
}
