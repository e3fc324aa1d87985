import { containsCardNumberLikeRun } from '../../../shared/card/index.ts';
import { REDACTED, redactText } from './redact-text.ts';
import { isSensitiveName } from './sensitive-names.ts';

// Deeper than any structure the app logs on purpose; stops a runaway (non-cyclic) chain early.
const MAX_DEPTH = 16;

// Toss's X-TossPayments-Trace-Id: 32 lowercase hex, two comma-separated on an idempotent
// replay (electron/sandbox/README.md, toss-api.md §2). About 2% of random ids hold a run of 13+
// decimal digits, which the card-number rule would mask, losing the one id Toss support asks for
// first (billing README step 3). Only a value of exactly this shape under exactly this name is
// kept as it is; any other value named traceId is redacted like everything else.
const TRACE_ID_FIELD = 'traceId';
const TRACE_ID = /^[0-9a-f]{32}(?:, [0-9a-f]{32})*$/;

// Error properties written out explicitly (they are not enumerable) and in this order.
const ERROR_OWN = new Set(['name', 'message', 'stack', 'cause', 'errors']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Turns any value into plain JSON with every secret removed: strings are redacted wherever they
 * are (values, keys, messages, stacks, causes; a Toss trace id under traceId is the one exception,
 * see TRACE_ID), values under sensitive names are replaced whatever they are, byte arrays are never
 * written out (they may be a data key), and cycles become '[Circular]'. It never throws: a
 * property that cannot be read is written as '[Unreadable]'.
 */
export function toLoggable(value: unknown): Json | undefined {
  return walk(value, new Set(), 0);
}

function walk(value: unknown, ancestors: Set<object>, depth: number): Json | undefined {
  if (typeof value !== 'object' || value === null) return walkPrimitive(value);
  // Only ancestors count: the same object twice side by side is not a cycle.
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  ancestors.add(value);
  try {
    return walkObject(value, ancestors, depth + 1);
  } catch {
    return '[Unreadable]';
  } finally {
    ancestors.delete(value);
  }
}

function walkPrimitive(value: unknown): Json | undefined {
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number': {
      // A card number kept as a number would be printed digit for digit.
      const text = String(value);
      return containsCardNumberLikeRun(text) ? redactText(text) : value;
    }
    case 'bigint':
    case 'symbol':
      return redactText(value.toString());
    case 'function':
      return redactText(`[Function ${value.name || 'anonymous'}]`);
    case 'boolean':
      return value;
    default:
      // undefined and null: null stays, undefined is left out like JSON does.
      return value === null ? null : undefined;
  }
}

function walkObject(value: object, ancestors: Set<object>, depth: number): Json | undefined {
  const next = (item: unknown) => walk(item, ancestors, depth);
  if (value instanceof Error) return walkError(value, next);
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (value instanceof ArrayBuffer) return `[ArrayBuffer ${value.byteLength} bytes]`;
  if (value instanceof Map)
    return fields(
      [...value].map(([key, item]) => [String(key), () => item]),
      next,
    );
  if (value instanceof Set) return [...value].map((item) => next(item) ?? null);
  if (Array.isArray(value)) return value.map((item) => next(item) ?? null);
  // Date, URL and the like describe themselves; byte arrays were handled above because
  // Buffer's toJSON would list every byte.
  if ('toJSON' in value && typeof value.toJSON === 'function') return next(value.toJSON());
  return fields(
    Object.keys(value).map((key) => [key, () => (value as Record<string, unknown>)[key]]),
    next,
  );
}

function walkError(error: Error, next: (item: unknown) => Json | undefined): Json {
  const own = Object.keys(error).filter((key) => !ERROR_OWN.has(key));
  const entries: [string, () => unknown][] = [
    ['name', () => error.name],
    ['message', () => error.message],
    ...own.map((key): [string, () => unknown] => [
      key,
      () => (error as unknown as Record<string, unknown>)[key],
    ]),
    ['stack', () => error.stack],
  ];
  if (error.cause !== undefined) entries.push(['cause', () => error.cause]);
  if (error instanceof AggregateError) entries.push(['errors', () => error.errors]);
  return fields(entries, next);
}

/** Reads each value lazily so that a sensitive one is never even read, and one failing read stays local. */
function fields(entries: [string, () => unknown][], next: (item: unknown) => Json | undefined): Json {
  const out: { [key: string]: Json } = {};
  for (const [key, read] of entries) {
    let item: Json | undefined;
    if (isSensitiveName(key)) item = REDACTED;
    else {
      try {
        const raw = read();
        item = key === TRACE_ID_FIELD && typeof raw === 'string' && TRACE_ID.test(raw) ? raw : next(raw);
      } catch {
        item = '[Unreadable]';
      }
    }
    if (item !== undefined) out[redactText(key)] = item;
  }
  return out;
}
