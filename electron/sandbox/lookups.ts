import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { failure, success } from './outcome.ts';
import { orderKey } from './store.ts';

/** GET /v1/payments/{paymentKey} (§3.7). */
export function createPaymentLookupEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, params }) => {
    const record = deps.store.payments.get(params.paymentKey ?? '');
    return record && record.merchant === merchant ? success(record.payment) : failure('NOT_FOUND_PAYMENT');
  };
}

/** GET /v1/payments/orders/{orderId} (§3.7). Refused charges leave nothing to find. */
export function createOrderLookupEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, params }) => {
    const record = deps.store.paymentsByOrder.get(orderKey(merchant, params.orderId ?? ''));
    return record ? success(record.payment) : failure('NOT_FOUND_PAYMENT');
  };
}
