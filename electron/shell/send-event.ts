import type { WebContents } from 'electron';
import { type EventName, type EventOf, events, ipcEventChannel } from '../../shared/ipc/index.ts';

/** Pushes an event to the window, parsed with its schema first like every response. */
export function sendEvent<E extends EventName>(contents: WebContents, name: E, payload: EventOf<E>): void {
  if (contents.isDestroyed()) return;
  contents.send(ipcEventChannel(name), events[name].parse(payload));
}
