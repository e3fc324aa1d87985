import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import {
  dispatchOk,
  faultNextCharge,
  memberWithCard,
  nav,
  OWNER,
  poll,
  STAFF,
  seedOwner,
  signInPage,
  signOutPage,
} from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The "확인 필요" queue as a store manager meets it: a charge whose answer never came, the one safe
 * next step on the result screen, the queue's rows (who, how much, how long ago, what is known),
 * and a manager's decision that Toss must be reachable to make.
 */

const MINUTE = 60_000;

let ui: UiFixture;
let page: Page;
let owner: Session;
let memberId: number;
/** The desk's clock runs this far behind the real one: the charge below is "5분 전" on screen. */
let clockOffset = 0;

async function fault(match: { method: string; path: string }, fault: string, delayMs = 0): Promise<void> {
  const response = await fetch(`${ui.bridge.tossBaseUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match, fault, delayMs }),
  });
  expect(response.status).toBe(201);
}

const ORDER_LOOKUP = { method: 'GET', path: '/v1/payments/orders/*' };

async function statusOf(amount: number) {
  const entries = (await dispatchOk(ui, owner, 'listCharges', { memberId })).entries;
  return entries.filter((entry) => entry.amount === amount).map((entry) => [entry.status, entry.tossCode]);
}

/** A charge whose answer never came, made five minutes ago (desk time) without the screens. */
async function unansweredFiveMinutesAgo(amount: number, requestId: string): Promise<number> {
  clockOffset = -5 * MINUTE;
  try {
    await faultNextCharge(ui, 'status-500');
    const charge = await dispatchOk(ui, owner, 'charge', {
      memberId,
      amount,
      orderName: '이용료',
      requestId,
    });
    expect(charge.status).toBe('UNKNOWN');
    return charge.id;
  } finally {
    clockOffset = 0;
  }
}

// The queue is the whole store's: each test has a desk of its own, so what it counts is its own.
beforeEach(async () => {
  clockOffset = 0;
  ui = await openUi({ now: () => new Date(Date.now() + clockOffset) });
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  memberId = await memberWithCard(ui, owner, '박서준', EMULATOR_CARDS.approves);
  await signInPage(page, OWNER);
}, 90_000);

afterEach(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('the needs-review queue, in Chromium', () => {
  it('offers no second charge after an unanswered one: the safe next step is the queue', async () => {
    clockOffset = -5 * MINUTE;
    await nav(page, '회원');
    await page.getByLabel('회원 검색').fill('박서준');
    await page.getByRole('button', { name: '박서준 회원 열기' }).click();
    await page.getByRole('button', { name: '결제하기' }).click();
    await page.getByLabel('결제 금액 (원)').fill('44000');
    await page.keyboard.press('Enter');
    await faultNextCharge(ui, 'status-500');
    await page.getByRole('button', { name: '결제하기' }).click();
    await page.getByRole('heading', { name: '결제 결과를 확인하고 있습니다' }).waitFor();
    const result = page.getByTestId('charge-result');
    await result.getByText('다시 결제하지 마세요', { exact: false }).waitFor();
    expect(await result.getByRole('button').allTextContents()).toEqual([
      '확인 필요 목록 보기',
      '회원 정보로',
    ]);
    await ui.screenshot('70-charge-unknown-next-step');

    await result.getByRole('button', { name: '확인 필요 목록 보기' }).click();
    await page.getByRole('heading', { level: 1, name: '확인 필요' }).waitFor();
    clockOffset = 0;
  });

  it('shows who, how much, how long ago and what is known; staff see who decides, not a button', async () => {
    const chargeId = await unansweredFiveMinutesAgo(44_000, 'review-rows-0001');
    await nav(page, '확인 필요');
    const row = page.getByTestId(`review-charge-${chargeId}`);
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      '박서준 0001',
      '결제 · 이용료 · 9410 0012 **** 789*',
      '44,000원',
      '5분 전',
      expect.stringContaining('토스페이먼츠의 답을 받지 못했습니다. 결제되었는지 모릅니다.'),
      '직접 처리',
    ]);
    // The only primary button on the screen is the lookup, which is always safe.
    expect(await page.locator('main .button-primary').allTextContents()).toEqual(['확인하기']);
    expect(await page.getByRole('button', { name: '다시 결제' }).count()).toBe(0);
    await ui.screenshot('71-review-queue-rows');

    await signOutPage(page);
    await signInPage(page, STAFF);
    await nav(page, '확인 필요');
    await poll(() => row.locator('td').last().textContent()).toBe('매니저 또는 대표가 처리');
    expect(await page.getByRole('button', { name: '직접 처리' }).count()).toBe(0);
    await signOutPage(page);
    await signInPage(page, OWNER);
  });

  it('refuses "결제 안 됨" in plain words while Toss cannot be reached, and shows a busy state', async () => {
    await unansweredFiveMinutesAgo(44_000, 'review-decide-0001');
    await nav(page, '확인 필요');
    await page.getByRole('button', { name: '직접 처리' }).click();
    await poll(() => page.evaluate('document.activeElement.id')).toBe('resolve-reason');
    await page.getByLabel('사유').fill('토스 관리자 화면에 결제 없음');

    // Nothing is preselected: the final decision must be a choice.
    await page.getByRole('button', { name: '처리하기' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('확인한 결과를 골라 주세요.');
    await page.getByLabel('결제 안 됨').check();
    await ui.screenshot('72-review-decide');

    await fault(ORDER_LOOKUP, 'status-500');
    await page.getByRole('button', { name: '처리하기' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe(
      '토스에 연결할 수 없어 지금은 확인할 수 없습니다. 잠시 뒤 다시 시도해 주세요.',
    );
    expect(await page.locator('main').textContent()).not.toContain('FAILED_INTERNAL');
    expect(await page.locator('main').textContent()).not.toContain('TOSS_UNREACHABLE');
    expect(await statusOf(44_000)).toEqual([['UNKNOWN', 'FAILED_INTERNAL_SYSTEM_PROCESSING']]);
    await ui.screenshot('73-review-toss-unreachable');

    // A slow lookup: the form says it is waiting and takes no second click.
    await fault(ORDER_LOOKUP, 'delay', 3_000);
    await page.getByRole('button', { name: '처리하기' }).click();
    await page.getByText('토스페이먼츠에 다시 조회하는 중… 잠시 기다려 주세요.').waitFor();
    // The last refusal is gone while the new try runs: one message at a time.
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('button', { name: '처리하기' }).isDisabled()).toBe(true);
    expect(await page.locator('form[aria-labelledby="resolve-title"]').getAttribute('aria-busy')).toBe(
      'true',
    );
    await ui.screenshot('74-review-deciding');
    await page
      .getByText('박서준 회원의 결제 44,000원을(를) 처리했습니다: 결제 안 됨')
      .waitFor({ timeout: 15_000 });
    await page.getByText('확인할 결제가 없습니다.').waitFor();
    expect(await statusOf(44_000)).toEqual([['FAILED', 'RESOLVED_BY_STAFF']]);
  });

  it('shows the lookup as busy while "확인하기" waits on Toss', async () => {
    await faultNextCharge(ui, 'status-500');
    const charge = await dispatchOk(ui, owner, 'charge', {
      memberId,
      amount: 12_000,
      orderName: '음료',
      requestId: 'review-busy-0001',
    });
    expect(charge.status).toBe('UNKNOWN');
    await nav(page, '홈');
    await nav(page, '확인 필요');
    await poll(() => page.getByTestId('review-table').textContent()).toContain('12,000원');

    await fault(ORDER_LOOKUP, 'delay', 3_000);
    await page.getByRole('button', { name: '확인하기' }).click();
    const busy = page.getByRole('button', { name: '토스페이먼츠에 주문번호로 확인하는 중…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    expect(await page.locator('section[aria-labelledby="review-title"]').getAttribute('aria-busy')).toBe(
      'true',
    );
    await ui.screenshot('75-review-checking');
    await page.getByText('1건 조회: 1건 확정, 0건은 아직 확인 필요').waitFor({ timeout: 15_000 });
    expect(await statusOf(12_000)).toEqual([['DONE', null]]);
  });
});
