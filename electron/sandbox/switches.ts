// Control switches for behaviour toss-api.md marks unverified [U] (issue 17): the sandbox can do
// either, so the app can be tested correct under both.

/**
 * What a lookup by orderId finds after a refused charge (§3.7, §18): nothing (404
 * NOT_FOUND_PAYMENT), or a Payment in status ABORTED carrying `failure: {code, message}`.
 */
export type FailedChargeLookup = 'not-found' | 'aborted';

export interface SandboxSwitches {
  failedChargeLookup: FailedChargeLookup;
  /**
   * Requests per minute each merchant may make to each API (a route) before 429
   * TOO_MANY_REQUESTS; null = no limit. The test environment is reported at 100 (§11).
   */
  rateLimitPerMinute: number | null;
}

export const DEFAULT_SWITCHES: SandboxSwitches = {
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
    (name) => name !== 'failedChargeLookup' && name !== 'rateLimitPerMinute',
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
  if (Object.hasOwn(record, 'rateLimitPerMinute')) {
    const rate = record.rateLimitPerMinute;
    if (rate !== null && (typeof rate !== 'number' || !Number.isSafeInteger(rate) || rate < 1)) {
      return { ok: false, message: '"rateLimitPerMinute" must be a whole number of at least 1, or null.' };
    }
    switches.rateLimitPerMinute = rate;
  }
  return { ok: true, switches };
}
