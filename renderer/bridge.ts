import type { ChannelName, DeskBridge, IpcResult, RequestOf, ResponseOf } from '../shared/ipc/index.ts';

declare global {
  interface Window {
    /** Exposed by the preload (or, in browser tests, by the test bridge); the only way to main. */
    readonly autopay: DeskBridge;
  }
}

/** Calls one contract channel. Types come from the contract, so a wrong payload fails to compile. */
export function call<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
): Promise<IpcResult<ResponseOf<C>>> {
  const send = window.autopay[channel] as (request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>;
  return send(request);
}

/** Ids the core uses to recognise a repeated click: the same id returns the same attempt. */
export function newRequestId(): string {
  return `ui-${crypto.randomUUID()}`;
}
