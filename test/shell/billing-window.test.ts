import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { BrowserWindow, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  BILLING_FAIL_URL,
  BILLING_PARTITION,
  BILLING_START_BASE_URL,
  BILLING_SUCCESS_URL,
  type BillingWindowTarget,
  billingSessionCsp,
  billingWindowLoad,
  billingWindowOptions,
  installBillingSessionPolicy,
  isAllowedBillingUrl,
  openBillingWindow,
  TOSS_START_PAGE_CSP,
  tossStartPage,
  watchBillingRedirect,
} from '../../electron/shell/billing-window.ts';

// An empty module: everything here takes its Electron objects as arguments.
vi.mock('electron', () => ({}));

const TOSS: BillingWindowTarget = { kind: 'toss' };
const EMULATOR: BillingWindowTarget = { kind: 'emulator', origin: 'http://127.0.0.1:53412' };
const CUSTOMER_KEY = 'cus_6b3f2a9c1d4e4f7a9a510c2d';
const KEYS = { clientKey: 'test_ck_store_one', customerKey: CUSTOMER_KEY };

function fakeContents() {
  const emitter = new EventEmitter();
  const setWindowOpenHandler = vi.fn();
  let destroyed = false;
  const close = vi.fn(() => {
    destroyed = true;
    emitter.emit('destroyed');
  });
  const contents = Object.assign(emitter, {
    setWindowOpenHandler,
    close,
    isDestroyed: () => destroyed,
  }) as unknown as WebContents;
  return { contents, emitter, close, setWindowOpenHandler };
}

/** Emits a navigation event the way Electron does and reports whether it was cancelled. */
function cancelled(emitter: EventEmitter, name: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  emitter.emit(name, event);
  return event.preventDefault.mock.calls.length > 0;
}

function success(params: Record<string, string>): string {
  return `${BILLING_SUCCESS_URL}?${new URLSearchParams(params)}`;
}

