import type { z } from 'zod';
import {
  type Billing,
  billingSchema,
  type CancelPaymentRequest,
  type ChargeBillingKeyRequest,
  cancelPaymentRequestSchema,
  chargeBillingKeyRequestSchema,
  customerKeySchema,
  type IssueBillingKeyWithAuthKeyRequest,
  type IssueBillingKeyWithCardRequest,
  idempotencyKeySchema,
  issueBillingKeyWithAuthKeyRequestSchema,
  issueBillingKeyWithCardRequestSchema,
  type ListTransactionsRequest,
  listTransactionsRequestSchema,
  orderIdSchema,
  type Payment,
  paymentSchema,
  type Transaction,
  transactionListSchema,
} from './schemas.ts';
import { clientError, type MessageLanguage } from './toss-error.ts';
import {
  createTransport,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_RESPONSE_TIMEOUT_MS,
  MIN_RESPONSE_TIMEOUT_MS,
  type TossRequestLogEntry,
} from './transport.ts';

export const TOSS_API_BASE_URL = 'https://api.tosspayments.com';

export interface TossClientOptions {
  /** Default https://api.tosspayments.com. Plain http is accepted only for a loopback emulator. */
  baseUrl?: string;
  getSecretKey: () => string | Promise<string>;
  connectTimeoutMs?: number;
  /** At least 60 s except against a loopback emulator, where tests may shorten it. */
  responseTimeoutMs?: number;
  /** Language of Toss's error messages; Korean unless told otherwise. */
  language?: MessageLanguage;
  maxConnections?: number;
  log?: (entry: TossRequestLogEntry) => void;
}

/** Every POST names its Idempotency-Key: the caller stores it with the attempt before sending. */
export interface PostOptions {
  idempotencyKey: string;
  /** Test keys only: makes Toss answer with this error code (toss-api.md §14). */
  testCode?: string;
  signal?: AbortSignal;
  /** Told Toss's X-TossPayments-Trace-Id of a successful answer (a TossError carries its own). */
  onTraceId?: (traceId: string) => void;
}

export interface GetOptions {
  signal?: AbortSignal;
  /** Told Toss's X-TossPayments-Trace-Id of a successful answer (a TossError carries its own). */
  onTraceId?: (traceId: string) => void;
}

/** A billing key is only usable with the customerKey it was issued for (toss-api.md §15.1). */
export interface BillingKeyRef {
  billingKey: string;
  customerKey: string;
}

export interface TossClient {
  issueBillingKeyWithCard(body: IssueBillingKeyWithCardRequest, options: PostOptions): Promise<Billing>;
  issueBillingKeyWithAuthKey(body: IssueBillingKeyWithAuthKeyRequest, options: PostOptions): Promise<Billing>;
  chargeBillingKey(key: BillingKeyRef, body: ChargeBillingKeyRequest, options: PostOptions): Promise<Payment>;
  deleteBillingKey(billingKey: string, options?: GetOptions & { testCode?: string }): Promise<void>;
  cancelPayment(paymentKey: string, body: CancelPaymentRequest, options: PostOptions): Promise<Payment>;
  getPayment(paymentKey: string, options?: GetOptions): Promise<Payment>;
  getPaymentByOrderId(orderId: string, options?: GetOptions): Promise<Payment>;
  listTransactions(query: ListTransactionsRequest, options?: GetOptions): Promise<Transaction[]>;
  close(): Promise<void>;
}

