import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatch, Session } from '../../electron/core/desk/index.ts';
import { APP_ORIGIN } from '../../electron/shell/app-protocol.ts';
import { isTrustedSender, registerIpc } from '../../electron/shell/ipc-register.ts';
import { CHANNEL_NAMES, ipcChannel } from '../../shared/ipc/index.ts';

vi.mock('electron', () => ({}));

type Frame = { url: string; parent: Frame | null };

function ourWindow(url = 'app://desk/index.html') {
  const mainFrame: Frame = { url, parent: null };
  return { mainFrame } as unknown as WebContents & { mainFrame: Frame };
}

function eventFrom(sender: WebContents, frame: Frame | null): IpcMainInvokeEvent {
  return { sender, senderFrame: frame as unknown as WebFrameMain } as IpcMainInvokeEvent;
}

describe('the sender check', () => {
  it('trusts the main frame of our own window on our own page', () => {
    const window = ourWindow();
    expect(isTrustedSender(eventFrom(window, window.mainFrame), window, APP_ORIGIN)).toBe(true);
  });

  it('refuses a missing frame, a sub-frame, another window, and a foreign or malformed origin', () => {
    const window = ourWindow();
    const subFrame: Frame = { url: 'app://desk/index.html', parent: window.mainFrame };
    const other = ourWindow();
    expect(isTrustedSender(eventFrom(window, null), window, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(eventFrom(window, subFrame), window, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(eventFrom(other, other.mainFrame), window, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(eventFrom(window, other.mainFrame), window, APP_ORIGIN)).toBe(false);
    for (const url of [
      'https://evil.example/',
      'app://desk.evil/index.html',
      'app://evil/index.html',
      'file:///index.html',
      'about:blank',
      'not a url',
    ]) {
      const navigated = ourWindow(url);
      expect(isTrustedSender(eventFrom(navigated, navigated.mainFrame), navigated, APP_ORIGIN), url).toBe(
        false,
      );
    }
  });
});

describe('registerIpc', () => {
  function registered(isTrusted: boolean) {
    const handlers = new Map<
      string,
      (event: IpcMainInvokeEvent, payload: unknown, options?: unknown) => unknown
    >();
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'answer' }));
    const session: Session = { operator: null };
    registerIpc(
      { handle: (channel, handler) => void handlers.set(channel, handler) },
      { dispatch, isTrusted: () => isTrusted, session },
    );
    return { handlers, dispatch, session };
  }

  it('registers exactly the channels of the contract', () => {
    const { handlers } = registered(true);
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
  });

  it('dispatches a trusted call with the window session', async () => {
    const { handlers, dispatch, session } = registered(true);
    const answer = await handlers.get(ipcChannel('searchMembers'))?.({} as IpcMainInvokeEvent, {
      query: '홍',
    });
    expect(answer).toEqual({ ok: true, value: 'answer' });
    expect(dispatch).toHaveBeenCalledWith('searchMembers', { query: '홍' }, session, { background: false });
  });

  it("passes on only a background mark, the screen's own refresh, for the idle lock", async () => {
    const { handlers, dispatch, session } = registered(true);
    const dashboard = handlers.get(ipcChannel('getDashboard'));
    await dashboard?.({} as IpcMainInvokeEvent, {}, { background: true });
    expect(dispatch).toHaveBeenLastCalledWith('getDashboard', {}, session, { background: true });
    await dashboard?.({} as IpcMainInvokeEvent, {}, { background: 1 });
    expect(dispatch).toHaveBeenLastCalledWith('getDashboard', {}, session, { background: false });
  });

  it('answers an untrusted call with FORBIDDEN and dispatches nothing', async () => {
    const { handlers, dispatch } = registered(false);
    for (const [channel, handler] of handlers) {
      expect(await handler({} as IpcMainInvokeEvent, {}), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});
