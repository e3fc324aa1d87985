import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { emptySuccess, failure } from './outcome.ts';

/**
 * DELETE /v1/billing/{billingKey} (§3.4): 200 with an empty body. A second delete answers
 * ALREADY_REMOVED_BILLING_KEY and an unknown key INVALID_BILL_KEY_REQUEST, the charge table's codes
 * (both [U]; §3.4 suggests them).
 */
export function createBillingKeyDeleteEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, params }) => {
    const record = deps.store.billingKeys.get(params.billingKey ?? '');
    if (!record || record.merchant !== merchant) return failure('INVALID_BILL_KEY_REQUEST');
    if (record.status === 'REMOVED') return failure('ALREADY_REMOVED_BILLING_KEY');
    record.status = 'REMOVED';
    return emptySuccess();
  };
}
