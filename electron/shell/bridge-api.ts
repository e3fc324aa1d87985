import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  CHANNEL_NAMES,
  type DeskBridge,
  EVENT_NAMES,
  ipcChannel,
  ipcEventChannel,
} from '../../shared/ipc/index.ts';

/**
 * The object the preload exposes as `window.autopay`: one function per contract channel and one
 * subscription per event. It hands out neither ipcRenderer nor a function that takes a channel
 * name, so a compromised page can reach nothing but the contract, and main checks even that.
 */
export function buildBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): DeskBridge {
  const calls = Object.fromEntries(
    CHANNEL_NAMES.map((name) => {
      const channel = ipcChannel(name);
      // Only `{ background: true }` travels: main reads nothing else from the second argument.
      return [
        name,
        (request: unknown, options?: { background?: unknown }) =>
          options?.background === true
            ? ipc.invoke(channel, request, { background: true })
            : ipc.invoke(channel, request),
      ];
    }),
  );
  const on = Object.fromEntries(
    EVENT_NAMES.map((name) => {
      const channel = ipcEventChannel(name);
      return [
        name,
        (listener: (event: unknown) => void) => {
          // The IPC event object (with its sender) never reaches the page: only the payload.
          const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
          ipc.on(channel, forward);
          return () => {
            ipc.removeListener(channel, forward);
          };
        },
      ];
    }),
  );
  return Object.freeze({ ...calls, on: Object.freeze(on) }) as unknown as DeskBridge;
}
