import type { IncomingMessage } from 'node:http';
import { createAuthKey } from './auth-keys.ts';
import { readCardInput } from './card-input.ts';
import type { EndpointDeps } from './endpoint.ts';
import { type ErrorCode, errorBody } from './errors.ts';
import type { Reply } from './http-reply.ts';
import type { FindMerchant, Merchant } from './merchants.ts';
import { readBody } from './request-body.ts';

/** The stand-in of Toss's billing registration window (§3.2), and its stylesheet. */
export const BILLING_WINDOW_PATH = '/__sandbox/billing-window';
export const BILLING_WINDOW_CSS_PATH = '/__sandbox/billing-window.css';

export interface BillingWindowDeps extends EndpointDeps {
  readonly findMerchant: FindMerchant;
  readonly now: () => Date;
}

// A card form is a few hundred bytes; anything near this is not one.
const MAX_FORM_BYTES = 16 * 1024;
// A client key pairs with the secret key of the same tail: test_ck_X ↔ test_sk_X (README.md).
const CLIENT_KEY = /^test_ck_([A-Za-z0-9_]+)$/;
// The documented customerKey charset (§7); the browser SDK refuses anything else before a window opens.
const CUSTOMER_KEY = /^[A-Za-z0-9\-_=.@]{2,300}$/;

// Codes the SDK sends to failUrl that are not API answers, so they are not in TOSS_ERRORS (§3.2).
const CANCELED = { code: 'PAY_PROCESS_CANCELED', message: '사용자에 의해 결제가 취소되었습니다.' } as const;

interface WindowParams {
  readonly merchant: Merchant;
  readonly customerKey: string;
  readonly clientKey: string;
  readonly successUrl: URL;
  readonly failUrl: URL;
}

type Checked =
  | { readonly ok: true; readonly params: WindowParams }
  | { readonly ok: false; readonly reply: Reply };

/**
 * GET shows the card form for the query's clientKey, customerKey, successUrl and failUrl; POST
 * (the form, with those four again as hidden fields, checked again) registers the card and
 * answers 303 to successUrl with customerKey and a single-use authKey, or to failUrl with code
 * and message, as Toss's window does. No script: it works under a CSP without 'unsafe-inline'.
 */
export function createBillingWindow(
  deps: BillingWindowDeps,
): (req: IncomingMessage, url: URL) => Promise<Reply> {
  return async (req, url) => {
    if (url.pathname === BILLING_WINDOW_CSS_PATH) {
      return req.method === 'GET' ? cssReply() : notAllowed('GET');
    }
    if (url.pathname !== BILLING_WINDOW_PATH) return htmlReply(404, errorPage('없는 페이지입니다.'), []);
    if (req.method === 'GET') {
      const checked = checkParams(deps, url.searchParams);
      return checked.ok ? formReply(checked.params) : checked.reply;
    }
    if (req.method !== 'POST') return notAllowed('GET, POST');
    const read = await readBody(req, MAX_FORM_BYTES);
    if (!read.ok) return htmlReply(413, errorPage('요청이 너무 큽니다.'), []);
    const form = new URLSearchParams(read.body.toString('utf8'));
    const checked = checkParams(deps, form);
    if (!checked.ok) return checked.reply;
    return submit(deps, checked.params, form);
  };
}

function submit(deps: BillingWindowDeps, params: WindowParams, form: URLSearchParams): Reply {
  if (form.get('action') === 'cancel') return redirectToFail(params.failUrl, CANCELED);
  const now = deps.now();
  const input = readCardInput(
    {
      // People type card numbers in groups; Toss's window takes the digits.
      cardNumber: (form.get('cardNumber') ?? '').replace(/[\s-]/g, ''),
      cardExpirationMonth: form.get('cardExpirationMonth') ?? '',
      cardExpirationYear: form.get('cardExpirationYear') ?? '',
      customerIdentityNumber: form.get('customerIdentityNumber') ?? '',
      // Optional, as in key-in (§3.1): an empty box means none was typed.
      cardPassword: form.get('cardPassword') || undefined,
    },
    now,
  );
  if (!input.ok) return redirectToFail(params.failUrl, errorBody(input.code, 'ko'));
  const authKey = createAuthKey(deps, params.merchant, params.customerKey, input.cardOnFile);
  return redirect(params.successUrl, { customerKey: params.customerKey, authKey });
}

