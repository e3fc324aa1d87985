import { Agent, errors } from 'undici';
import type { z } from 'zod';
import { exchange } from './exchange.ts';
import { tossErrorBodySchema } from './schemas.ts';
import { clientError, type MessageLanguage, TossError } from './toss-error.ts';

/** Toss says a billing approval can take 60 s (toss-api.md §3.3, §10): never give up sooner. */
export const MIN_RESPONSE_TIMEOUT_MS = 60_000;
export const DEFAULT_RESPONSE_TIMEOUT_MS = 65_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** A transactions page of 5,000 records is a few MB; anything far larger is not Toss. */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface TransportOptions {
  baseUrl: string;
  /** Asked for on every request, so the key is held by no long-lived object. */
  getSecretKey: () => string | Promise<string>;
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  language: MessageLanguage;
  maxConnections: number;
  log: (entry: TossRequestLogEntry) => void;
}

/** What is logged of a request: never a body, a header or a key; the route is a template. */
export interface TossRequestLogEntry {
  method: string;
  route: string;
  status: number | null;
  code: string | null;
  /** Toss's X-TossPayments-Trace-Id, the first thing its support asks for; null without an answer. */
  traceId: string | null;
  durationMs: number;
}

export interface TossRequest<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path with identifiers filled in, already percent-encoded. */
  path: string;
  /** The same path with placeholders, for logs. */
  route: string;
  body?: unknown;
  idempotencyKey?: string;
  testCode?: string;
  signal?: AbortSignal;
  /** Told the trace id of a 2xx answer (a failed one carries it on its TossError). */
  onTraceId?: (traceId: string) => void;
  /** How to read a 2xx body; null for an empty one (DELETE). */
  response: z.ZodType<T> | null;
}

export interface Transport {
  send<T>(req: TossRequest<T>): Promise<T>;
  close(): Promise<void>;
}

export function createTransport(options: TransportOptions): Transport {
  const origin = new URL(options.baseUrl).origin;
  const dispatcher = new Agent({
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.responseTimeoutMs,
    bodyTimeout: options.responseTimeoutMs,
    keepAliveTimeout: 30_000,
    connections: options.maxConnections,
    maxResponseSize: MAX_RESPONSE_BYTES,
  });

  async function send<T>(req: TossRequest<T>): Promise<T> {
    const started = performance.now();
    const secret = await options.getSecretKey();
    let status: number | null = null;
    let code: string | null = null;
    let traceId: string | null = null;
    try {
      const headers: Record<string, string> = {
        authorization: `Basic ${Buffer.from(`${secret}:`, 'utf8').toString('base64')}`,
        accept: 'application/json',
      };
      if (options.language === 'en') headers['accept-language'] = 'en-US';
      if (req.body !== undefined) headers['content-type'] = 'application/json';
      if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey;
      // Live keys ignore the header; not sending it keeps live traffic plain.
      if (req.testCode !== undefined && secret.startsWith('test_')) {
        headers['tosspayments-test-code'] = req.testCode;
      }
      const response = await exchange(dispatcher, {
        origin,
        path: req.path,
        method: req.method,
        headers,
        body: req.body === undefined ? null : JSON.stringify(req.body),
        signal: req.signal ?? null,
        // Known as soon as the headers are in, so a body that then fails is still logged with them.
        onHeaders: (statusCode, responseHeaders) => {
          status = statusCode;
          traceId = traceIdOf(responseHeaders[TRACE_HEADER]);
        },
      });
      const { statusCode, text } = response;
      if (statusCode >= 200 && statusCode < 300) {
        const value = parseSuccess(req.response, text, statusCode, options.language, traceId);
        if (traceId !== null) req.onTraceId?.(traceId);
        return value;
      }
      const error = parseFailure(text, statusCode, options.language, {
        traceId,
        retryAfterMs: retryAfterMsOf(response.headers['retry-after']),
      });
      code = error.code;
      throw error;
    } catch (error) {
      const failure =
        error instanceof TossError
          ? error
          : transportFailure(error, options.language, secretRedactor(secret));
      code = failure.code;
      throw failure;
    } finally {
      options.log({
        method: req.method,
        route: req.route,
        status,
        code,
        traceId,
        durationMs: Math.round(performance.now() - started),
      });
    }
  }

  return { send, close: () => dispatcher.close() };
}

const TRACE_HEADER = 'x-tosspayments-trace-id';
/** One id is 32 hex chars; a replay has been seen carrying two. Anything longer is not Toss's. */
const MAX_TRACE_LENGTH = 200;

function traceIdOf(value: string | string[] | undefined): string | null {
  const text = (Array.isArray(value) ? value.join(', ') : (value ?? '')).trim();
  return text === '' || text.length > MAX_TRACE_LENGTH || !/^[\x20-\x7e]+$/.test(text) ? null : text;
}

/** Retry-After in whole seconds (Toss documents none, §11; the emulator sends one), capped at 5 min. */
function retryAfterMsOf(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d{1,6}$/.test(text.trim())) return null;
  return Math.min(Number(text.trim()), 300) * 1000;
}

function parseSuccess<T>(
  schema: z.ZodType<T> | null,
  text: string,
  status: number,
  language: MessageLanguage,
  traceId: string | null,
): T {
  if (schema === null) return undefined as T;
  const json = parseJson(text);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw clientError('CLIENT_BAD_RESPONSE', language, { status, detail: where, traceId });
  }
  // The schemas only check and transform nothing, so the checked JSON itself is returned: it keeps
  // the fields Toss added after the schemas were written (the ledger stores them as sent).
  return json as T;
}

function parseFailure(
  text: string,
  status: number,
  language: MessageLanguage,
  answer: { traceId: string | null; retryAfterMs: number | null },
): TossError {
  const parsed = tossErrorBodySchema.safeParse(parseJson(text));
  if (!parsed.success)
    return clientError('CLIENT_BAD_RESPONSE', language, { status, traceId: answer.traceId });
  return new TossError({ status, code: parsed.data.code, message: parsed.data.message, ...answer });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * undici's own error is replaced by a plain one carrying only its name, code and a scrubbed
 * message, so nothing it referenced (request options, headers) rides along in `cause`.
 */
function transportFailure(error: unknown, language: MessageLanguage, redact: (text: string) => string) {
  const original = error instanceof Error ? error : new Error(String(error));
  const undiciCode = (original as { code?: unknown }).code;
  const cause = new Error(redact(original.message));
  cause.name = original.name;
  if (typeof undiciCode === 'string') Object.assign(cause, { code: undiciCode });
  if (original instanceof errors.ResponseExceededMaxSizeError) {
    return clientError('CLIENT_BAD_RESPONSE', language, { cause, detail: 'response too large' });
  }
  if (
    original instanceof errors.HeadersTimeoutError ||
    original instanceof errors.BodyTimeoutError ||
    original instanceof errors.ConnectTimeoutError
  ) {
    return clientError('CLIENT_TIMEOUT', language, { cause });
  }
  if (original.name === 'AbortError' || original instanceof errors.RequestAbortedError) {
    return clientError('CLIENT_ABORTED', language, { cause });
  }
  return clientError('CLIENT_NETWORK_ERROR', language, { cause });
}

function secretRedactor(secret: string): (text: string) => string {
  const encoded = Buffer.from(`${secret}:`, 'utf8').toString('base64');
  const forms = [secret, encoded, encoded.replace(/=+$/, '')].filter((form) => form.length > 0);
  return (text) => forms.reduce((acc, form) => acc.split(form).join('[redacted]'), text);
}
