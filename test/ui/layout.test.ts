import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import {
  dispatchOk,
  faultNextCharge,
  memberWithCard,
  nav,
  OWNER,
  poll,
  seedOwner,
  signInPage,
} from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The whole UI in English once the header's language button is pressed, and the main screens at
 * the two screen sizes the counter PCs have, without a sideways scrollbar.
 */

let ui: UiFixture;
let page: Page;
let owner: Session;

const menu = (name: string) => page.getByRole('navigation', { name }).getByRole('button');

/** The page is no wider than the window: nothing to scroll sideways to. */
async function expectNoSidewaysScroll(): Promise<void> {
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>(
    '[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]',
  );
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** The window's minimum (electron/shell window options), the common laptop, and a full HD screen. */
const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/*
 * No word may break across lines: a label broken per syllable (회/원, 로그/아웃, 승/인) or a name
 * split in a narrow column is what a small window did to them. Every word on screen (up to 20
 * characters, split at hyphens and slashes; long Latin ids and keys may wrap) is measured with a
 * Range: two line boxes mean it broke.
 * Short labels (menu, buttons, badges, table headers) must also stay on one line as a whole.
 */
async function splitLabels(): Promise<string[]> {
  return page.evaluate(`(() => {
    const split = [];
    const lines = (range) => {
      const tops = [...range.getClientRects()]
        .filter((rect) => rect.width > 0 && rect.height > 0)
        .map((rect) => Math.round(rect.top))
        .sort((a, b) => a - b);
      return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.offsetParent === null || parent.closest('.combobox-popup, option, script, style')) continue;
      for (const match of node.data.matchAll(/[^\\s\\-_/]{2,20}/g)) {
        // A long Latin token is an id or a key (audit details), which may wrap where it must.
        if (match[0].length > 10 && !/[가-힣]/.test(match[0])) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lines(range) > 1) split.push(match[0]);
      }
    }
    const labels = 'header button, header .operator, header .mode, nav button, main button, .badge, th';
    for (const element of document.querySelectorAll(labels)) {
      if (!(element instanceof HTMLElement) || element.offsetParent === null) continue;
      // A tile (a label over a number) is laid out in lines on purpose; its words are checked above.
      if ([...element.querySelectorAll('*')].some((child) => !getComputedStyle(child).display.startsWith('inline'))) continue;
      const range = document.createRange();
      range.selectNodeContents(element);
      if (lines(range) > 1) split.push(element.textContent.trim());
    }
    return split;
  })()`);
}

const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Every screen, reached as a person would (the menu, then the screen's own buttons). */
const SCREENS: { name: string; open: () => Promise<void> }[] = [
  {
    name: 'home',
    open: async () => {
      await nav(page, '홈');
      await poll(() => page.getByTestId('home-today').textContent()).toContain('50,000원');
    },
  },
  {
    name: 'members',
    open: async () => {
      await nav(page, '회원');
      await poll(() => page.locator('.count').textContent()).toBe('1명');
    },
  },
  {
    name: 'member',
    open: async () => {
      await page.getByRole('button', { name: '한지민 회원 열기' }).click();
      await heading('한지민');
      await page.getByTestId('member-subscriptions').waitFor();
    },
  },
  {
    name: 'charge',
    open: async () => {
      await page.getByRole('button', { name: '결제하기' }).click();
      await heading('결제: 한지민');
    },
  },
  {
    name: 'register-card',
    open: async () => {
      await page.getByRole('button', { name: '한지민' }).click();
      await page.getByRole('button', { name: '카드 교체' }).click();
      await page.getByLabel('카드번호', { exact: true }).waitFor();
    },
  },
  {
    name: 'charges',
    open: async () => {
      await nav(page, '결제 내역');
      await poll(() => page.getByTestId('charges-table').locator('tbody tr').count()).toBe(2);
    },
  },
  {
    name: 'charge-detail',
    open: async () => {
      const row = page.getByTestId('charges-table').locator('tbody tr', { hasText: '50,000원' });
      await row.getByRole('button').first().click();
      await page.getByRole('button', { name: '영수증' }).waitFor();
    },
  },
  {
    name: 'receipt',
    open: async () => {
      await page.getByRole('button', { name: '영수증' }).click();
      await heading('영수증');
    },
  },
  {
    name: 'subscriptions',
    open: async () => {
      await nav(page, '정기 결제');
      await poll(() => page.getByTestId('subscriptions-table').locator('tbody tr').count()).toBe(1);
    },
  },
  {
    name: 'upcoming',
    open: async () => {
      await page.getByRole('button', { name: '예정 결제 달력' }).click();
      await page.getByTestId('upcoming-calendar').waitFor();
    },
  },
  {
    name: 'catch-ups',
    open: async () => {
      await nav(page, '정기 결제');
      await page.getByRole('button', { name: '밀린 결제 승인' }).click();
      await page.getByText('승인을 기다리는 결제가 없습니다.').waitFor();
    },
  },
  {
    name: 'review',
    open: async () => {
      await nav(page, '확인 필요');
      await page.getByTestId('review-table').waitFor();
    },
  },
  {
    name: 'settings',
    open: async () => {
      await nav(page, '설정');
      await heading('설정');
    },
  },
  {
    name: 'staff',
    open: async () => {
      await nav(page, '직원');
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
  {
    name: 'audit',
    open: async () => {
      await nav(page, '감사 기록');
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
];

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  const memberId = await memberWithCard(ui, owner, '한지민', EMULATOR_CARDS.approves);
  await dispatchOk(ui, owner, 'charge', {
    memberId,
    amount: 50_000,
    orderName: 'PT 10회권',
    requestId: 'layout-charge-0001',
  });
  const [plan] = [
    await dispatchOk(ui, owner, 'createPlan', {
      name: '필라테스 주 2회 월 회원권',
      amount: 180_000,
      intervalUnit: 'month',
      intervalCount: 1,
    }),
  ];
  await dispatchOk(ui, owner, 'subscribe', {
    memberId,
    planId: plan.id,
    anchorDate: '2030-01-31',
    consent: { method: 'in-person' },
  });
  // One unanswered charge, so the review queue has a row to lay out.
  await faultNextCharge(ui, 'status-500');
  await dispatchOk(ui, owner, 'charge', {
    memberId,
    amount: 12_000,
    orderName: '음료',
    requestId: 'layout-charge-0002',
  });
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('language and layout, in Chromium', () => {
  it('switches every screen to English with the header button, and back to Korean', async () => {
    await nav(page, '홈');
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
      await poll(() => page.getByTestId('charges-table').locator('tbody tr').count()).toBe(2);
      await expectNoSidewaysScroll();

      await nav(page, '정기 결제');
      await page.getByRole('heading', { level: 1, name: '정기 결제' }).waitFor();
      await expectNoSidewaysScroll();
    },
  );

  it.each(SIZES)(
    'shows every screen at $width×$height with whole labels and no sideways scroll',
    async (size) => {
      await page.setViewportSize(size);
      for (const screen of SCREENS) {
        await screen.open();
        await expectNoSidewaysScroll();
        expect({ screen: screen.name, split: await splitLabels() }).toEqual({
          screen: screen.name,
          split: [],
        });
        await ui.screenshot(`64-${screen.name}-${size.width}`);
      }
    },
  );
});
