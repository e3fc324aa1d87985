import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from './basic-auth.ts';
import { BILLING_WINDOW_PATH, createBillingWindow } from './billing-window.ts';
import { CONTROL_PREFIX, type ControlDeps, createControlApi } from './control.ts';
import type { EndpointDeps } from './endpoint.ts';
import { type ErrorCode, isErrorCode, type Language, languageFrom } from './errors.ts';
import type { FaultKind } from './faults.ts';
import { errorReply, type Reply, renderOutcome, sendReply } from './http-reply.ts';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency.ts';
import type { RateLimiter } from './rate-limit.ts';
import { MAX_BODY_BYTES, readBody } from './request-body.ts';
import { createRouteTable, matchRoute, type RouteTable } from './routes.ts';

export interface RequestHandlerDeps extends ControlDeps, EndpointDeps {
  readonly rateLimiter: RateLimiter;
  readonly now: () => Date;
  /** Gets one line per notable event. Never request bodies: they carry card data. */
  readonly log: (line: string) => void;
  /** Aborted when the sandbox closes, so that delayed requests stop waiting. */
  readonly closing: AbortSignal;
}

interface ApiCall {
  readonly method: string;
  readonly url: URL;
  readonly req: IncomingMessage;
  readonly body: Buffer;
  readonly language: Language;
}

type Prepared =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | {
      readonly kind: 'execute';
      readonly run: () => Reply;
      readonly settle: (reply: Reply | undefined) => void;
    };

const STATUS_FAULTS: Partial<Record<FaultKind, ErrorCode>> = {
  'status-500': 'FAILED_INTERNAL_SYSTEM_PROCESSING',
  'status-409': 'IDEMPOTENT_REQUEST_PROCESSING',
  'status-429': 'TOO_MANY_REQUESTS',
};

