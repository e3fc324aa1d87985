import { issueBillingKey } from './billing-key-issue.ts';
import { field, parseJsonObject } from './body-fields.ts';
import type { Endpoint, EndpointDeps } from './endpoint.ts';
import type { Merchant } from './merchants.ts';
import { failure, success } from './outcome.ts';
import type { CardOnFile } from './store.ts';

/**
 * Records a finished registration window (§3.2) and returns the authKey the browser carries to the
 * successUrl. The stand-in window (billing-window.ts) calls this once a card is accepted.
 */
export function createAuthKey(
  deps: EndpointDeps,
  merchant: Merchant,
  customerKey: string,
  card: CardOnFile,
): string {
  const authKey = deps.ids.authKey();
  deps.store.authKeys.set(authKey, { merchant, customerKey, cardOnFile: card });
  return authKey;
}

/**
 * POST /v1/billing/authorizations/issue (§3.2). An authKey works once, for the merchant and the
 * customerKey it was made for. Any other pairing answers 404 NOT_FOUND_BILLING, like an unknown key,
 * and leaves the authKey usable ([U]: Toss documents no separate code for a customerKey mismatch).
 */
export function createAuthKeyIssueEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, body: raw, now }) => {
    const body = parseJsonObject(raw);
    const authKey = body && field(body, 'authKey');
    const customerKey = body && field(body, 'customerKey');
    if (typeof authKey !== 'string' || authKey.length === 0 || authKey.length > 300) {
      return failure('INVALID_REQUEST');
    }
    if (typeof customerKey !== 'string' || customerKey.length < 2) return failure('INVALID_REQUEST');
    if (customerKey.length > 300) return failure('FAILED_DB_PROCESSING');

    const record = deps.store.authKeys.get(authKey);
    if (!record || record.merchant !== merchant || record.customerKey !== customerKey) {
      return failure('NOT_FOUND_BILLING');
    }
    deps.store.authKeys.delete(authKey);
    return success(issueBillingKey(deps, merchant, customerKey, record.cardOnFile, now));
  };
}
