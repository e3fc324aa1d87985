import { createAuthKeyIssueEndpoint } from './auth-keys.ts';
import { createBillingKeyDeleteEndpoint } from './billing-key-delete.ts';
import { createCardIssueEndpoint } from './billing-key-issue.ts';
import { createCancelEndpoint } from './cancel.ts';
import { createChargeEndpoint } from './charge.ts';
import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { createOrderLookupEndpoint, createPaymentLookupEndpoint } from './lookups.ts';
import { type TestCodeTable, testCodesFor } from './test-codes.ts';
import { createTransactionsEndpoint } from './transactions.ts';

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path segments; `{name}` captures one segment. */
  readonly segments: readonly string[];
  /** The path with its parameters unfilled, safe to log. */
  readonly template: string;
  /** Billing endpoints need the merchant's billing contract (§1.1). */
  readonly billing: boolean;
  /** The codes `TossPayments-Test-Code` may force here (test-codes.ts). */
  readonly testCodes: ReadonlySet<string>;
  readonly endpoint: Endpoint;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'not-found' };

export type RouteTable = readonly Route[];

function route(
  method: Route['method'],
  template: string,
  billing: boolean,
  codes: TestCodeTable,
  endpoint: Endpoint,
): Route {
  return {
    method,
    segments: template.split('/').slice(1),
    template,
    billing,
    testCodes: testCodesFor(codes),
    endpoint,
  };
}

export function createRouteTable(deps: EndpointDeps): RouteTable {
  return [
    route('POST', '/v1/billing/authorizations/card', true, 'issue', createCardIssueEndpoint(deps)),
    route('POST', '/v1/billing/authorizations/issue', true, 'issue', createAuthKeyIssueEndpoint(deps)),
    route('POST', '/v1/billing/{billingKey}', true, 'charge', createChargeEndpoint(deps)),
    route('DELETE', '/v1/billing/{billingKey}', true, 'delete', createBillingKeyDeleteEndpoint(deps)),
    route('POST', '/v1/payments/{paymentKey}/cancel', false, 'cancel', createCancelEndpoint(deps)),
    route('GET', '/v1/payments/orders/{orderId}', false, 'lookup', createOrderLookupEndpoint(deps)),
    route('GET', '/v1/payments/{paymentKey}', false, 'lookup', createPaymentLookupEndpoint(deps)),
    route('GET', '/v1/transactions', false, 'transactions', createTransactionsEndpoint(deps)),
  ];
}

/**
 * The first route whose path and method match wins, so the literal paths listed first shadow the
 * parameterised ones. A path that only other methods serve is NOT_FOUND_HTTP_METHOD's business.
 */
export function matchRoute(table: RouteTable, method: string, pathname: string): RouteMatch {
  const segments = pathname.split('/').slice(1);
  let pathKnown = false;
  for (const candidate of table) {
    const params = matchSegments(candidate.segments, segments);
    if (!params) continue;
    if (candidate.method === method) return { kind: 'found', route: candidate, params };
    pathKnown = true;
  }
  return pathKnown ? { kind: 'wrong-method' } : { kind: 'not-found' };
}

function matchSegments(
  pattern: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const segment = actual[index] ?? '';
    if (expected.startsWith('{')) {
      if (segment === '') return undefined;
      params[expected.slice(1, -1)] = decodeSegment(segment);
    } else if (segment !== expected) {
      return undefined;
    }
  }
  return params;
}

// billingKeys contain `=` and arrive raw or percent-encoded; both name the same key (§3.3).
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