export function createTossClient(options: TossClientOptions): TossClient {
  const baseUrl = new URL(options.baseUrl ?? TOSS_API_BASE_URL);
  const language = options.language ?? 'ko';
  const responseTimeoutMs = options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS;
  const loopback = isLoopback(baseUrl.hostname);
  if (baseUrl.protocol !== 'https:' && !loopback) {
    throw new Error(`Toss API base URL must use https (got ${baseUrl.protocol}//${baseUrl.host})`);
  }
  if (responseTimeoutMs < MIN_RESPONSE_TIMEOUT_MS && !loopback) {
    throw new Error(`Toss response timeout must be at least ${MIN_RESPONSE_TIMEOUT_MS} ms`);
  }
  const transport = createTransport({
    baseUrl: baseUrl.href,
    getSecretKey: options.getSecretKey,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    responseTimeoutMs,
    language,
    maxConnections: options.maxConnections ?? 16,
    log: options.log ?? (() => {}),
  });

  function valid<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    // Paths and rule texts only: the rejected values may be card data.
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '값'} (${issue.message})`)
      .join(', ');
    throw clientError('CLIENT_INVALID_REQUEST', language, { detail });
  }

  function post<T>(path: string, route: string, body: unknown, response: z.ZodType<T>, opts: PostOptions) {
    return transport.send({
      method: 'POST',
      path,
      route,
      body,
      response,
      idempotencyKey: valid(idempotencyKeySchema, opts.idempotencyKey),
      ...optional(opts),
    });
  }

  return {
    issueBillingKeyWithCard: async (body, opts) =>
      post(
        '/v1/billing/authorizations/card',
        '/v1/billing/authorizations/card',
        valid(issueBillingKeyWithCardRequestSchema, body),
        billingSchema,
        opts,
      ),
    issueBillingKeyWithAuthKey: async (body, opts) =>
      post(
        '/v1/billing/authorizations/issue',
        '/v1/billing/authorizations/issue',
        valid(issueBillingKeyWithAuthKeyRequestSchema, body),
        billingSchema,
        opts,
      ),
    chargeBillingKey: async (key, body, opts) => {
      const customerKey = valid(customerKeySchema, key.customerKey);
      const payload = { ...valid(chargeBillingKeyRequestSchema, body), customerKey };
      return post(
        `/v1/billing/${segment(key.billingKey)}`,
        '/v1/billing/{billingKey}',
        payload,
        paymentSchema,
        opts,
      );
    },
    deleteBillingKey: async (billingKey, opts = {}) =>
      transport.send({
        method: 'DELETE',
        path: `/v1/billing/${segment(billingKey)}`,
        route: '/v1/billing/{billingKey}',
        response: null,
        ...optional(opts),
      }),
    cancelPayment: async (paymentKey, body, opts) =>
      post(
        `/v1/payments/${segment(paymentKey)}/cancel`,
        '/v1/payments/{paymentKey}/cancel',
        valid(cancelPaymentRequestSchema, body),
        paymentSchema,
        opts,
      ),
    getPayment: async (paymentKey, opts = {}) =>
      transport.send({
        method: 'GET',
        path: `/v1/payments/${segment(paymentKey)}`,
        route: '/v1/payments/{paymentKey}',
        response: paymentSchema,
        ...optional(opts),
      }),
    getPaymentByOrderId: async (orderId, opts = {}) =>
      transport.send({
        method: 'GET',
        path: `/v1/payments/orders/${segment(valid(orderIdSchema, orderId))}`,
        route: '/v1/payments/orders/{orderId}',
        response: paymentSchema,
        ...optional(opts),
      }),
    listTransactions: async (query, opts = {}) => {
      const params = valid(listTransactionsRequestSchema, query);
      const search = new URLSearchParams({ startDate: params.startDate, endDate: params.endDate });
      if (params.startingAfter !== undefined) search.set('startingAfter', params.startingAfter);
      if (params.limit !== undefined) search.set('limit', String(params.limit));
      return transport.send({
        method: 'GET',
        path: `/v1/transactions?${search}`,
        route: '/v1/transactions',
        response: transactionListSchema,
        ...optional(opts),
      });
    },
    close: () => transport.close(),
  };
}

/** Billing keys contain `=`, `-` and `_`; Toss accepts them raw or percent-encoded (§3.3). */
function segment(value: string): string {
  if (value.length === 0 || value.length > 200) {
    throw new Error('A Toss path identifier must be 1 to 200 characters');
  }
  return encodeURIComponent(value);
}

function optional(opts: { testCode?: string; signal?: AbortSignal; onTraceId?: (traceId: string) => void }) {
  return {
    ...(opts.testCode === undefined ? {} : { testCode: opts.testCode }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    ...(opts.onTraceId === undefined ? {} : { onTraceId: opts.onTraceId }),
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
