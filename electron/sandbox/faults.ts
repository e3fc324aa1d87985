// Fault injection for client tests (§17.7, design.md "Testing with real parts"): latency, 5xx, 409,
// 429, connection resets, and "commit the charge, then drop the response".

export const FAULT_KINDS = [
  'drop-after-commit',
  'reset-before',
  'status-500',
  'status-409',
  'status-429',
  'delay',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH'] as const;
const MAX_DELAY_MS = 60_000;
const SPEC_FIELDS = new Set(['match', 'fault', 'delayMs', 'times']);
const MATCH_FIELDS = new Set(['method', 'path']);

export interface FaultSpec {
  readonly match: { readonly method: string | null; readonly path: string };
  readonly fault: FaultKind;
  readonly delayMs: number;
  readonly times: number;
}

/** A stored fault, as POST /__sandbox/faults answers it. */
export interface FaultView extends FaultSpec {
  readonly id: number;
}

export type FaultSpecResult =
  | { readonly ok: true; readonly spec: FaultSpec }
  | { readonly ok: false; readonly message: string };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (message: string): FaultSpecResult => ({ ok: false, message });

/** Unknown fields are refused: a typo such as "time" would otherwise fail silently. */
export function parseFaultSpec(value: unknown): FaultSpecResult {
  if (!isRecord(value)) return invalid('The body must be a JSON object.');
  const unknownField = Object.keys(value).find((name) => !SPEC_FIELDS.has(name));
  if (unknownField !== undefined) return invalid(`Unknown field "${unknownField}".`);

  const match = value.match;
  if (!isRecord(match)) return invalid('"match" must be an object with a "path" glob.');
  const unknownMatchField = Object.keys(match).find((name) => !MATCH_FIELDS.has(name));
  if (unknownMatchField !== undefined) return invalid(`Unknown field "match.${unknownMatchField}".`);
  const { method, path } = match;
  if (typeof path !== 'string' || !path.startsWith('/')) {
    return invalid('"match.path" must be a glob starting with "/", e.g. "/v1/billing/*".');
  }
  const normalisedMethod = typeof method === 'string' ? method.toUpperCase() : method;
  if (
    normalisedMethod !== undefined &&
    normalisedMethod !== null &&
    !METHODS.some((known) => known === normalisedMethod)
  ) {
    return invalid(`"match.method" must be one of ${METHODS.join(', ')} when given.`);
  }

  const fault = value.fault;
  const kind = FAULT_KINDS.find((known) => known === fault);
  if (kind === undefined) return invalid(`"fault" must be one of ${FAULT_KINDS.join(', ')}.`);

  const delayMs = value.delayMs ?? 0;
  if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) {
    return invalid(`"delayMs" must be a whole number from 0 to ${MAX_DELAY_MS}.`);
  }
  const times = value.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
    return invalid('"times" must be a whole number of at least 1.');
  }

  return {
    ok: true,
    spec: {
      match: { method: typeof normalisedMethod === 'string' ? normalisedMethod : null, path },
      fault: kind,
      delayMs,
      times,
    },
  };
}

/** `*` matches any run of characters, `/` included; everything else is literal. */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

interface ArmedFault {
  readonly view: FaultView;
  readonly pattern: RegExp;
  remaining: number;
}

export interface FaultList {
  add(spec: FaultSpec): FaultView;
  /** The first armed fault matching the request, which it uses up one of; undefined if none. */
  take(method: string, path: string): FaultView | undefined;
  clear(): void;
}

export function createFaultList(): FaultList {
  let armed: ArmedFault[] = [];
  let nextId = 1;
  return {
    add(spec) {
      const view: FaultView = { id: nextId, ...spec };
      nextId += 1;
      armed.push({ view, pattern: globToRegExp(spec.match.path), remaining: spec.times });
      return view;
    },
    take(method, path) {
      const hit = armed.find(
        (fault) =>
          (fault.view.match.method === null || fault.view.match.method === method) &&
          fault.pattern.test(path),
      );
      if (!hit) return undefined;
      hit.remaining -= 1;
      if (hit.remaining === 0) armed = armed.filter((fault) => fault !== hit);
      return hit.view;
    },
    clear() {
      armed = [];
    },
  };
}
