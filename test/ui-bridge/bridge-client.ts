import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/index.ts';

/** The few browser globals the client uses; the test project has no DOM types. */
interface BrowserGlobals {
  fetch: typeof fetch;
  EventSource: new (
    url: string,
  ) => {
    addEventListener(type: string, listener: (event: { data: string }) => void): void;
  };
}

/**
 * Runs in the page, not in Node: its source is sent as /__bridge.js, so it may use only its
 * arguments and browser globals. It gives the page the same `window.autopay` the preload gives
 * the app: one function per channel answering an IpcResult, and `on.<event>` subscriptions.
 */
function installBridge(channels: readonly string[], eventNames: readonly string[]): void {
  const page = globalThis as unknown as BrowserGlobals;
  const events = new page.EventSource('/__events');
  const on: Record<string, (listener: (event: unknown) => void) => () => void> = {};
  for (const name of eventNames) {
    const set = new Set<(event: unknown) => void>();
    events.addEventListener(name, (message) => {
      const payload: unknown = JSON.parse(message.data);
      for (const listener of set) listener(payload);
    });
    on[name] = (listener) => {
      set.add(listener);
      return () => set.delete(listener);
    };
  }
  const bridge: Record<string, unknown> = { on: Object.freeze(on) };
  for (const channel of channels) {
    bridge[channel] = async (request: unknown, options?: { background?: boolean }) => {
      try {
        // As the preload does: only a background refresh is marked, for main's idle lock.
        const query = options?.background === true ? '?background=1' : '';
        const response = await page.fetch(`/__ipc/${channel}${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
        return await response.json();
      } catch {
        // Electron's IPC cannot fail this way; the screens still get an answer they can show.
        return { ok: false, error: { code: 'INTERNAL', message: '테스트 브리지에 연결하지 못했습니다.' } };
      }
    };
  }
  Object.defineProperty(globalThis, 'autopay', { value: Object.freeze(bridge), enumerable: true });
}

/** The script served as /__bridge.js, with the contract's channel and event names filled in. */
export function bridgeClientScript(): string {
  return `(${installBridge.toString()})(${JSON.stringify(CHANNEL_NAMES)}, ${JSON.stringify(EVENT_NAMES)});\n`;
}
