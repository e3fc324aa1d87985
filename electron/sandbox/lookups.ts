import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { failure, success } from './outcome.ts';
import { orderKey } from './store.ts';

/** GET /v1/payments/{paymentKey} (§3.7). */
export function createPaymentLookupEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, params }) => {
    const key = params.paymentKey ?? '';
    const record = deps.store.payments.get(key) ?? deps.store.abortedPayments.get(key);
    return record && record.merchant === merchant ? success(record.payment) : failure('NOT_FOUND_PAYMENT');
  };
}

/**
 * GET /v1/payments/orders/{orderId} (§3.7). A refused charge leaves nothing to find, or an ABORTED
 * payment with the switch `failedChargeLookup: 'aborted'`; an approval of the orderId wins.
 */
export function createOrderLookupEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, params }) => {
    const key = orderKey(merchant, params.orderId ?? '');
    const record = deps.store.paymentsByOrder.get(key) ?? deps.store.abortedByOrder.get(key);
    return record ? success(record.payment) : failure('NOT_FOUND_PAYMENT');
  };
}