export function createRequestHandler(
  deps: RequestHandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = createRouteTable(deps);
  const control = createControlApi(deps);
  const billingWindow = createBillingWindow(deps);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    // The window and its stylesheet, served before the control API, whose routes it shares a prefix with.
    if (url.pathname.startsWith(BILLING_WINDOW_PATH)) {
      sendReply(res, await billingWindow(req, url));
      return;
    }
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      sendReply(res, await control(req, url.pathname));
      return;
    }

    const language = languageFrom(req.headers['accept-language']);
    // Every answer of the API carries its own trace id, errors included (issue 17 item 2).
    const traceId = deps.ids.traceId();
    const send = (reply: Reply) => sendReply(res, withEcho(withTrace(reply, traceId), req, method));
    const fault = url.pathname.startsWith('/v1/') ? deps.faults.take(method, url.pathname) : undefined;
    if (fault?.fault === 'reset-before') {
      req.socket.destroy();
      return;
    }
    const read = await readBody(req, MAX_BODY_BYTES);
    const statusFault = fault && STATUS_FAULTS[fault.fault];
    if (statusFault) {
      send(errorReply(statusFault, language));
      return;
    }
    if (!read.ok) {
      send(errorReply('INVALID_REQUEST', language));
      return;
    }

    const prepared = prepare(routes, deps, { method, url, req, body: read.body, language });
    if (prepared.kind === 'reply') {
      if (fault?.fault === 'delay') await sleep(fault.delayMs, undefined, { signal: deps.closing });
      if (fault?.fault === 'drop-after-commit') {
        req.socket.destroy();
        return;
      }
      send(prepared.reply);
      return;
    }
    let reply: Reply | undefined;
    try {
      if (fault?.fault === 'delay') await sleep(fault.delayMs, undefined, { signal: deps.closing });
      // Stamped before it is stored, so that a replay carries the first answer's trace id too.
      reply = withTrace(prepared.run(), traceId);
    } finally {
      prepared.settle(reply);
    }
    if (fault?.fault === 'drop-after-commit') {
      req.socket.destroy();
      return;
    }
    sendReply(res, withEcho(reply, req, method));
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (deps.closing.aborted || req.socket.destroyed) return;
      // The path is left out: it may hold a billing key.
      deps.log(
        `sandbox: a ${req.method} request failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      if (res.headersSent) {
        res.destroy();
      } else {
        sendReply(
          res,
          withTrace(
            errorReply('FAILED_INTERNAL_SYSTEM_PROCESSING', languageFrom(req.headers['accept-language'])),
            deps.ids.traceId(),
          ),
        );
      }
    });
  };
}

/**
 * Everything decided before the (optionally delayed) work: routing, auth, the billing contract,
 * the rate limit, the idempotency claim and forced test codes. Claiming before any delay is what
 * lets a duplicate that arrives during a `delay` fault see 409 IDEMPOTENT_REQUEST_PROCESSING.
 */
function prepare(routes: RouteTable, deps: RequestHandlerDeps, call: ApiCall): Prepared {
  const answer = (reply: Reply): Prepared => ({ kind: 'reply', reply });
  const fail = (code: ErrorCode): Prepared => answer(errorReply(code, call.language));

  const match = matchRoute(routes, call.method, call.url.pathname);
  if (match.kind === 'not-found') return fail('NOT_FOUND');
  if (match.kind === 'wrong-method') return fail('NOT_FOUND_HTTP_METHOD');
  const auth = authenticate(call.req.headers.authorization, deps.findMerchant);
  if (!auth.ok) return fail(auth.code);
  const { merchant } = auth;
  if (match.route.billing && !merchant.billingContract) return fail('NOT_SUPPORTED_METHOD');

  const perMinute = deps.switches.rateLimitPerMinute;
  if (perMinute !== null) {
    const decision = deps.rateLimiter.take(
      JSON.stringify([merchant.secretKey, call.method, match.route.template]),
      perMinute,
    );
    if (!decision.ok) {
      const reply = errorReply('TOO_MANY_REQUESTS', call.language);
      return answer({
        ...reply,
        headers: { ...reply.headers, 'retry-after': String(decision.retryAfterSeconds) },
      });
    }
  }

  // §14: the forced answer replaces the endpoint's work. An unknown code, or one that does not
  // belong to this endpoint, is INVALID_TEST_CODE, a refusal of the header that is never stored.
  const testCode = headerValue(call.req, 'tosspayments-test-code');
  let forced: ErrorCode | undefined;
  if (testCode !== undefined) {
    if (!isErrorCode(testCode) || !match.route.testCodes.has(testCode)) return fail('INVALID_TEST_CODE');
    forced = testCode;
  }

  const run = (): Reply =>
    forced !== undefined
      ? errorReply(forced, call.language)
      : renderOutcome(
          match.route.endpoint({
            merchant,
            params: match.params,
            query: call.url.searchParams,
            body: call.body,
            now: deps.now(),
          }),
          call.language,
        );

  // §9: the header counts on POST only; GET ignores it and other methods are idempotent anyway.
  const idempotencyKey = call.method === 'POST' ? headerValue(call.req, 'idempotency-key') : undefined;
  if (idempotencyKey === undefined) return { kind: 'execute', run, settle: () => {} };
  if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) return fail('INVALID_IDEMPOTENCY_KEY');

  const bodyDigest = createHash('sha256').update(call.body).digest('hex');
  const claim = deps.idempotency.claim(
    { key: idempotencyKey, secretKey: merchant.secretKey, method: call.method, path: call.url.pathname },
    bodyDigest,
  );
  if (claim.kind === 'in-flight') return fail('IDEMPOTENT_REQUEST_PROCESSING');
  if (claim.kind === 'replay') {
    if (!claim.sameBody) {
      deps.log(
        `sandbox: Idempotency-Key reused with a different body on ${call.method} ${match.route.template}; replaying the first response`,
      );
    }
    return answer(claim.reply);
  }
  return {
    kind: 'execute',
    run,
    // Every business answer is kept, errors included, forced ones too (§9, measured: a 403 forced
    // with the test code comes back for the same key without the header). A forced 5xx, 409 or 429
    // stands for a request Toss did not finish, so it is not kept and a retry runs afresh. A
    // request that ended without an answer (the sandbox closed, or an emulator bug) is forgotten.
    settle: (reply) =>
      reply && (forced === undefined || isFinalAnswer(reply.status))
        ? claim.complete(reply)
        : claim.abandon(),
  };
}

function isFinalAnswer(status: number): boolean {
  return status < 500 && status !== 409 && status !== 429;
}

const TRACE_HEADER = 'x-tosspayments-trace-id';

/**
 * 32 lowercase hex chars per answer. A replayed answer keeps the first one's id and adds its own,
 * comma-separated, as measured on an idempotent replay (§2).
 */
function withTrace(reply: Reply, traceId: string): Reply {
  const first = reply.headers[TRACE_HEADER];
  return {
    ...reply,
    headers: { ...reply.headers, [TRACE_HEADER]: first ? `${first}, ${traceId}` : traceId },
  };
}

/** Toss echoes the request's Idempotency-Key on the answer (§2, measured). */
function withEcho(reply: Reply, req: IncomingMessage, method: string): Reply {
  const key = method === 'POST' ? headerValue(req, 'idempotency-key') : undefined;
  return key === undefined ? reply : { ...reply, headers: { ...reply.headers, 'idempotency-key': key } };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}