function checkParams(deps: BillingWindowDeps, source: URLSearchParams): Checked {
  const successUrl = absoluteUrl(source.get('successUrl'));
  const failUrl = absoluteUrl(source.get('failUrl'));
  // Without a failUrl there is nowhere to send a refusal: the SDK throws in the page instead.
  if (!successUrl || !failUrl) {
    return {
      ok: false,
      reply: htmlReply(400, errorPage('successUrl과 failUrl은 http(s) 주소여야 합니다.'), []),
    };
  }
  const fail = (code: ErrorCode): Checked => ({
    ok: false,
    reply: redirectToFail(failUrl, errorBody(code, 'ko')),
  });
  const clientKey = source.get('clientKey') ?? '';
  const tail = CLIENT_KEY.exec(clientKey)?.[1];
  // A live_ck_ key gets the same answer as an unknown one: the sandbox never passes for live Toss.
  const merchant = tail === undefined ? undefined : deps.findMerchant(`test_sk_${tail}`);
  if (!merchant) return fail('UNAUTHORIZED_KEY');
  if (!merchant.billingContract) return fail('NOT_SUPPORTED_METHOD');
  const customerKey = source.get('customerKey') ?? '';
  if (!CUSTOMER_KEY.test(customerKey)) return fail('INVALID_REQUEST');
  return { ok: true, params: { merchant, customerKey, clientKey, successUrl, failUrl } };
}

function absoluteUrl(value: string | null): URL | undefined {
  if (value === null) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function redirectToFail(failUrl: URL, error: { readonly code: string; readonly message: string }): Reply {
  return redirect(failUrl, { code: error.code, message: error.message });
}

// Toss appends its parameters to the URL it was given, keeping any query that URL already had.
function redirect(target: URL, params: Readonly<Record<string, string>>): Reply {
  const url = new URL(target);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return {
    status: 303,
    headers: { location: url.href, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    body: Buffer.alloc(0),
  };
}

function notAllowed(allow: string): Reply {
  return { status: 405, headers: { allow }, body: Buffer.alloc(0) };
}

function formReply(params: WindowParams): Reply {
  // The form posts here and is answered with a redirect to these origins, which form-action must allow.
  const targets = [...new Set([params.successUrl.origin, params.failUrl.origin])];
  return htmlReply(200, formPage(params), targets);
}

function htmlReply(status: number, html: string, formTargets: readonly string[]): Reply {
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': [
        "default-src 'none'",
        "style-src 'self'",
        `form-action 'self' ${formTargets.join(' ')}`.trim(),
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
      'cache-control': 'no-store',
      // The URL carries the customerKey; the stylesheet request need not repeat it.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(html, 'utf8'),
  };
}

function cssReply(): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: Buffer.from(CSS, 'utf8'),
  };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${BILLING_WINDOW_CSS_PATH}">
</head>
<body>
${body}
</body>
</html>
`;
}

function errorPage(message: string): string {
  return page(
    '토스페이먼츠 샌드박스',
    `<main><h1>카드 등록 창을 열 수 없습니다</h1><p>${escapeHtml(message)}</p></main>`,
  );
}

function formPage(params: WindowParams): string {
  const hidden = (['clientKey', 'customerKey', 'successUrl', 'failUrl'] as const)
    .map((name) => {
      const value = name === 'successUrl' || name === 'failUrl' ? params[name].href : params[name];
      return `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    })
    .join('\n');
  return page(
    '카드 등록 (토스페이먼츠 샌드박스)',
    `<main>
<p class="badge">샌드박스 · 실제 카드를 입력하지 마세요</p>
<h1>자동결제 카드 등록</h1>
<form method="post" action="${BILLING_WINDOW_PATH}" autocomplete="off">
${hidden}
<label>카드 번호 <input name="cardNumber" inputmode="numeric" maxlength="24" required></label>
<div class="row">
<label>유효기간 월 (MM) <input name="cardExpirationMonth" inputmode="numeric" maxlength="2" placeholder="12" required></label>
<label>유효기간 연 (YY) <input name="cardExpirationYear" inputmode="numeric" maxlength="2" placeholder="30" required></label>
</div>
<label>생년월일 6자리 또는 사업자번호 10자리 <input name="customerIdentityNumber" inputmode="numeric" maxlength="10" required></label>
<label>카드 비밀번호 앞 2자리 <input name="cardPassword" type="password" inputmode="numeric" maxlength="2"></label>
<div class="row">
<button type="submit" name="action" value="register">카드 등록</button>
<button type="submit" name="action" value="cancel" formnovalidate>취소</button>
</div>
</form>
</main>`,
  );
}

const CSS = `body { font-family: sans-serif; margin: 0; background: #f2f4f6; color: #191f28; }
main { max-width: 420px; margin: 24px auto; padding: 24px; background: #fff; border-radius: 12px; }
.badge { display: inline-block; padding: 4px 8px; border-radius: 6px; background: #fff3bf; font-size: 13px; }
label { display: block; margin: 12px 0; font-size: 14px; }
input { display: block; width: 100%; box-sizing: border-box; margin-top: 4px; padding: 8px; font-size: 16px; }
.row { display: flex; gap: 12px; }
.row > * { flex: 1; }
button { margin-top: 12px; padding: 12px; font-size: 16px; border: 0; border-radius: 8px; }
button[value="register"] { background: #3182f6; color: #fff; }
`;
