import { createHash } from 'node:crypto';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  LoadURLOptions,
  Session,
  WebContents,
} from 'electron';
import { BILLING_WINDOW_PATH } from '../sandbox/billing-window.ts';
import { denyAllPermissions } from './guards.ts';
import { lockedDownWebPreferences } from './window-options.ts';

/*
 * Toss's card registration window (toss-api.md §3.2) in a window of its own: sandboxed, no
 * preload (so no bridge to our IPC), an in-memory session partition of its own, requests and
 * navigation limited to Toss (or, in training and tests, the emulator), and the success and fail
 * URLs on a reserved host that is never loaded: main reads the result off the navigation.
 */

/** Not `persist:`: nothing the window stores outlives the app, and it is cleared after each use. */
export const BILLING_PARTITION = 'billing-window';
/** `.invalid` never resolves (RFC 2606), so a navigation that slipped through loads nothing. */
export const BILLING_RESERVED_HOST = 'autopay-desk.invalid';
export const BILLING_SUCCESS_URL = `https://${BILLING_RESERVED_HOST}/billing/success`;
export const BILLING_FAIL_URL = `https://${BILLING_RESERVED_HOST}/billing/fail`;
/** Where the local start page says it is: an https origin of our own, without a request to it. */
export const BILLING_START_BASE_URL = `https://${BILLING_RESERVED_HOST}/billing/`;
export const TOSS_SDK_URL = 'https://js.tosspayments.com/v2/standard';

/** Real Toss, or the emulator's stand-in window at a loopback origin such as http://127.0.0.1:53412. */
export type BillingWindowTarget =
  | { readonly kind: 'toss' }
  | { readonly kind: 'emulator'; readonly origin: string };

export type BillingWindowResult =
  | { readonly kind: 'success'; readonly authKey: string }
  | { readonly kind: 'fail'; readonly code: string; readonly message: string }
  | { readonly kind: 'canceled' };

export function billingWindowOptions(input: {
  isPackaged: boolean;
  parent?: BrowserWindow | undefined;
}): BrowserWindowConstructorOptions {
  return {
    width: 520,
    height: 760,
    title: '카드 등록',
    show: false,
    ...(input.parent ? { parent: input.parent, modal: true } : {}),
    autoHideMenuBar: true,
    webPreferences: { partition: BILLING_PARTITION, ...lockedDownWebPreferences(input.isPackaged) },
  };
}

const TOSS_HOSTS = 'https://js.tosspayments.com https://*.tosspayments.com';

/**
 * The policy added to every response in the window's session. For Toss it limits every source to
 * Toss's hosts; inline script and style stay allowed because Toss's own pages are not ours to
 * change and a second policy cannot know their nonces. The emulator's page is plain HTML, so its
 * policy is strict.
 */
