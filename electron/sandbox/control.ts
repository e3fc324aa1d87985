import type { IncomingMessage } from 'node:http';
import { authenticate } from './basic-auth.ts';
import { languageFrom } from './errors.ts';
import { type FaultList, parseFaultSpec } from './faults.ts';
import { errorReply, jsonReply, type Reply } from './http-reply.ts';
import type { IdempotencyCache } from './idempotency.ts';
import type { FindMerchant, Merchant } from './merchants.ts';
import type { RateLimiter } from './rate-limit.ts';
import { MAX_BODY_BYTES, readBody } from './request-body.ts';
import { clearStore, type SandboxStore } from './store.ts';
import { parseSwitches, type SandboxSwitches } from './switches.ts';

export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlDeps {
  readonly store: SandboxStore;
  readonly faults: FaultList;
  readonly idempotency: IdempotencyCache;
  readonly findMerchant: FindMerchant;
  readonly switches: SandboxSwitches;
  /** What the switches were at start-up: a reset brings them back. */
  readonly initialSwitches: Readonly<SandboxSwitches>;
  readonly rateLimiter: RateLimiter;
}

const controlError = (status: number, code: string, message: string): Reply =>
  jsonReply(status, { code, message });

/**
 * The sandbox's own API under /__sandbox/ (no Toss auth): fault injection, inspection for tests
 * and training mode, and a reset. Its messages are English: it is for developers, not for Toss clients.
 */
export function createControlApi(
  deps: ControlDeps,
): (req: IncomingMessage, pathname: string) => Promise<Reply> {
  const routes: Record<
    string,
    { readonly method: string; readonly handle: (req: IncomingMessage) => Promise<Reply> | Reply }
  > = {
    faults: { method: 'POST', handle: (req) => addFault(deps, req) },
    payments: { method: 'GET', handle: (req) => listPayments(deps, req) },
    'billing-keys': { method: 'GET', handle: (req) => listBillingKeys(deps, req) },
    reset: { method: 'POST', handle: () => reset(deps) },
    switches: { method: 'POST', handle: (req) => setSwitches(deps, req) },
  };
  return async (req, pathname) => {
    const name = pathname.slice(CONTROL_PREFIX.length);
    const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
    if (!route) return controlError(404, 'NOT_FOUND', `There is no sandbox control route ${pathname}.`);
    if (req.method !== route.method) {
      return controlError(405, 'METHOD_NOT_ALLOWED', `${pathname} accepts ${route.method} only.`);
    }
    return route.handle(req);
  };
}

async function readJson(
  req: IncomingMessage,
  code: string,
): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
  const read = await readBody(req, MAX_BODY_BYTES);
  if (!read.ok) return { ok: false, reply: controlError(400, code, 'The body is larger than 1 MiB.') };
  try {
    return { ok: true, value: JSON.parse(read.body.toString('utf8')) };
  } catch {
    return { ok: false, reply: controlError(400, code, 'The body is not valid JSON.') };
  }
}

async function addFault(deps: ControlDeps, req: IncomingMessage): Promise<Reply> {
  const body = await readJson(req, 'INVALID_FAULT');
  if (!body.ok) return body.reply;
  const parsed = parseFaultSpec(body.value);
  if (!parsed.ok) return controlError(400, 'INVALID_FAULT', parsed.message);
  return jsonReply(201, deps.faults.add(parsed.spec));
}

/** Changes the fields given (`{}` changes nothing) and answers every switch as it now stands. */
async function setSwitches(deps: ControlDeps, req: IncomingMessage): Promise<Reply> {
  const body = await readJson(req, 'INVALID_SWITCHES');
  if (!body.ok) return body.reply;
  const parsed = parseSwitches(body.value);
  if (!parsed.ok) return controlError(400, 'INVALID_SWITCHES', parsed.message);
  Object.assign(deps.switches, parsed.switches);
  return jsonReply(200, { ...deps.switches });
}

type Scope =
  | { readonly ok: true; readonly merchant: Merchant | undefined }
  | { readonly ok: false; readonly reply: Reply };

/** Without an Authorization header the listings cover every merchant; with one, only that merchant. */
function scopeOf(deps: ControlDeps, req: IncomingMessage): Scope {
  const header = req.headers.authorization;
  if (header === undefined) return { ok: true, merchant: undefined };
  const auth = authenticate(header, deps.findMerchant);
  if (auth.ok) return { ok: true, merchant: auth.merchant };
  return { ok: false, reply: errorReply(auth.code, languageFrom(req.headers['accept-language'])) };
}

function listPayments(deps: ControlDeps, req: IncomingMessage): Reply {
  const scope = scopeOf(deps, req);
  if (!scope.ok) return scope.reply;
  const payments = [...deps.store.payments.values()]
    .filter((record) => scope.merchant === undefined || record.merchant === scope.merchant)
    .map((record) => record.payment);
  return jsonReply(200, payments);
}

function listBillingKeys(deps: ControlDeps, req: IncomingMessage): Reply {
  const scope = scopeOf(deps, req);
  if (!scope.ok) return scope.reply;
  const keys = [...deps.store.billingKeys.values()]
    .filter((record) => scope.merchant === undefined || record.merchant === scope.merchant)
    .map((record) => ({
      billingKey: record.billingKey,
      customerKey: record.customerKey,
      status: record.status,
      mId: record.merchant.mId,
      card: record.cardOnFile.card,
      authenticatedAt: record.authenticatedAt,
    }));
  return jsonReply(200, keys);
}

function reset(deps: ControlDeps): Reply {
  Object.assign(deps.switches, deps.initialSwitches);
  clearStore(deps.store);
  deps.faults.clear();
  deps.idempotency.clear();
  deps.rateLimiter.clear();
  return { status: 204, headers: {}, body: Buffer.alloc(0) };
}
