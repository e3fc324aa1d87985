import type { ServerResponse } from 'node:http';
import { type EventName, type EventOf, events } from '../../shared/ipc/index.ts';

/** Server-Sent Events to every open page: the bridge's stand-in for webContents.send. */
export interface EventStream {
  attach(response: ServerResponse): void;
  emit<E extends EventName>(name: E, payload: EventOf<E>): void;
  close(): void;
}

export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>();
  return {
    attach(response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    emit(name, payload) {
      // Parsed like main parses its events, so the pages see only what the contract names.
      const data = JSON.stringify(events[name].parse(payload));
      for (const client of clients) client.write(`event: ${name}\ndata: ${data}\n\n`);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
