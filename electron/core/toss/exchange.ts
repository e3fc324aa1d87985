import type { IncomingHttpHeaders } from 'node:http';
import { type Dispatcher, errors } from 'undici';

/** What one request to Toss came back with: a status, the headers and the whole body as text. */
export interface Exchanged {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface ExchangeOptions {
  readonly origin: string;
  readonly path: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly headers: Record<string, string>;
  readonly body: string | null;
  readonly signal: AbortSignal | null;
  /** Told the status and headers as soon as they arrive, before the body (which may still fail). */
  readonly onHeaders?: (statusCode: number, headers: IncomingHttpHeaders) => void;
}

/** As undici's body.text(): UTF-8, a leading BOM dropped. */
const utf8 = new TextDecoder('utf-8');

/**
 * Sends one request through `dispatcher` and collects its answer in memory, with a plain handler
 * instead of undici's `request()`. Why: `request()` wraps every response in an AsyncResource and a
 * Readable stream, and in a long run of charges (the due run sends thousands back to back) that
 * garbage lives just long enough to be promoted: V8 then grows its young generation to its maximum
 * and the old one with it. A loop of 10,000 charges against the emulator peaked at 262 MB of RSS
 * through `request()` and at 134 MB through this handler (started at 128 MB), at two thirds of the
 * CPU (bench/PROFILING.md). Timeouts, the response size limit and connection errors are still
 * undici's (the Agent's options) and reach the caller as the same undici errors.
 */
export function exchange(dispatcher: Dispatcher, options: ExchangeOptions): Promise<Exchanged> {
  const { signal } = options;
  // As request(): a signal aborted already fails the call without opening a connection.
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<Exchanged>((resolve, reject) => {
    let statusCode = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let controller: Dispatcher.DispatchController | null = null;
    let settled = false;
    const onAbort = () => {
      const reason = abortReason(signal as AbortSignal);
      // Started: undici ends the request (onResponseError follows). Still queued: it fails now,
      // and onRequestStart stops it before it is written once a connection is free.
      if (controller) controller.abort(reason);
      else settle(() => reject(reason));
    };
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      done();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        if (settled) {
          started.abort(signal ? abortReason(signal) : new errors.RequestAbortedError());
          return;
        }
        controller = started;
      },
      onResponseStart(_controller, status, responseHeaders) {
        // 1xx answers are followed by the real one.
        if (status < 200) return;
        statusCode = status;
        headers = responseHeaders as IncomingHttpHeaders;
        options.onHeaders?.(statusCode, headers);
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        settle(() => resolve({ statusCode, headers, text: utf8.decode(Buffer.concat(chunks)) }));
      },
      onResponseError(_controller, error) {
        settle(() => reject(error));
      },
    };
    dispatcher.dispatch(
      {
        origin: options.origin,
        path: options.path,
        method: options.method,
        headers: options.headers,
        body: options.body,
      },
      handler,
    );
  });
}

/** As request(): the signal's reason (an AbortError unless the caller gave one), else undici's. */
function abortReason(signal: AbortSignal): Error {
  return (signal.reason as Error | undefined) ?? new errors.RequestAbortedError();
}
