import { EventEmitter } from 'node:events';
import { app, type Session, type WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardWebContents, installGuards } from '../../electron/shell/guards.ts';

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  return { app: new EventEmitter() };
});

const APP = 'app://desk';

function fakeSession(withDeviceHandler = true) {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    ...(withDeviceHandler ? { setDevicePermissionHandler: vi.fn() } : {}),
  };
}

function fakeContents() {
  const emitter = new EventEmitter();
  const session = fakeSession();
  const setWindowOpenHandler = vi.fn();
  const contents = Object.assign(emitter, { session, setWindowOpenHandler }) as unknown as WebContents;
  const windowOpen = (url: string) => {
    const handler = setWindowOpenHandler.mock.calls[0]?.[0] as Parameters<
      WebContents['setWindowOpenHandler']
    >[0];
    return handler({
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: '', policy: 'default' },
    });
  };
  return { contents, emitter, session, setWindowOpenHandler, windowOpen };
}

/** Emits a navigation event the way Electron does and reports whether it was cancelled. */
function cancelled(emitter: EventEmitter, name: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  emitter.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

const SAME_ORIGIN = [
  'app://desk/',
  'app://desk/index.html',
  'app://desk/index.html#/members/42',
  'app://desk/assets/x.js?v=1',
];
const FOREIGN = [
  'https://evil.com/',
  'https://dashboard.tosspayments.com/receipt/redirection?transactionId=x',
  'http://desk/',
  'app://evil/',
  'app://desk.evil/',
  'app://evil.desk/',
  'app://desk:8080/',
  'app://desk@evil/',
  'app://DESK/',
  'app:///index.html',
  'file:///etc/passwd',
  'file://desk/index.html',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://desk/0b6e1c4e-2f1a-4b0e-9d2b-0c7e0c9f0a11',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
  '',
];

beforeEach(() => {
  app.removeAllListeners();
});

describe('guardWebContents', () => {
  for (const name of ['will-navigate', 'will-redirect']) {
    describe(name, () => {
      it.each(SAME_ORIGIN)(`lets %s through`, (url) => {
        const { contents, emitter } = fakeContents();
        guardWebContents(contents, APP);
        expect(cancelled(emitter, name, url)).toBe(false);
      });

      it.each(FOREIGN)('cancels %s', (url) => {
        const { contents, emitter } = fakeContents();
        guardWebContents(contents, APP);
        expect(cancelled(emitter, name, url)).toBe(true);
      });
    });
  }

  it('compares whole origins for http(s) too, as in development', () => {
    const { contents, emitter } = fakeContents();
    guardWebContents(contents, 'http://localhost:5173');
    expect(cancelled(emitter, 'will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(cancelled(emitter, 'will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(cancelled(emitter, 'will-navigate', 'https://localhost:5173/')).toBe(true);
    expect(cancelled(emitter, 'will-navigate', 'http://localhost.evil.com:5173/')).toBe(true);
    expect(cancelled(emitter, 'will-redirect', 'app://desk/')).toBe(true);
  });

  it.each([...SAME_ORIGIN, ...FOREIGN])('never opens a window for %s', (url) => {
    const { contents, windowOpen } = fakeContents();
    guardWebContents(contents, APP);
    expect(windowOpen(url)).toEqual({ action: 'deny' });
  });

  it('hands the denied window URL to onExternalLink, which decides what to open', () => {
    const onExternalLink = vi.fn();
    const { contents, windowOpen } = fakeContents();
    guardWebContents(contents, APP, { onExternalLink });
    const receipt = 'https://dashboard.tosspayments.com/receipt/redirection?transactionId=x&ref=PX';
    expect(windowOpen(receipt)).toEqual({ action: 'deny' });
    expect(onExternalLink).toHaveBeenCalledExactlyOnceWith(receipt);
  });

  it('refuses to attach a <webview>', () => {
    const { contents, emitter } = fakeContents();
    guardWebContents(contents, APP);
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.com' });
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('denyAllPermissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'serial',
    'usb',
  ])('denies a request and a check for %s', (permission) => {
    const session = fakeSession();
    denyAllPermissions(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const callback = vi.fn();
    request({}, permission, callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    expect(check({}, permission, APP, {})).toBe(false);
  });

  it('denies device access', () => {
    const session = fakeSession();
    denyAllPermissions(session as unknown as Session);
    const device = session.setDevicePermissionHandler?.mock.calls[0]?.[0];
    expect(device({ deviceType: 'usb', origin: APP, device: {} })).toBe(false);
  });

  it('works on a session without device permissions', () => {
    const session = fakeSession(false);
    expect(() => denyAllPermissions(session as unknown as Session)).not.toThrow();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });
});

describe('installGuards', () => {
  it('guards every webContents the app creates and denies its permissions', () => {
    const onExternalLink = vi.fn();
    installGuards(app, APP, { onExternalLink });
    expect(app.listenerCount('web-contents-created')).toBe(1);

    for (const _ of [1, 2]) {
      const { contents, emitter, session, windowOpen } = fakeContents();
      app.emit('web-contents-created', {}, contents);

      expect(cancelled(emitter, 'will-navigate', 'https://evil.com/')).toBe(true);
      expect(cancelled(emitter, 'will-redirect', 'https://evil.com/')).toBe(true);
      expect(cancelled(emitter, 'will-navigate', 'app://desk/index.html')).toBe(false);
      expect(windowOpen('https://evil.com/')).toEqual({ action: 'deny' });
      expect(emitter.listenerCount('will-attach-webview')).toBe(1);
      expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
      expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
      expect(session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    }
    expect(onExternalLink).toHaveBeenCalledTimes(2);
  });

  it('leaves exempt webContents (the card registration window) to their own guards, permissions still denied', () => {
    const exempt = fakeContents();
    const guarded = fakeContents();
    installGuards(app, APP, { exempt: (contents) => contents === exempt.contents });
    app.emit('web-contents-created', {}, exempt.contents);
    app.emit('web-contents-created', {}, guarded.contents);

    expect(cancelled(exempt.emitter, 'will-navigate', 'https://pay.tosspayments.com/')).toBe(false);
    expect(exempt.setWindowOpenHandler).not.toHaveBeenCalled();
    expect(exempt.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(cancelled(guarded.emitter, 'will-navigate', 'https://pay.tosspayments.com/')).toBe(true);
  });
});
