import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import { memberWithCard, nav, OWNER, STAFF, seedOwner, signInPage } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * Locking is a pause, not a sign-out: the same person unlocking finds the screen and the form they
 * were typing in as they left them; anyone else starts fresh. While locked nothing of it shows.
 */

let ui: UiFixture;
let page: Page;

/** What a person at the counter can read: rendered text only (a locked shell is kept hidden). */
const visibleText = () => page.evaluate<string>('document.body.innerText');

async function unlockAs(who: { name: string; pin: string }): Promise<void> {
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  const option = page.locator('#sign-in-operator option', { hasText: who.name });
  await page.locator('#sign-in-operator').selectOption(await option.getAttribute('value'));
  await page.locator('#sign-in-pin').fill(who.pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').filter({ hasText: who.name }).waitFor();
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const owner = await seedOwner(ui);
  await memberWithCard(ui, owner, '한지민', EMULATOR_CARDS.approves);
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('locking and unlocking, in Chromium against the real core', () => {
  it('gives the same person back the screen and the unsaved form', async () => {
    await nav(page, '회원');
    await page.getByLabel('회원 검색').fill('한지민');
    await page.getByRole('button', { name: '한지민 회원 열기' }).click();
    await page.getByRole('button', { name: '결제하기' }).click();
    await page.getByLabel('결제 금액 (원)').fill('12345');
    await page.getByLabel('결제 내용').fill('음료 두 잔');

    await page.keyboard.press('Control+L');
    await page.getByText('화면을 잠갔습니다.').waitFor();
    // Nothing of the session is shown while locked.
    expect(await visibleText()).not.toContain('한지민');
    expect(await page.getByLabel('결제 금액 (원)').isVisible()).toBe(false);
    await ui.screenshot('95-locked');

    await unlockAs(OWNER);
    await page.getByRole('heading', { level: 1, name: '결제: 한지민' }).waitFor();
    expect(await page.getByLabel('결제 금액 (원)').inputValue()).toBe('12,345');
    expect(await page.getByLabel('결제 내용').inputValue()).toBe('음료 두 잔');
    await ui.screenshot('96-unlocked-same-person');
  });

  it('starts another person fresh, on the home screen', async () => {
    await page.getByRole('button', { name: '잠금', exact: true }).click();
    await unlockAs(STAFF);
    await page.getByRole('heading', { name: '오늘의 매장' }).waitFor();
    expect(await visibleText()).not.toContain('음료 두 잔');

    // And back: the owner's old form is gone too, since someone else used the desk in between.
    await page.getByRole('button', { name: '잠금', exact: true }).click();
    await unlockAs(OWNER);
    await page.getByRole('heading', { name: '오늘의 매장' }).waitFor();
    expect(await page.getByLabel('결제 금액 (원)').count()).toBe(0);
  });

  it('starts fresh after signing out, even for the same person', async () => {
    await nav(page, '결제 내역');
    await page.getByRole('heading', { level: 1, name: '결제 내역' }).waitFor();
    await page.getByRole('button', { name: '로그아웃' }).click();
    await unlockAs(OWNER);
    await page.getByRole('heading', { name: '오늘의 매장' }).waitFor();
  });
});
