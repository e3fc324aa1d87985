import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import { dispatchOk, nav, OWNER, once, openMemberPage, poll, seedOwner, signInPage } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * Card expiry (design.md invariant 2 allows the month/year with the card row): kept from key-in and
 * a card-reader swipe, unknown from Toss's window; the member page warns when the card lapses
 * before the next scheduled charge, the upcoming screen lists such cards and home counts them.
 * The clock is the real one: the lapsing card is valid through this month, charged next month.
 */

// A keyboard-wedge reader's swipe of the approving card, valid through January 2028 (YYMM 2801).
const SWIPE = `%B${EMULATOR_CARDS.approves}^HONG/GILDONG^2801101...?;${EMULATOR_CARDS.approves}=2801101...?`;

let ui: UiFixture;
let page: Page;
let owner: Session;
let planId: number;

const seoulToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul' }).format(Date.now());
/** 'YYYY-MM-DD' of the 5th of the month after this one in Seoul, and this month's MM and YY. */
function nextMonth() {
  const [year, month] = seoulToday().split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    anchor: `${next.year}-${String(next.month).padStart(2, '0')}-05`,
    mm: String(month).padStart(2, '0'),
    yy: String(year % 100).padStart(2, '0'),
  };
}

async function subscribe(memberId: number, anchorDate: string): Promise<void> {
  await dispatchOk(ui, owner, 'subscribe', {
    memberId,
    planId,
    anchorDate,
    consent: { method: 'in-person' },
  });
}

async function registerByKeyIn(name: string, expiry: string): Promise<void> {
  await openMemberPage(page, name);
  await page.getByRole('button', { name: '카드 등록' }).click();
  await page.getByLabel('카드번호', { exact: true }).pressSequentially(EMULATOR_CARDS.approves);
  await page.getByLabel('유효기간 (MM/YY)').pressSequentially(expiry);
  await page.getByLabel('생년월일 6자리 또는 사업자등록번호 10자리').fill('900101');
  await page.getByLabel(/정기 결제\(자동결제\)에 동의/).check();
  await page.getByRole('button', { name: '카드 등록', exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * 박만료's card, typed at the counter and valid only through the month of the next charge, with
 * the subscription charging then: made once for the file by whichever test needs it first.
 */
const keyInLapsingCard = once(async () => {
  const { anchor, mm, yy } = nextMonth();
  await registerByKeyIn('박만료', `${mm}${yy}`);
  const member = (await dispatchOk(ui, owner, 'searchMembers', { query: '박만료' }))[0];
  if (!member) throw new Error('no member');
  await subscribe(member.id, anchor);
});

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  await dispatchOk(ui, owner, 'setClientKey', { clientKey: 'test_ck_ui_screens_0123456789abcdef' });
  planId = (
    await dispatchOk(ui, owner, 'createPlan', {
      name: '월 회원권',
      amount: 55_000,
      intervalUnit: 'month',
      intervalCount: 1,
      chargeTime: '10:00',
    })
  ).id;
  for (const name of ['박만료', '김리더', '이창']) await dispatchOk(ui, owner, 'createMember', { name });
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('card expiry, in Chromium against the real core', () => {
  it('keeps the expiry typed at key-in and warns when the card lapses before the next charge', async () => {
    const { anchor, mm, yy } = nextMonth();
    await keyInLapsingCard();
    await page.reload();
    await openMemberPage(page, '박만료');
    expect(await page.getByTestId('card-expiry').textContent()).toBe(`유효기간 ${mm}/${yy}`);
    await poll(() => page.getByTestId('card-lapse').textContent()).toBe(
      `카드 유효기간(${mm}/${yy})이 다음 정기 결제(${anchor}, 월 회원권) 전에 끝납니다. 결제일 전에 카드를 교체해 주세요.`,
    );
    await ui.screenshot('i18a-20-member-card-lapses');
  });

  it('keeps the expiry a card-reader swipe gave, and shows 유효기간 모름 for a card from Toss’s window', async () => {
    await openMemberPage(page, '김리더');
    await page.getByRole('button', { name: '카드 등록' }).click();
    await page.getByLabel('카드번호', { exact: true }).focus();
    await page.keyboard.type(SWIPE);
    await page.keyboard.press('Enter');
    await poll(() => page.getByLabel('유효기간 (MM/YY)').inputValue()).toBe('01/28');
    await page.getByLabel('생년월일 6자리 또는 사업자등록번호 10자리').fill('900101');
    await page.getByLabel(/정기 결제\(자동결제\)에 동의/).check();
    await page.getByRole('button', { name: '카드 등록', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '김리더' }).waitFor();
    await poll(() => page.getByTestId('card-expiry').textContent()).toBe('유효기간 01/28');
    // Charged next month, valid into 2028: no warning.
    const reader = (await dispatchOk(ui, owner, 'searchMembers', { query: '김리더' }))[0];
    if (!reader) throw new Error('no member');
    await subscribe(reader.id, nextMonth().anchor);

    const windowed = (await dispatchOk(ui, owner, 'searchMembers', { query: '이창' }))[0];
    if (!windowed) throw new Error('no member');
    await dispatchOk(ui, owner, 'registerCardByWindow', { memberId: windowed.id });
    await subscribe(windowed.id, nextMonth().anchor);
    await openMemberPage(page, '이창');
    await poll(() => page.getByTestId('card-expiry').textContent()).toBe('유효기간 모름');
    expect(await page.getByTestId('card-lapse').count()).toBe(0);
    await ui.screenshot('i18a-21-member-expiry-unknown');
  });

  it('lists the lapsing card on the upcoming screen and counts it at home', async () => {
    const { anchor, mm, yy } = nextMonth();
    await keyInLapsingCard();
    await nav(page, '홈');
    const tile = page.getByTestId('home-cards-expiring');
    await poll(() => tile.textContent()).toBe('결제 전 유효기간 끝나는 카드1건');
    await ui.screenshot('i18a-22-home-cards-expiring');
    await tile.click();
    const list = page.getByTestId('upcoming-expiring');
    await poll(() => list.locator('h2').textContent()).toBe('다음 결제 전에 유효기간이 끝나는 카드 1장');
    expect(await list.locator('li').allTextContents()).toEqual([
      `박만료 9410 0012 **** 789* · 유효기간 ${mm}/${yy} · 다음 결제 ${anchor} (월 회원권)`,
    ]);
    await ui.screenshot('i18a-23-upcoming-cards-expiring');
    await list.getByRole('button', { name: '박만료' }).click();
    await page.getByRole('heading', { level: 1, name: '박만료' }).waitFor();
  });
});