describe('billingWindowOptions', () => {
  it('is sandboxed, with no preload and a session partition of its own', () => {
    const options = billingWindowOptions({ isPackaged: true });
    expect(options.webPreferences).toEqual({
      partition: BILLING_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(BILLING_PARTITION.startsWith('persist:')).toBe(false);
    expect(options).toMatchObject({ show: false, title: '카드 등록' });
    expect(options).not.toHaveProperty('parent');
  });

  it('is modal over the desk window when given one, and has devtools only unpackaged', () => {
    const parent = {} as BrowserWindow;
    const options = billingWindowOptions({ isPackaged: false, parent });
    expect(options.parent).toBe(parent);
    expect(options.modal).toBe(true);
    expect(options.webPreferences?.devTools).toBe(true);
  });
});

describe('where the window may go', () => {
  it.each([
    'https://js.tosspayments.com/v2/standard',
    'https://pay.tosspayments.com/billing/auth',
    'https://static.tosspayments.com/x.png',
    'about:blank',
  ])('lets the Toss window reach %s', (url) => {
    expect(isAllowedBillingUrl(url, TOSS)).toBe(true);
  });

  it.each([
    'http://js.tosspayments.com/v2/standard',
    'https://tosspayments.com.evil.com/',
    'https://eviltosspayments.com/',
    'https://js.tosspayments.com:8443/',
    'https://user@pay.tosspayments.com/',
    'https://autopay-desk.invalid/billing/success',
    'http://127.0.0.1:53412/__sandbox/billing-window',
    'app://desk/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('keeps the Toss window away from %s', (url) => {
    expect(isAllowedBillingUrl(url, TOSS)).toBe(false);
  });

  it('keeps the emulator window on the emulator’s origin', () => {
    expect(isAllowedBillingUrl('http://127.0.0.1:53412/__sandbox/billing-window', EMULATOR)).toBe(true);
    expect(isAllowedBillingUrl('http://127.0.0.1:53413/', EMULATOR)).toBe(false);
    expect(isAllowedBillingUrl('https://127.0.0.1:53412/', EMULATOR)).toBe(false);
    expect(isAllowedBillingUrl('https://js.tosspayments.com/v2/standard', EMULATOR)).toBe(false);
  });
});

describe('the session policy', () => {
  function fakeSession() {
    const webRequest = { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() };
    const session = {
      webRequest,
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      clearStorageData: vi.fn(async () => {}),
    };
    return { session, asSession: session as unknown as Session };
  }

  function installed(target: BillingWindowTarget) {
    const fake = fakeSession();
    installBillingSessionPolicy(fake.asSession, target);
    const beforeRequest = fake.session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const headersReceived = fake.session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const cancels = (url: string) => {
      let answer: boolean | undefined;
      beforeRequest({ url }, (response) => {
        answer = response.cancel;
      });
      return answer;
    };
    const headers = (responseHeaders?: Record<string, string[]>) => {
      let answer: Record<string, string[]> | undefined;
      headersReceived({ ...(responseHeaders ? { responseHeaders } : {}) }, (response) => {
        answer = response.responseHeaders;
      });
      return answer;
    };
    return { ...fake, cancels, headers };
  }

  it('cancels every request that is not to Toss, the reserved host included', () => {
    const { cancels } = installed(TOSS);
    expect(cancels('https://js.tosspayments.com/v2/standard')).toBe(false);
    expect(cancels('https://api.tosspayments.com/v1/whatever')).toBe(false);
    expect(cancels('data:image/png;base64,AAAA')).toBe(false);
    expect(cancels('https://autopay-desk.invalid/billing/success?authKey=x')).toBe(true);
    expect(cancels('https://www.google-analytics.com/collect')).toBe(true);
    expect(cancels('http://127.0.0.1:53412/__sandbox/billing-window')).toBe(true);
  });

  it('adds its CSP beside a page’s own policy and leaves other headers alone', () => {
    const { headers } = installed(TOSS);
    expect(headers({ 'content-security-policy': ["frame-ancestors 'self'"], 'Set-Cookie': ['a=b'] })).toEqual(
      {
        'content-security-policy': ["frame-ancestors 'self'", billingSessionCsp(TOSS)],
        'Set-Cookie': ['a=b'],
      },
    );
    expect(headers()).toEqual({ 'Content-Security-Policy': [billingSessionCsp(TOSS)] });
  });

  it('allows only Toss’s hosts for Toss, and only the emulator’s origin, strictly, for the emulator', () => {
    const toss = billingSessionCsp(TOSS);
    expect(toss).toContain('default-src https://js.tosspayments.com https://*.tosspayments.com');
    expect(toss).toContain("object-src 'none'");
    expect(toss).not.toMatch(/\*(?!\.tosspayments\.com)/);
    expect(toss).not.toContain('http:');
    expect(billingSessionCsp(EMULATOR)).toBe(
      "default-src 'none'; style-src http://127.0.0.1:53412; form-action http://127.0.0.1:53412 https://autopay-desk.invalid; base-uri 'none'; object-src 'none'",
    );
  });

  it('denies every permission request', () => {
    const { session } = installed(TOSS);
    const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    handler({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });
});

describe('what the window loads', () => {
  it('opens the emulator’s stand-in window with the reserved success and fail URLs', () => {
    const load = billingWindowLoad(EMULATOR, KEYS);
    const url = new URL(load.url);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:53412/__sandbox/billing-window');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      ...KEYS,
      successUrl: BILLING_SUCCESS_URL,
      failUrl: BILLING_FAIL_URL,
    });
    expect(load.options).toBeUndefined();
  });

  it('opens Toss through a local page at the reserved origin that calls the SDK, under a hash-based CSP', () => {
    const load = billingWindowLoad(TOSS, KEYS);
    expect(load.options).toEqual({ baseURLForDataURL: BILLING_START_BASE_URL });
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(load.url.startsWith(prefix)).toBe(true);
    const html = Buffer.from(load.url.slice(prefix.length), 'base64').toString('utf8');
    expect(html).toBe(tossStartPage({ ...KEYS, successUrl: BILLING_SUCCESS_URL, failUrl: BILLING_FAIL_URL }));
    expect(html).toContain('<script src="https://js.tosspayments.com/v2/standard"></script>');
    expect(html).toContain(
      ".requestBillingAuth({ method: 'CARD', successUrl: params.successUrl, failUrl: params.failUrl })",
    );
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${TOSS_START_PAGE_CSP}">`);

    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    expect(TOSS_START_PAGE_CSP).toContain(
      `script-src 'sha256-${hash}' https://js.tosspayments.com/v2/standard;`,
    );
    const scriptSrc = TOSS_START_PAGE_CSP.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).not.toContain('unsafe');
    expect(TOSS_START_PAGE_CSP).toContain("form-action 'none'");
  });

  it('keeps a value from closing the parameter block', () => {
    const html = tossStartPage({
      ...KEYS,
      customerKey: '</script><script>alert(1)</script>',
      successUrl: 'a',
      failUrl: 'b',
    });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
  });
});

describe('watchBillingRedirect', () => {
  function watched(target: BillingWindowTarget = TOSS) {
    const fake = fakeContents();
    const result = watchBillingRedirect(fake.contents, { expectedCustomerKey: CUSTOMER_KEY, target });
    return { ...fake, result };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'reads a success off %s to the reserved host without loading it, and closes the window',
    async (name) => {
      const { emitter, close, result } = watched();
      expect(cancelled(emitter, name, success({ customerKey: CUSTOMER_KEY, authKey: 'bln_abc' }))).toBe(true);
      expect(await result).toEqual({ kind: 'success', authKey: 'bln_abc' });
      expect(close).toHaveBeenCalledTimes(1);
    },
  );

  it('reads a failure with Toss’s code and Korean message', async () => {
    const { emitter, close, result } = watched(EMULATOR);
    const url = `${BILLING_FAIL_URL}?${new URLSearchParams({ code: 'REJECT_CARD_COMPANY', message: '결제 승인이 거절되었습니다.' })}`;
    expect(cancelled(emitter, 'will-redirect', url)).toBe(true);
    expect(await result).toEqual({
      kind: 'fail',
      code: 'REJECT_CARD_COMPANY',
      message: '결제 승인이 거절되었습니다.',
    });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('refuses a success for another customerKey', async () => {
    const { emitter, result } = watched();
    expect(
      cancelled(emitter, 'will-navigate', success({ customerKey: 'cus_someone_else', authKey: 'bln_abc' })),
    ).toBe(true);
    expect(await result).toMatchObject({ kind: 'fail', code: 'CUSTOMER_KEY_MISMATCH' });
  });

  it('refuses a success without an authKey', async () => {
    const { emitter, result } = watched();
    cancelled(emitter, 'will-navigate', success({ customerKey: CUSTOMER_KEY }));
    expect(await result).toMatchObject({ kind: 'fail', code: 'AUTH_KEY_MISSING' });
  });

  it('blocks navigation and redirects to any other host, and lets Toss’s own through', async () => {
    const { emitter, close, result } = watched();
    expect(cancelled(emitter, 'will-redirect', 'https://evil.example/billing/success?authKey=x')).toBe(true);
    expect(cancelled(emitter, 'will-navigate', 'http://autopay-desk.invalid/billing/success')).toBe(true);
    expect(cancelled(emitter, 'will-frame-navigate', 'https://tosspayments.com.evil.com/')).toBe(true);
    expect(cancelled(emitter, 'will-navigate', 'https://pay.tosspayments.com/billing')).toBe(false);
    expect(cancelled(emitter, 'will-frame-navigate', 'https://pay.tosspayments.com/frame')).toBe(false);
    // Another path on the reserved host is blocked but is not a result.
    expect(cancelled(emitter, 'will-navigate', 'https://autopay-desk.invalid/billing/other')).toBe(true);
    expect(close).not.toHaveBeenCalled();
    emitter.emit('destroyed');
    expect(await result).toEqual({ kind: 'canceled' });
  });

  it('resolves canceled when the window is closed, and keeps the first result', async () => {
    const { emitter, result } = watched();
    emitter.emit('destroyed');
    cancelled(emitter, 'will-navigate', success({ customerKey: CUSTOMER_KEY, authKey: 'bln_late' }));
    expect(await result).toEqual({ kind: 'canceled' });
  });

  it('denies new windows and <webview>', () => {
    const { setWindowOpenHandler, emitter } = watched();
    const handler = setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(handler()).toEqual({ action: 'deny' });
    expect(cancelled(emitter, 'will-attach-webview', 'about:blank')).toBe(true);
  });
});

describe('openBillingWindow', () => {
  it('creates the window, loads the target, and clears the session once it ends', async () => {
    const fake = fakeContents();
    const session = {
      webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      clearStorageData: vi.fn(async () => {}),
    };
    const window = {
      webContents: fake.contents,
      loadURL: vi.fn(async () => {
        fake.emitter.emit('will-redirect', {
          url: success({ customerKey: CUSTOMER_KEY, authKey: 'bln_done' }),
          preventDefault: () => {},
        });
      }),
      once: vi.fn(),
      show: vi.fn(),
    };
    const createWindow = vi.fn(() => window);
    const result = await openBillingWindow(
      {
        createWindow: createWindow as never,
        session: session as unknown as Session,
        target: EMULATOR,
        isPackaged: true,
      },
      KEYS,
    );
    expect(result).toEqual({ kind: 'success', authKey: 'bln_done' });
    expect(createWindow).toHaveBeenCalledExactlyOnceWith(billingWindowOptions({ isPackaged: true }));
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(billingWindowLoad(EMULATOR, KEYS).url, undefined);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(session.clearStorageData).toHaveBeenCalledTimes(1);
  });
});
