import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOk, nav, OWNER, poll, seedOwner, signInPage } from './desk-seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The member list with more members than a screen holds: only the rows in view are in the DOM,
 * scrolling brings the others in, and search still finds one among many.
 */

const MEMBERS = 600;
let ui: UiFixture;
let page: Page;

const renderedRows = () => page.getByTestId('member-list').locator('tbody tr[aria-rowindex]');

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

describe('the member list, virtualised', () => {
  it('renders only the rows in view out of the 500 the search returns', async () => {
    await nav(page, '회원');
    await poll(() => page.locator('.count').textContent()).toBe('500명');
    expect(await page.getByTestId('member-list').locator('table').getAttribute('aria-rowcount')).toBe('501');
    const inDom = await renderedRows().count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(60);
    await ui.screenshot('50-members-virtual');
  });

  it('brings the last rows in when scrolled to the end', async () => {
    await page.getByTestId('member-list').evaluate((box) => box.scrollTo(0, box.scrollHeight));
    await poll(() => renderedRows().last().getAttribute('aria-rowindex')).toBe('501');
    expect(await renderedRows().count()).toBeLessThan(60);
    expect(await renderedRows().first().getAttribute('aria-rowindex')).not.toBe('2');
  });

  it('finds one member among many and opens them', async () => {
    await page.getByLabel('회원 검색').fill('회원0599');
    await poll(() => page.locator('.count').textContent()).toBe('1명');
    await page.getByRole('button', { name: '회원0599 회원 열기' }).click();
    await page.getByRole('heading', { level: 1, name: '회원0599' }).waitFor();
  });

  it('logged no error in the page', () => {
    expect(ui.pageErrors).toEqual([]);
  });
});
