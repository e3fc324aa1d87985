import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BILLING_RESERVED_HOST,
  type BillingWindowResult,
  type BillingWindowTarget,
  billingRedirectResult,
  billingSessionCsp,
  billingWindowLoad,
} from '../../electron/shell/billing-window.ts';
import { billingHarness, CARDS, type Desk, sandboxKeys } from '../billing/harness.ts';
import { clientKeyFor } from '../support/sandbox-window.ts';

/*
 * The emulator's stand-in registration window in Debian's Chromium, under the policy the shell
 * adds to the window's session, through to a registered card. The reserved host is never loaded:
 * the resolver knows no host but loopback, and the redirect to it is read off the request.
 */

const { sandbox, desk } = billingHarness();
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
});

afterAll(async () => {
  await browser?.close();
});

interface OpenedWindow {
  readonly page: Page;
  readonly customerKey: string;
  readonly memberId: number;
  /** Browser messages about the policy; none are expected. */
  readonly violations: string[];
  /** Clicks the button and reads how the window ended off the redirect to the reserved host. */
  finish(button: 'register' | 'cancel'): Promise<BillingWindowResult>;
}

async function openWindow(d: Desk): Promise<OpenedWindow> {
  const member = d.services.members.create({ name: '김하늘', phone: '010-4000-0001' });
  const customerKey = d.services.cards.windowCustomerKey({ memberId: member.id });
  const target: BillingWindowTarget = { kind: 'emulator', origin: sandbox.url };
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // What installBillingSessionPolicy does to every response in the window's session.
  await page.route(`${sandbox.url}/**`, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const headers = response.headers();
    const own = headers['content-security-policy'];
    headers['content-security-policy'] = [own, billingSessionCsp(target)].filter(Boolean).join(', ');
    await route.fulfill({ response, headers });
  });
  const load = billingWindowLoad(target, { clientKey: clientKeyFor(sandbox.secretKey), customerKey });
  await page.goto(load.url);
  return {
    page,
    customerKey,
    memberId: member.id,
    violations,
    async finish(button) {
      const redirected = page.waitForRequest(
        (request) => new URL(request.url()).hostname === BILLING_RESERVED_HOST,
      );
      await page.click(`button[value="${button}"]`);
      const result = billingRedirectResult(new URL((await redirected).url()), customerKey);
      if (!result) throw new Error('no result on the redirect');
      return result;
    },
  };
}

async function typeCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('카드 번호').fill(number);
  await page.getByLabel('유효기간 월 (MM)').fill('12');
  await page.getByLabel('유효기간 연 (YY)').fill('30');
  await page.getByLabel('생년월일 6자리 또는 사업자번호 10자리').fill('900101');
  await page.getByLabel('카드 비밀번호 앞 2자리').fill('12');
}

describe('the emulator’s registration window in Chromium', () => {
  it('registers a typed card through to a masked, stored card', async () => {
    const d = await desk();
    const window = await openWindow(d);
    expect(await window.page.locator('h1').textContent()).toBe('자동결제 카드 등록');
    await typeCard(window.page, '9410 0012 3456 7890');

    const result = await window.finish('register');
    expect(result).toEqual({ kind: 'success', authKey: expect.stringMatching(/^bln_/) });
    if (result.kind !== 'success') return;
    const { card } = await d.services.cards.registerWithAuthKey({
      memberId: window.memberId,
      authKey: result.authKey,
      firstCharge: { amount: 33_000, orderName: '월 회원권' },
    });
    expect(card.maskedNumber).toBe('94100012****789*');
    expect(d.services.cards.active(window.memberId)?.id).toBe(card.id);
    expect((await sandboxKeys(sandbox)).map((key) => key.customerKey)).toEqual([window.customerKey]);
    expect(window.violations).toEqual([]);
    await window.page.context().close();
  });

  it('sends a refused card to the fail URL with Toss’s Korean message', async () => {
    const d = await desk();
    const window = await openWindow(d);
    await typeCard(window.page, CARDS.refusedAtIssue);
    expect(await window.finish('register')).toEqual({
      kind: 'fail',
      code: 'INVALID_CARD_NUMBER',
      message: '카드번호를 다시 확인해주세요.',
    });
    expect(await sandboxKeys(sandbox)).toEqual([]);
    expect(window.violations).toEqual([]);
    await window.page.context().close();
  });

  it('cancels with empty fields', async () => {
    const d = await desk();
    const window = await openWindow(d);
    expect(await window.finish('cancel')).toEqual({
      kind: 'fail',
      code: 'PAY_PROCESS_CANCELED',
      message: '사용자에 의해 결제가 취소되었습니다.',
    });
    await window.page.context().close();
  });
});
