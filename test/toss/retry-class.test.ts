import { describe, expect, it } from 'vitest';
import { retryClassOf } from '../../electron/core/toss/retry-class.ts';

describe('retry classes of toss-api.md §8.7', () => {
  it.each([
    [null, 'CLIENT_NETWORK_ERROR', 'unknown-outcome'],
    [500, 'FAILED_DB_PROCESSING', 'unknown-outcome'],
    [502, 'ANYTHING', 'unknown-outcome'],
    [409, 'IDEMPOTENT_REQUEST_PROCESSING', 'unknown-outcome'],
    [429, 'TOO_MANY_REQUESTS', 'unknown-outcome'],
    [403, 'FORBIDDEN_CONSECUTIVE_REQUEST', 'unknown-outcome'],
    [400, 'PROVIDER_ERROR', 'unknown-outcome'],
    [400, 'DUPLICATED_ORDER_ID', 'unknown-outcome'],
    [400, 'NEVER_HEARD_OF_IT', 'unknown-outcome'],
    [403, 'REJECT_CARD_PAYMENT', 'soft-decline'],
    [400, 'EXCEED_MAX_AMOUNT', 'soft-decline'],
    [400, 'INVALID_STOPPED_CARD', 'permanent'],
    [400, 'NOT_MATCHES_CUSTOMER_KEY', 'permanent'],
    [404, 'NOT_FOUND_BILLING', 'permanent'],
    [401, 'UNAUTHORIZED_KEY', 'config'],
    [403, 'INCORRECT_BASIC_AUTH_FORMAT', 'config'],
    [400, 'NOT_SUPPORTED_METHOD', 'config'],
    [400, 'BELOW_MINIMUM_AMOUNT', 'input'],
    [400, 'INVALID_IDEMPOTENCY_KEY', 'input'],
  ] as const)('status %s code %s → %s', (status, code, expected) => {
    expect(retryClassOf(status, code)).toBe(expected);
  });
});
