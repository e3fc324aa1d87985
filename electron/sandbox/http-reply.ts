import type { ServerResponse } from 'node:http';
import { type ErrorCode, errorBody, errorStatus, type Language } from './errors.ts';
import type { Outcome } from './outcome.ts';

/** A fully rendered response: what the idempotency cache stores and replays byte for byte. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, value: unknown): Reply {
  return { status, headers: { 'content-type': JSON_TYPE }, body: Buffer.from(JSON.stringify(value), 'utf8') };
}

export function errorReply(code: ErrorCode, language: Language): Reply {
  const reply = jsonReply(errorStatus(code), errorBody(code, language));
  // Toss documents no Retry-After (§11); the sandbox sends one so clients can exercise honouring it.
  return reply.status === 429 ? { ...reply, headers: { ...reply.headers, 'retry-after': '1' } } : reply;
}

export function renderOutcome(outcome: Outcome, language: Language): Reply {
  switch (outcome.kind) {
    case 'json':
      return jsonReply(200, outcome.value);
    case 'empty':
      // DELETE answers 200 with a 0-byte body (§3.4).
      return { status: 200, headers: {}, body: Buffer.alloc(0) };
    case 'error':
      return errorReply(outcome.code, language);
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length) });
  res.end(reply.body);
}
