import { afterEach, beforeEach } from 'vitest';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../electron/sandbox/index.ts';
import type { Billing, Payment, Transaction } from '../../electron/sandbox/toss-objects.ts';

export const KEY = 'test_sk_desk_store_one';
export const OTHER_KEY = 'test_sk_desk_store_two';

/** `Basic base64("key:")`, padded like the docs show or unpadded like S1's Rust client. */
export function basic(key: string, padded = true): string {
  const encoded = Buffer.from(`${key}:`, 'utf8').toString('base64');
  return `Basic ${padded ? encoded : encoded.replace(/=+$/, '')}`;
}

/** A hand-driven clock; starts at 2026-03-30 14:39:56 KST. */
export function manualClock(start = '2026-03-30T05:39:56Z') {
  let current = new Date(start);
  let readers: (() => void)[] = [];
  return {
    now: () => {
      const waiting = readers;
      readers = [];
      for (const resolve of waiting) resolve();
      return current;
    },
    /** Resolves when the sandbox next reads the clock: a way to know a request has reached a step. */
    nextRead: () =>
      new Promise<void>((resolve) => {
        readers.push(resolve);
      }),
    set(iso: string) {
      current = new Date(iso);
    },
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface CallOptions {
  /** Secret key for Basic auth; null sends no Authorization header. Default KEY. */
  readonly key?: string | null;
  /** Sent as JSON unless it is a string, which is sent as is. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface CallResult<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
  readonly text: string;
  /** The parsed JSON body, or undefined for an empty one. */
  readonly json: T;
}

export interface ErrorJson {
  readonly code: string;
  readonly message: string;
}

async function call<T = ErrorJson>(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers.authorization = basic(key);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text,
    json: (text ? JSON.parse(text) : undefined) as T,
  };
}

export interface Api {
  readonly url: string;
  call<T = ErrorJson>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  issue(card?: Partial<CardFields>, options?: CallOptions): Promise<Billing>;
  charge(
    billingKey: string,
    body: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<CallResult<Payment>>;
  payments(key?: string): Promise<Payment[]>;
}

export interface CardFields {
  readonly customerKey: string;
  readonly cardNumber: string;
  readonly cardExpirationYear: string;
  readonly cardExpirationMonth: string;
  readonly customerIdentityNumber: string;
  readonly cardPassword: string;
}

export const CARD: CardFields = {
  customerKey: 'cus_6b3f2a9c-1d4e-4f7a-9a51-0c2d3e4f5a6b',
  cardNumber: '9410001234567890',
  cardExpirationYear: '30',
  cardExpirationMonth: '12',
  customerIdentityNumber: '900101',
  cardPassword: '12',
};

function api(url: string): Api {
  return {
    url,
    call: (method, path, options) => call(url, method, path, options),
    async issue(card = {}, options = {}) {
      const result = await call<Billing>(url, 'POST', '/v1/billing/authorizations/card', {
        ...options,
        body: { ...CARD, ...card },
      });
      if (result.status !== 200) throw new Error(`issue failed: ${result.status} ${result.text}`);
      return result.json;
    },
    charge: (billingKey, body, options = {}) =>
      call<Payment>(url, 'POST', `/v1/billing/${encodeURIComponent(billingKey)}`, { ...options, body }),
    async payments(key) {
      const result = await call<Payment[]>(url, 'GET', '/__sandbox/payments', { key: key ?? null });
      return result.json;
    },
  };
}

/** A fresh sandbox for every test, closed afterwards. */
export function sandboxPerTest(options: () => SandboxOptions = () => ({})): { readonly api: Api } {
  let running: RunningSandbox | undefined;
  let current: Api | undefined;
  beforeEach(async () => {
    running = await startSandbox(options());
    current = api(running.url);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    get api() {
      if (!current) throw new Error('The sandbox starts in beforeEach.');
      return current;
    },
  };
}

export function chargeBody(overrides: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    customerKey: CARD.customerKey,
    amount: 15000,
    orderId: 'order_2026_03_0001',
    orderName: '3월 회비',
    ...overrides,
  };
}

export type { Billing, Payment, Transaction };
