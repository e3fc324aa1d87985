import type { ChannelName, RequestOf, ResponseOf } from './contract.ts';
import type { EventName, EventOf } from './events.ts';
import type { IpcResult } from './result.ts';

/**
 * How a call came about. `background`: the screen refreshing itself (after an event), not a person
 * acting, so it does not keep a signed-in operator from main's idle lock.
 */
export interface CallOptions {
  readonly background?: boolean;
}

/**
 * `window.autopay`, as the preload exposes it and the renderer sees it: one function per channel
 * and one subscription per event, derived from the contract so the two cannot drift.
 */
export type DeskBridge = {
  readonly [C in ChannelName]: (
    request: RequestOf<C>,
    options?: CallOptions,
  ) => Promise<IpcResult<ResponseOf<C>>>;
} & {
  /** Subscribes to an event; returns the function that unsubscribes. */
  readonly on: {
    readonly [E in EventName]: (listener: (event: EventOf<E>) => void) => () => void;
  };
};
