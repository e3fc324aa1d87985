import { describe, expect, it } from 'vitest';
import { type Billing, CARD, KEY, OTHER_KEY, sandboxPerTest } from './harness.ts';

const WINDOW = '/__sandbox/billing-window';
const CLIENT_KEY = KEY.replace('test_sk_', 'test_ck_');
const SUCCESS = 'https://autopay-desk.invalid/billing/success';
const FAIL = 'https://autopay-desk.invalid/billing/fail';

const PARAMS = { clientKey: CLIENT_KEY, customerKey: CARD.customerKey, successUrl: SUCCESS, failUrl: FAIL };
const TYPED = {
  cardNumber: '9410 0012 3456 7890',
  cardExpirationMonth: '12',
  cardExpirationYear: '30',
  customerIdentityNumber: '900101',
  cardPassword: '12',
};

describe('the registration window stand-in (§3.2)', () => {
  const sandbox = sandboxPerTest(() => ({ merchants: { test_sk_no_contract: { billingContract: false } } }));

  const open = (params: Readonly<Record<string, string>> = PARAMS) =>
    fetch(`${sandbox.api.url}${WINDOW}?${new URLSearchParams(params)}`, { redirect: 'manual' });

  async function submit(fields: Readonly<Record<string, string>>) {
    const response = await fetch(`${sandbox.api.url}${WINDOW}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...PARAMS, ...fields }),
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    return { status: response.status, location: location === null ? null : new URL(location) };
  }

  const exchange = (authKey: string, customerKey = CARD.customerKey, key = KEY) =>
    sandbox.api.call<Billing & { code?: string; message?: string }>(
      'POST',
      '/v1/billing/authorizations/issue',
      { key, body: { authKey, customerKey } },
    );

  it('serves a form without script, its parameters escaped, under a strict CSP', async () => {
    const response = await open({ ...PARAMS, customerKey: 'cus_a.b@c=d-e_f' });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; form-action 'self' https://autopay-desk.invalid; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/ style=/i);
    expect(html).toContain('<form method="post" action="/__sandbox/billing-window"');
    expect(html).toContain('<input type="hidden" name="customerKey" value="cus_a.b@c=d-e_f">');
    expect(html).toContain('<link rel="stylesheet" href="/__sandbox/billing-window.css">');
    const css = await fetch(`${sandbox.api.url}/__sandbox/billing-window.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('escapes a success URL that tries to break out of its attribute', async () => {
    const html = await (await open({ ...PARAMS, successUrl: 'https://x.invalid/"><b>' })).text();
    expect(html).not.toContain('"><b>');
    expect(html).toContain('value="https://x.invalid/%22%3E%3Cb%3E"');
  });

  it('redirects an accepted card to successUrl with customerKey and a single-use authKey', async () => {
    const { status, location } = await submit(TYPED);
    expect(status).toBe(303);
    expect(location?.origin + (location?.pathname ?? '')).toBe(SUCCESS);
    expect(location?.searchParams.get('customerKey')).toBe(CARD.customerKey);
    const authKey = location?.searchParams.get('authKey') ?? '';
    expect(authKey).toMatch(/^bln_[A-Za-z0-9]{32}$/);

    const issued = await exchange(authKey);
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({
      customerKey: CARD.customerKey,
      method: '카드',
      card: { number: '94100012****789*', cardType: '신용', ownerType: '개인', issuerCode: '21' },
    });
    const again = await exchange(authKey);
    expect(again.status).toBe(404);
    expect(again.json).toEqual({
      code: 'NOT_FOUND_BILLING',
      message: '존재하지 않는 빌링 결제 인증 정보 입니다.',
    });
  });

  it('keeps the query the success URL already had', async () => {
    const { location } = await submit({ successUrl: `${SUCCESS}?member=7`, ...TYPED });
    expect(location?.searchParams.get('member')).toBe('7');
    expect(location?.searchParams.get('authKey')).toMatch(/^bln_/);
  });

  it('refuses an authKey presented with another customerKey or by another merchant, and keeps it usable', async () => {
    const authKey = (await submit(TYPED)).location?.searchParams.get('authKey') ?? '';
    expect((await exchange(authKey, 'cus_someone_else')).json.code).toBe('NOT_FOUND_BILLING');
    expect((await exchange(authKey, CARD.customerKey, OTHER_KEY)).json.code).toBe('NOT_FOUND_BILLING');
    expect((await exchange(authKey)).status).toBe(200);
  });

  it.each([
    ['9410901234567890', 'INVALID_CARD_NUMBER', '카드번호를 다시 확인해주세요.'],
    [
      '9410931234567890',
      'INVALID_CARD_IDENTITY',
      '입력하신 주민번호/사업자번호가 카드 소유주 정보와 일치하지 않습니다.',
    ],
    ['1234561234567890', 'INVALID_CARD_NUMBER', '카드번호를 다시 확인해주세요.'],
  ])('sends card %s to failUrl with %s and its Korean message', async (cardNumber, code, message) => {
    const { status, location } = await submit({ ...TYPED, cardNumber });
    expect(status).toBe(303);
    expect(`${location?.origin}${location?.pathname}`).toBe(FAIL);
    expect(location?.searchParams.get('code')).toBe(code);
    expect(location?.searchParams.get('message')).toBe(message);
    expect(location?.search).not.toContain('941090');
  });

  it('sends the cancel button to failUrl with PAY_PROCESS_CANCELED, whatever the card fields hold', async () => {
    const { location } = await submit({ action: 'cancel' });
    expect(location?.searchParams.get('code')).toBe('PAY_PROCESS_CANCELED');
    expect(location?.searchParams.get('message')).toBe('사용자에 의해 결제가 취소되었습니다.');
  });

  it.each([
    ['a live client key', { clientKey: KEY.replace('test_sk_', 'live_ck_') }, 'UNAUTHORIZED_KEY'],
    ['a secret key', { clientKey: KEY }, 'UNAUTHORIZED_KEY'],
    ['a merchant without a billing contract', { clientKey: 'test_ck_no_contract' }, 'NOT_SUPPORTED_METHOD'],
    ['a customerKey with a space', { customerKey: 'bad key' }, 'INVALID_REQUEST'],
  ])('sends %s to failUrl, on opening and on submitting', async (_name, params, code) => {
    const opened = await open({ ...PARAMS, ...params });
    expect(opened.status).toBe(303);
    expect(new URL(opened.headers.get('location') ?? '').searchParams.get('code')).toBe(code);
    const submitted = await submit({ ...TYPED, ...params });
    expect(submitted.location?.searchParams.get('code')).toBe(code);
  });

  it('answers 400 without redirecting when there is no usable fail URL', async () => {
    const response = await open({ ...PARAMS, failUrl: 'javascript:alert(1)' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('카드 등록 창을 열 수 없습니다');
  });

  it('pairs each client key with its own secret key only', async () => {
    const authKey =
      (
        await submit({ ...TYPED, clientKey: OTHER_KEY.replace('test_sk_', 'test_ck_') })
      ).location?.searchParams.get('authKey') ?? '';
    expect((await exchange(authKey)).status).toBe(404);
    expect((await exchange(authKey, CARD.customerKey, OTHER_KEY)).status).toBe(200);
  });
});