export function billingSessionCsp(target: BillingWindowTarget): string {
  // Chromium checks form-action on the redirect that answers a form, so the reserved origin is listed.
  const reserved = `https://${BILLING_RESERVED_HOST}`;
  if (target.kind === 'emulator') {
    return [
      "default-src 'none'",
      `style-src ${target.origin}`,
      `form-action ${target.origin} ${reserved}`,
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; ');
  }
  return [
    `default-src ${TOSS_HOSTS}`,
    `script-src 'unsafe-inline' ${TOSS_HOSTS}`,
    `style-src 'unsafe-inline' ${TOSS_HOSTS}`,
    `img-src data: ${TOSS_HOSTS}`,
    `form-action ${TOSS_HOSTS} ${reserved}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Whether the window may load or navigate to this URL (the reserved host is handled apart). */
export function isAllowedBillingUrl(url: string, target: BillingWindowTarget): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // What a frame shows before its first document: never a network fetch.
  if (url === 'about:blank' || url === 'about:srcdoc') return true;
  if (parsed.username || parsed.password) return false;
  if (target.kind === 'emulator') return `${parsed.protocol}//${parsed.host}` === target.origin;
  return parsed.protocol === 'https:' && parsed.port === '' && parsed.hostname.endsWith('.tosspayments.com');
}

/** Installs the session's request limit, CSP and permission refusals. Safe to call again. */
export function installBillingSessionPolicy(session: Session, target: BillingWindowTarget): void {
  const csp = billingSessionCsp(target);
  session.webRequest.onBeforeRequest((details, callback) => {
    // data: and blob: are the page's own bytes (Toss's images, the start page), not a fetch elsewhere.
    const inDocument = details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !inDocument && !isAllowedBillingUrl(details.url, target) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // A page's own policy stays; ours is added beside it and both are enforced.
    const name = Object.keys(headers).find((key) => key.toLowerCase() === 'content-security-policy');
    headers[name ?? 'Content-Security-Policy'] = [...(name ? (headers[name] ?? []) : []), csp];
    callback({ responseHeaders: headers });
  });
  denyAllPermissions(session);
}

/** What main loads into the window: the emulator's stand-in page, or the local page that opens Toss's. */
export function billingWindowLoad(
  target: BillingWindowTarget,
  input: { clientKey: string; customerKey: string },
): { url: string; options?: LoadURLOptions } {
  const params = {
    clientKey: input.clientKey,
    customerKey: input.customerKey,
    successUrl: BILLING_SUCCESS_URL,
    failUrl: BILLING_FAIL_URL,
  };
  if (target.kind === 'emulator') {
    return { url: `${target.origin}${BILLING_WINDOW_PATH}?${new URLSearchParams(params)}` };
  }
  const html = tossStartPage(params);
  return {
    url: `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`,
    options: { baseURLForDataURL: BILLING_START_BASE_URL },
  };
}

// Reads its parameters from a JSON data block, so the script text, and with it its hash, never changes.
const START_SCRIPT = `(function () {
  var params = JSON.parse(document.getElementById('billing-params').textContent);
  function fail(code, message) {
    location.replace(params.failUrl + '?code=' + encodeURIComponent(code) + '&message=' + encodeURIComponent(message));
  }
  if (typeof TossPayments !== 'function') {
    fail('TOSS_SDK_UNAVAILABLE', '토스페이먼츠 결제창을 불러오지 못했습니다. 인터넷 연결을 확인한 뒤 다시 시도해 주세요.');
    return;
  }
  var abort = function (error) {
    fail((error && error.code) || 'PAY_PROCESS_ABORTED', (error && error.message) || '카드 등록을 마치지 못했습니다.');
  };
  try {
    TossPayments(params.clientKey)
      .payment({ customerKey: params.customerKey })
      .requestBillingAuth({ method: 'CARD', successUrl: params.successUrl, failUrl: params.failUrl })
      .catch(abort);
  } catch (error) {
    abort(error);
  }
})();`;

const START_SCRIPT_HASH = `'sha256-${createHash('sha256').update(START_SCRIPT, 'utf8').digest('base64')}'`;

/** The start page's own policy: the SDK, our one script by its hash, and Toss's hosts for the rest. */
export const TOSS_START_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${START_SCRIPT_HASH} ${TOSS_SDK_URL}`,
  `connect-src ${TOSS_HOSTS}`,
  `frame-src ${TOSS_HOSTS}`,
  `img-src data: ${TOSS_HOSTS}`,
  `style-src 'unsafe-inline' ${TOSS_HOSTS}`,
  `font-src ${TOSS_HOSTS}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The local page that calls the SDK as toss-api.md §3.2 shows:
 * `TossPayments(clientKey).payment({customerKey}).requestBillingAuth({method: 'CARD', successUrl, failUrl})`.
 * Anything the SDK throws instead of redirecting is sent to the fail URL too, so every ending
 * passes through the reserved host.
 */
export function tossStartPage(params: {
  clientKey: string;
  customerKey: string;
  successUrl: string;
  failUrl: string;
}): string {
  // '<' escaped, so no value can close the data block.
  const json = JSON.stringify(params).replaceAll('<', '\\u003c');
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${TOSS_START_PAGE_CSP}">
<title>카드 등록</title>
<script type="application/json" id="billing-params">${json}</script>
<script src="${TOSS_SDK_URL}"></script>
<script>${START_SCRIPT}</script>
</head>
<body><p>토스페이먼츠 카드 등록 창을 여는 중입니다…</p></body>
</html>
`;
}

// Toss's error messages are at most 510 characters (toss-api.md §7); a longer one is not Toss's.
const MAX_MESSAGE = 510;

/** The result a navigation to the reserved host carries, or null for a path that is not a result. */
export function billingRedirectResult(url: URL, expectedCustomerKey: string): BillingWindowResult | null {
  if (url.pathname === new URL(BILLING_SUCCESS_URL).pathname) {
    const authKey = url.searchParams.get('authKey');
    if (url.searchParams.get('customerKey') !== expectedCustomerKey) {
      return {
        kind: 'fail',
        code: 'CUSTOMER_KEY_MISMATCH',
        message: '카드 등록 창이 다른 회원의 정보로 돌아왔습니다. 카드 등록을 다시 시작해 주세요.',
      };
    }
    if (!authKey || authKey.length > 300) {
      return {
        kind: 'fail',
        code: 'AUTH_KEY_MISSING',
        message: '카드 등록 창이 인증 정보 없이 돌아왔습니다. 카드 등록을 다시 시작해 주세요.',
      };
    }
    return { kind: 'success', authKey };
  }
  if (url.pathname === new URL(BILLING_FAIL_URL).pathname) {
    return {
      kind: 'fail',
      code: (url.searchParams.get('code') || 'PAY_PROCESS_ABORTED').slice(0, 100),
      message: (url.searchParams.get('message') || '카드 등록을 마치지 못했습니다.').slice(0, MAX_MESSAGE),
    };
  }
  return null;
}

/**
 * Watches the window's navigation until it ends: a navigation or redirect to the reserved host is
 * cancelled and read (success, fail, or a success for another customerKey, which is a failure),
 * and the window is closed; one to a host the target does not allow is cancelled; the window
 * closing first is a cancel. No new windows, no <webview>.
 */
export function watchBillingRedirect(
  contents: WebContents,
  options: { expectedCustomerKey: string; target: BillingWindowTarget; reservedHost?: string },
): Promise<BillingWindowResult> {
  const reservedHost = options.reservedHost ?? BILLING_RESERVED_HOST;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: BillingWindowResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      if (result.kind !== 'canceled' && !contents.isDestroyed()) contents.close();
    };
    const onNavigation = (event: { url: string; preventDefault(): void }) => {
      const url = URL.parse(event.url);
      if (url?.protocol === 'https:' && url.hostname === reservedHost) {
        event.preventDefault();
        const result = billingRedirectResult(url, options.expectedCustomerKey);
        if (result) settle(result);
        return;
      }
      if (!isAllowedBillingUrl(event.url, options.target)) event.preventDefault();
    };
    // will-frame-navigate covers navigations an iframe (Toss's window) starts; will-navigate the
    // main frame's; will-redirect server redirects (the emulator's form answer).
    contents.on('will-navigate', onNavigation);
    contents.on('will-frame-navigate', onNavigation);
    contents.on('will-redirect', onNavigation);
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.once('destroyed', () => settle({ kind: 'canceled' }));
  });
}

/** What openBillingWindow needs from Electron, passed in by main. */
export interface BillingWindowDeps {
  /** `(options) => new BrowserWindow(options)` */
  readonly createWindow: (
    options: BrowserWindowConstructorOptions,
  ) => Pick<BrowserWindow, 'webContents' | 'loadURL' | 'once' | 'show'>;
  /** `session.fromPartition(BILLING_PARTITION)` */
  readonly session: Session;
  readonly target: BillingWindowTarget;
  readonly isPackaged: boolean;
  readonly parent?: BrowserWindow | undefined;
}

/**
 * Opens the registration window for one customerKey and resolves with how it ended. The session's
 * storage is cleared afterwards, so the next member's window starts with nothing of this one's.
 */
export async function openBillingWindow(
  deps: BillingWindowDeps,
  input: { clientKey: string; customerKey: string },
): Promise<BillingWindowResult> {
  installBillingSessionPolicy(deps.session, deps.target);
  const window = deps.createWindow(
    billingWindowOptions({ isPackaged: deps.isPackaged, parent: deps.parent }),
  );
  const result = watchBillingRedirect(window.webContents, {
    expectedCustomerKey: input.customerKey,
    target: deps.target,
  });
  window.once('ready-to-show', () => window.show());
  const load = billingWindowLoad(deps.target, input);
  // A load cut short by our own interception or by closing the window rejects; the result says how it ended.
  window.loadURL(load.url, load.options).catch(() => undefined);
  const outcome = await result;
  await deps.session.clearStorageData().catch(() => undefined);
  return outcome;
}
