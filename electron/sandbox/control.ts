import type { IncomingMessage } from 'node:http';
import { authenticate } from './basic-auth.ts';
import { languageFrom } from './errors.ts';
import { type FaultList, parseFaultSpec } from './faults.ts';
import { errorReply, jsonReply, type Reply } from './http-reply.ts';
import type { IdempotencyCache } from './idempotency.ts';
import type { FindMerchant, Merchant } from './merchants.ts';
import { MAX_BODY_BYTES, readBody } from './request-body.ts';
import { clearStore, type SandboxStore } from './store.ts';
import { isTransactionDateMode, type TransactionDateSwitch } from './transaction-dates.ts';

export const CONTROL_PREFIX = '/__sandbox/';

export interface ControlDeps {
  readonly store: SandboxStore;
  readonly faults: FaultList;
  readonly idempotency: IdempotencyCache;
  readonly findMerchant: FindMerchant;
  readonly transactionDates?: TransactionDateSwitch;
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
    'transaction-dates': { method: 'POST', handle: (req) => setTransactionDates(deps, req) },
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

async function addFault(deps: ControlDeps, req: IncomingMessage): Promise<Reply> {
  const read = await readBody(req, MAX_BODY_BYTES);
  if (!read.ok) return controlError(400, 'INVALID_FAULT', 'The body is larger than 1 MiB.');
  let value: unknown;
  try {
    value = JSON.parse(read.body.toString('utf8'));
  } catch {
    return controlError(400, 'INVALID_FAULT', 'The body is not valid JSON.');
  }
  const parsed = parseFaultSpec(value);
  if (!parsed.ok) return controlError(400, 'INVALID_FAULT', parsed.message);
  return jsonReply(201, deps.faults.add(parsed.spec));
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

/** `{"mode": "wall-time" | "strict"}`: how /v1/transactions reads a date with an offset. */
async function setTransactionDates(deps: ControlDeps, req: IncomingMessage): Promise<Reply> {
  const read = await readBody(req, MAX_BODY_BYTES);
  let mode: unknown;
  try {
    mode = read.ok ? (JSON.parse(read.body.toString('utf8')) as { mode?: unknown }).mode : undefined;
  } catch {
    mode = undefined;
  }
  if (!deps.transactionDates || !isTransactionDateMode(mode)) {
    return controlError(400, 'INVALID_MODE', 'Send {"mode": "wall-time"} or {"mode": "strict"}.');
  }
  deps.transactionDates.mode = mode;
  return jsonReply(200, { mode });
}

function reset(deps: ControlDeps): Reply {
  if (deps.transactionDates) deps.transactionDates.mode = deps.transactionDates.initial;
  clearStore(deps.store);
  deps.faults.clear();
  deps.idempotency.clear();
  return { status: 204, headers: {}, body: Buffer.alloc(0) };
}
