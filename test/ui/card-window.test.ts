import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededOwner, seedDemo } from '../ui-bridge/seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

let ui: UiFixture;
let page: Page;
let seeded: SeededOwner;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  seeded = await seedDemo(ui.bridge, today);
  await page.reload();
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await page.locator('#sign-in-pin').fill(seeded.pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').waitFor();
}, 90_000);

afterAll(async () => {
  await ui?.close();
});

describe("registering a card through Toss's window from the counter screen", () => {
  it('shows the client key as usable and registers a member’s card without the card ever in the page', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '설정', exact: true }).click();
    await poll(() => page.getByTestId('client-key-state').textContent()).toBe(
      '설정됨 · 카드 등록 창 사용 가능',
    );
    await ui.screenshot('window-01-client-key');

    await page.getByRole('navigation').getByRole('button', { name: '회원', exact: true }).click();
    await page.getByLabel('회원 검색').fill('정하은');
    await page.getByRole('button', { name: '정하은 회원 열기' }).click();
    await page.getByRole('heading', { level: 1, name: '정하은' }).waitFor();
    await page
      .getByRole('button', { name: /카드 등록/ })
      .first()
      .click();

    // Consent is asked for the window as for key-in.
    await page.getByRole('button', { name: '토스 카드 등록 창으로 등록' }).click();
    await page.locator('#card-consent-error').waitFor();
    await page.locator('#card-consent').check();
    await page.getByRole('button', { name: '토스 카드 등록 창으로 등록' }).click();

    await page.getByRole('heading', { level: 1, name: '정하은' }).waitFor();
    await poll(() => page.getByTestId('card-summary').textContent()).toContain('*');
    expect(await page.content()).not.toContain('9410001234567890');
    expect(ui.pageErrors).toEqual([]);
    await ui.screenshot('window-02-registered');
  });

  it('asks for no card data at all once key-in is switched off', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '설정', exact: true }).click();
    // The box follows main's answer (the app status), not the click itself.
    await page.locator('#key-in-enabled').click();
    await poll(() => page.locator('#key-in-enabled').isChecked()).toBe(false);

    await page.getByRole('navigation').getByRole('button', { name: '회원', exact: true }).click();
    await page.getByLabel('회원 검색').fill('강도윤');
    await page.getByRole('button', { name: '강도윤 회원 열기' }).click();
    await page.getByRole('heading', { level: 1, name: '강도윤' }).waitFor();
    await page
      .getByRole('button', { name: /카드 등록/ })
      .first()
      .click();
    await page.getByText('이 매장은 토스 카드 등록 창으로 카드를 받습니다.', { exact: false }).waitFor();
    expect(await page.locator('#card-number').count()).toBe(0);
    expect(await page.locator('#card-expiry').count()).toBe(0);
    await ui.screenshot('window-03-key-in-off');

    await page.locator('#card-consent').check();
    await page.getByRole('button', { name: '토스 카드 등록 창으로 등록' }).click();
    await page.getByRole('heading', { level: 1, name: '강도윤' }).waitFor();
    await poll(() => page.getByTestId('card-summary').textContent()).toContain('*');
    expect(ui.pageErrors).toEqual([]);
  });
});
