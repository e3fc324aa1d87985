import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, ipcChannel, ipcEventChannel } from '../../shared/ipc/index.ts';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});
vi.mock('electron', () => electron);

type Exposed = Record<string, unknown> & {
  on: Record<string, (listener: (event: unknown) => void) => () => void>;
};

async function exposed(): Promise<Exposed> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../electron/preload.ts');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(name).toBe('autopay');
  return api as Exposed;
}

describe('the preload', () => {
  beforeEach(() => {
    electron.listeners.clear();
  });

  it('exposes one function per contract channel and the event subscriptions, nothing else', async () => {
    const api = await exposed();
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(Object.keys(api.on).sort()).toEqual([...EVENT_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).includes(electron.ipcRenderer)).toBe(false);
    for (const name of CHANNEL_NAMES) expect(typeof api[name], name).toBe('function');
  });

  it('sends each call on its own channel and never lets the page pick one', async () => {
    const api = await exposed();
    const call = api.signIn as (request: unknown) => Promise<unknown>;
    expect(await call({ operatorId: 1, pin: '1234' })).toEqual({
      ok: true,
      value: { channel: ipcChannel('signIn'), request: { operatorId: 1, pin: '1234' } },
    });
    // A second argument (a channel name a page might try) goes nowhere.
    await (api.getAppStatus as (...args: unknown[]) => Promise<unknown>)({}, 'autopay:setSecretKey');
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('getAppStatus'), {});
    // Only a background mark travels in it, rebuilt, never the page's own object.
    await (api.getDashboard as (...args: unknown[]) => Promise<unknown>)({}, { background: true, extra: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      ipcChannel('getDashboard'),
      {},
      { background: true },
    );
    await (api.getDashboard as (...args: unknown[]) => Promise<unknown>)({}, { background: 'yes' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel('getDashboard'), {});
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('hands events to listeners without the IPC event object, and unsubscribes', async () => {
    const api = await exposed();
    const seen: unknown[] = [];
    const unsubscribe = api.on.attention?.((event) => seen.push(event));
    const channel = ipcEventChannel('attention');
    const forward = [...(electron.listeners.get(channel) ?? [])][0];
    forward?.({ sender: 'the ipc event' }, { catchUps: 1, needsReview: 0 });
    expect(seen).toEqual([{ catchUps: 1, needsReview: 0 }]);
    unsubscribe?.();
    expect(electron.listeners.get(channel)?.size).toBe(0);
  });
});
