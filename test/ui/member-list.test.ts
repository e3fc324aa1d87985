import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOk, nav, OWNER, poll, seedOwner, signInPage } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The member list with more members than a screen holds: only the rows in view are in the DOM,
 * scrolling brings the others in (reading further pages of 500 as the end nears), and search
 * still finds one among many.
 */

const MEMBERS = 1_200;
const LAST_NAME = '회원1200';
let ui: UiFixture;
let page: Page;

const renderedRows = () => page.getByTestId('member-list').locator('tbody tr[aria-rowindex]');
const rowCount = () => page.getByTestId('member-list').locator('table').getAttribute('aria-rowcount');

/** Scrolls to the end of what is loaded on every poll, until the last member's row is on screen. */
async function scrollUntilVisible(name: string): Promise<void> {
  const last = page.getByRole('button', { name: `${name} 회원 열기` });
  await poll(async () => {
    await page.getByTestId('member-list').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    return last.isVisible();
  }).toBe(true);
}

/** The members screen as a person opens it: a fresh page (signed in still), the list at its top. */
async function openMemberList(): Promise<void> {
  await page.reload();
  await nav(page, '회원');
  await poll(() => page.locator('.count').textContent()).toBe('500명 이상 · 아래로 내리면 더 불러옵니다');
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const owner = await seedOwner(ui);
  for (let i = 1; i <= MEMBERS; i++) {
    await dispatchOk(ui, owner, 'createMember', { name: `회원${String(i).padStart(4, '0')}` });
  }
  await signInPage(page, OWNER);
}, 120_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('the member list, virtualised', () => {
  it('renders only the rows in view out of the first page of 500, the total still unknown', async () => {
    await openMemberList();
    expect(await rowCount()).toBe('-1');
    const inDom = await renderedRows().count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(60);
    await ui.screenshot('50-members-virtual');
  });

  it('reads further pages while scrolling, to the last member, with only a few dozen rows in the DOM', async () => {
    await openMemberList();
    await scrollUntilVisible(LAST_NAME);
    await poll(() => page.locator('.count').textContent()).toBe(`${MEMBERS}명`);
    expect(await rowCount()).toBe(String(MEMBERS + 1));
    expect(await renderedRows().last().getAttribute('aria-rowindex')).toBe(String(MEMBERS + 1));
    expect(await renderedRows().count()).toBeLessThan(60);
    expect(await renderedRows().first().getAttribute('aria-rowindex')).not.toBe('2');
    // Pages joined in name order, none twice: the row before the last is the member before it.
    const names = await page
      .getByTestId('member-list')
      .locator('tbody tr[aria-rowindex] button')
      .allTextContents();
    expect(names.slice(-2)).toEqual(['회원1199', LAST_NAME]);
    await ui.screenshot('51-members-last-page');
  });

  it('pages a search the same way', async () => {
    await openMemberList();
    await page.getByLabel('회원 검색').fill('회원');
    await poll(() => page.locator('.count').textContent()).toBe('500명 이상 · 아래로 내리면 더 불러옵니다');
    await scrollUntilVisible(LAST_NAME);
    await poll(() => page.locator('.count').textContent()).toBe(`${MEMBERS}명`);
    expect(await renderedRows().count()).toBeLessThan(60);
  });

  it('finds one member among many and opens them', async () => {
    await openMemberList();
    await page.getByLabel('회원 검색').fill('회원0599');
    await poll(() => page.locator('.count').textContent()).toBe('1명');
    await page.getByRole('button', { name: '회원0599 회원 열기' }).click();
    await page.getByRole('heading', { level: 1, name: '회원0599' }).waitFor();
  });
});
