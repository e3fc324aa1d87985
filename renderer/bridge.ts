import type {
  CallOptions,
  ChannelName,
  DeskBridge,
  IpcResult,
  RequestOf,
  ResponseOf,
} from '../shared/ipc/index.ts';
import { localizedError } from './i18n/error-messages.ts';
import { storedLocale } from './i18n/i18n.tsx';

declare global {
  interface Window {
    /** Exposed by the preload (or, in browser tests, by the test bridge); the only way to main. */
    readonly autopay: DeskBridge;
  }
}

const signInRequiredListeners = new Set<() => void>();

/**
 * Main signs an idle operator out on its own; the first call after that answers SIGN_IN_REQUIRED.
 * Whatever screen made it, the app must then lock, so every call is watched here.
 */
export function onSignInRequired(listener: () => void): () => void {
  signInRequiredListeners.add(listener);
  return () => signInRequiredListeners.delete(listener);
}

/** Calls one contract channel. Types come from the contract, so a wrong payload fails to compile. */
export async function call<C extends ChannelName>(
  channel: C,
  request: RequestOf<C>,
  options?: CallOptions,
): Promise<IpcResult<ResponseOf<C>>> {
  const send = window.autopay[channel] as (
    request: RequestOf<C>,
    options?: CallOptions,
  ) => Promise<IpcResult<ResponseOf<C>>>;
  // Only the mark itself crosses the bridge, whatever object a caller handed in.
  const result = await (options?.background === true ? send(request, BACKGROUND) : send(request));
  if (result.ok) return result;
  if (result.error.code === 'SIGN_IN_REQUIRED') {
    for (const listener of signInRequiredListeners) listener();
  }
  // Every screen shows `message` and each field's: the renderer's own words, in the chosen language.
  return { ok: false, error: localizedError(result.error, storedLocale()) };
}

/** For a screen refreshing itself after an event: not a person's activity, so main's idle lock still runs. */
export const BACKGROUND: CallOptions = { background: true };

/** Ids the core uses to recognise a repeated click: the same id returns the same attempt. */
export function newRequestId(): string {
  return `ui-${crypto.randomUUID()}`;
}
