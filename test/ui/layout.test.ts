import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import { dispatchOk, memberWithCard, nav, OWNER, poll, seedOwner, signInPage } from './desk-seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The whole UI in English once the header's language button is pressed, and the main screens at
 * the two screen sizes the counter PCs have, without a sideways scrollbar.
 */

let ui: UiFixture;
let page: Page;

const menu = (name: string) => page.getByRole('navigation', { name }).getByRole('button');

/** The page is no wider than the window: nothing to scroll sideways to. */
async function expectNoSidewaysScroll(): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>(
    '[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]',
  );
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const owner = await seedOwner(ui);
  const memberId = await memberWithCard(ui, owner, '한지민', EMULATOR_CARDS.approves);
  await dispatchOk(ui, owner, 'charge', {
    memberId,
    amount: 50_000,
    orderName: 'PT 10회권',
    requestId: 'layout-charge-0001',
  });
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});

describe('language and layout, in Chromium', () => {
  it('switches every screen to English with the header button, and back to Korean', async () => {
    await page.getByRole('heading', { name: '오늘의 매장' }).waitFor();
    await page.getByRole('button', { name: '언어를 영어로 바꾸기' }).click();
    await page.getByRole('heading', { name: 'Today at the store' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await menu('Main menu').allTextContents()).toEqual(
      expect.arrayContaining(['Home', 'Members', 'Charges', 'Subscriptions']),
    );
    expect(await page.getByTestId('operator').textContent()).toBe('김대표 (Owner)');

    await menu('Main menu').getByText('Members', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await page.getByLabel('Search members').waitFor();
    await page.getByRole('button', { name: 'Add member' }).waitFor();

    await menu('Main menu').getByText('Charges', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Charges' }).waitFor();
    await poll(() => page.getByTestId('charges-table').textContent()).toContain('₩50,000');
    expect(await page.getByLabel('Kind').locator('option').allTextContents()).toEqual([
      'All',
      'Manual',
      'Scheduled',
      'First',
      'Retry',
      'Refund',
    ]);

    await menu('Main menu').getByText('Subscriptions', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscriptions' }).waitFor();
    await ui.screenshot('60-english-subscriptions');

    await page.getByRole('button', { name: 'Switch the language to Korean' }).click();
    await page.getByRole('heading', { level: 1, name: '정기 결제' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('ko');
  });

  it.each([
    { width: 1920, height: 1080 },
    { width: 1280, height: 800 },
  ])(
    'shows home, members, charges and subscriptions at $width×$height without scrolling sideways',
    async (size) => {
      await page.setViewportSize(size);
      await nav(page, '홈');
      await poll(() => page.getByTestId('home-today').textContent()).toContain('50,000원');
      await expectNoSidewaysScroll();
      await ui.screenshot(`61-home-${size.width}`);

      await nav(page, '회원');
      await poll(() => page.locator('.count').textContent()).toBe('1명');
      await expectNoSidewaysScroll();
      await ui.screenshot(`62-members-${size.width}`);

      await nav(page, '결제 내역');
      await poll(() => page.getByTestId('charges-table').locator('tbody tr').count()).toBe(1);
      await expectNoSidewaysScroll();

      await nav(page, '정기 결제');
      await page.getByRole('heading', { level: 1, name: '정기 결제' }).waitFor();
      await expectNoSidewaysScroll();
    },
  );

  it('logged no error in the page', () => {
    expect(ui.pageErrors).toEqual([]);
  });
});
