import { readFile } from 'node:fs/promises';
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
 * Plans, subscriptions and the schedule, with the desk's clock in the test's hand: the bridge runs
 * the core on `now`, so "run due charges as of a later date" is moving `clock` and pressing the
 * button. The browser keeps its own time; every date on screen comes from the core. Each test has
 * a desk of its own and seeds over the bridge the plan, subscription, runs and consents that it
 * builds on (what the earlier tests of the story do on screen), so any test can run alone.
 */

// 09:00 in Seoul on 2 March; the plan charges at 10:00, so the first period is due later today.
const MARCH_2_0900_KST = Date.parse('2026-03-02T00:00:00Z');
// 11:00 in Seoul on 2 April: the April period is an hour overdue, March's a month (a catch-up).
const APRIL_2_1100_KST = Date.parse('2026-04-02T02:00:00Z');

let clock = MARCH_2_0900_KST;
let ui: UiFixture;
let page: Page;
let owner: Session;
let memberId: number;
/** A 1×1 PNG: what a drawn signature crosses IPC as. */
const SIGNATURE =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const subscriptionRow = () => page.getByTestId('subscriptions-table').locator('tbody tr').first();

/** The monthly yoga plan charging at 10:00, as the first test creates it on screen. */
async function yogaPlan(amount = 66_000): Promise<number> {
  const plan = await dispatchOk(ui, owner, 'createPlan', {
    name: '요가 월 회원권',
    amount,
    intervalUnit: 'month',
    intervalCount: 1,
    chargeTime: '10:00',
  });
  return plan.id;
}

/** 윤서준 on the yoga plan from 2 March, as the second test subscribes him on screen. */
async function yogaSubscription(
  consent: { method: 'in-person' | 'signature'; signaturePng?: string } = { method: 'in-person' },
  amount = 66_000,
): Promise<{ id: number; planId: number }> {
  const planId = await yogaPlan(amount);
  const subscription = await dispatchOk(ui, owner, 'subscribe', {
    memberId,
    planId,
    anchorDate: '2026-03-02',
    consent,
  });
  return { id: subscription.id, planId };
}

/** The April run of the fourth test: April charged, March's catch-up approved and charged. */
async function ranInApril(): Promise<void> {
  await yogaSubscription();
  clock = APRIL_2_1100_KST;
  await dispatchOk(ui, owner, 'runDueNow', {});
  const [catchUp] = await dispatchOk(ui, owner, 'listCatchUps', {});
  await dispatchOk(ui, owner, 'approveCatchUp', { periodId: catchUp?.periodId ?? 0 });
  expect((await dispatchOk(ui, owner, 'runDueNow', {})).charged.DONE).toBe(1);
}

beforeEach(async () => {
  clock = MARCH_2_0900_KST;
  ui = await openUi({ now: () => new Date(clock) });
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  memberId = await memberWithCard(ui, owner, '윤서준', EMULATOR_CARDS.approves);
  await signInPage(page, OWNER);
}, 90_000);

afterEach(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('plans, subscriptions and due charges, in Chromium against the real core', () => {
  it('creates a monthly plan', async () => {
    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '요금제 추가' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('plan-name');
    await page.keyboard.type('요가 월 회원권');
    await page.getByLabel('금액 (원)').fill('66000');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('plans-table').textContent()).toContain('요가 월 회원권');
    expect(await page.getByTestId('plans-table').textContent()).toMatch(/66,000원.*매월.*10:00/);
  });

  it('subscribes the member from an anchor date and shows the next 30 days', async () => {
    await yogaPlan();
    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '구독 등록' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('subscribe-member');
    await page.keyboard.type('윤서준');
    await page.getByLabel('기준일').fill('2026-03-02');
    await page.getByRole('button', { name: '구독 등록' }).click();

    // The consent step: the terms the core records, shown to the member, signed on the screen.
    const terms = page.getByTestId('subscribe-consent-terms');
    await poll(() => terms.textContent()).toContain('윤서준님은');
    expect(await terms.textContent()).toContain('66,000원, 1개월마다');
    expect(await terms.textContent()).toContain('첫 결제일: 2026-03-02');
    expect(await page.getByLabel('대면 서명').isChecked()).toBe(true);
    await page.getByRole('button', { name: '동의 기록하고 구독 등록' }).click();
    await page.getByText('서명을 받아 주세요.').waitFor();
    const pad = await page.getByTestId('signature-pad').boundingBox();
    if (!pad) throw new Error('no signature pad');
    await page.mouse.move(pad.x + 40, pad.y + 100);
    await page.mouse.down();
    for (const [x, y] of [
      [90, 40],
      [140, 120],
      [200, 50],
      [260, 110],
    ] as const) {
      await page.mouse.move(pad.x + x, pad.y + y, { steps: 5 });
    }
    await page.mouse.up();
    await ui.screenshot('40a-consent-step');
    await page.getByRole('button', { name: '동의 기록하고 구독 등록' }).click();

    // What was created, and the printable slip with the signature as recorded (the slip's title
    // shows before its record has loaded, so wait for the record itself).
    await poll(() => page.getByTestId('subscription-created').textContent()).toBe(
      '윤서준(0001) 회원을 요가 월 회원권 66,000원 · 매월에 등록했습니다. 첫 결제: 2026-03-02 10:00',
    );
    const slip = page.getByTestId('consent-slip');
    // The slip loads after it opens: wait for the record itself, not just the title.
    await poll(() => slip.locator('dd').first().textContent()).toBe('대면 서명');
    expect(await slip.textContent()).toContain('정기결제 동의 · 윤서준 · 요가 월 회원권');
    await page.getByTestId('consent-slip-signature').waitFor();
    const [consent] = await dispatchOk(ui, owner, 'listConsents', {});
    expect(consent).toMatchObject({ kind: 'subscription', method: 'signature', hasSignature: true });
    const png = (await dispatchOk(ui, owner, 'getConsent', { id: consent?.id ?? 0 })).signaturePng ?? '';
    expect(Buffer.from(png, 'base64').subarray(1, 4).toString()).toBe('PNG');
    await ui.screenshot('40b-consent-slip');
    await slip.getByRole('button', { name: '닫기' }).click();
    await poll(() => subscriptionRow().textContent()).toContain('이용 중');
    expect(await subscriptionRow().textContent()).toContain('2026-03-02');
    await ui.screenshot('40-subscriptions');

    await page.getByRole('button', { name: '예정 결제 달력' }).click();
    const days = page.getByTestId('upcoming-days');
    await poll(() => days.locator('> li').first().textContent()).toContain('2026-03-02');
    expect(await days.locator('> li').first().textContent()).toContain('윤서준');
    expect(await days.locator('> li').first().textContent()).toContain('1건 · 66,000원');
    await ui.screenshot('41-upcoming');
  });

  it('shows the due charge on the month calendar, and pages to the next month', async () => {
    await yogaSubscription();
    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '예정 결제 달력' }).click();
    const calendar = page.getByTestId('upcoming-calendar');
    const caption = page.getByTestId('calendar-caption');
    const cell = (date: string) => calendar.locator(`td[data-date="${date}"]`);
    // The desk's today (2 March), not the browser's, is the calendar's month and its marked day.
    await poll(() => caption.textContent()).toBe('2026년 3월');
    expect(await calendar.getByRole('table', { name: '2026년 3월' }).count()).toBe(1);
    expect(await cell('2026-03-02').getAttribute('aria-current')).toBe('date');
    expect(await cell('2026-03-02').textContent()).toContain('1건66,000원');
    expect(await cell('2026-03-03').textContent()).not.toContain('건');
    await ui.screenshot('63-calendar');

    await calendar.getByRole('button', { name: '다음 달' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => caption.textContent()).toBe('2026년 4월');
    await poll(() => cell('2026-04-02').textContent()).toContain('1건66,000원');
    expect(await calendar.locator('[aria-current="date"]').count()).toBe(0);

    await calendar.getByRole('button', { name: '이전 달' }).click();
    await poll(() => caption.textContent()).toBe('2026년 3월');
    expect(await calendar.getByRole('button', { name: '이전 달' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  });

  it('runs due charges a month later: one charged, the missed one waits for approval', async () => {
    await yogaSubscription();
    clock = APRIL_2_1100_KST;
    await nav(page, '정기 결제');
    // Toss's rate limit answers the first request 429: the run waits and sends it again.
    await faultNextCharge(ui, 'status-429');
    await page.getByRole('button', { name: '지금 결제 실행' }).click();
    await page
      .getByTestId('run-confirm')
      .getByRole('button', { name: /건 결제 실행$/ })
      .click();
    await poll(() => page.getByTestId('run-summary').textContent()).toBe(
      '승인 1건 · 거절/실패 0건 · 확인 필요 0건 · 승인 대기 1건',
    );
    expect(await page.getByTestId('run-slowed').textContent()).toBe(
      ' 토스페이먼츠의 요청 한도 때문에 1번 기다렸다가 다시 보냈습니다.',
    );
    await ui.screenshot('42-run-due');

    await nav(page, '홈');
    await poll(() => page.getByTestId('home-catch-ups').textContent()).toContain('1건');
    await page.getByTestId('home-catch-ups').click();
    const table = page.getByTestId('catch-ups-table');
    await poll(() => table.textContent()).toContain('윤서준');
    expect(await table.textContent()).toContain('2026-03-02');
    await ui.screenshot('43-catch-ups');
    await page.getByRole('button', { name: '결제 승인' }).click();
    await page.getByText('승인했습니다. 다음 실행에서 결제됩니다.').waitFor();
    await page.getByText('승인을 기다리는 결제가 없습니다.').waitFor();

    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '지금 결제 실행' }).click();
    await page
      .getByTestId('run-confirm')
      .getByRole('button', { name: /건 결제 실행$/ })
      .click();
    await poll(() => page.getByTestId('run-summary').textContent()).toContain('승인 1건');
  });

  it('shows both scheduled charges in the log, filtered by the store-local day', async () => {
    await ranInApril();
    await nav(page, '결제 내역');
    const rows = page.getByTestId('charges-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      expect(await row.textContent()).toMatch(/윤서준.*요가 월 회원권.*정기.*66,000원.*승인/);
    }
    expect(await page.getByTestId('charges-totals').textContent()).toContain('승인 132,000원');

    await page.getByLabel('시작일').fill('2026-04-01');
    await page.getByLabel('종료일').fill('2026-04-01');
    await page.keyboard.press('Enter');
    await page.getByText('조건에 맞는 결제가 없습니다.').waitFor();
    await page.getByLabel('종료일').fill('2026-04-02');
    await page.keyboard.press('Enter');
    await poll(() => rows.count()).toBe(2);
    await ui.screenshot('44-charges-log-scheduled');

    await nav(page, '홈');
    await poll(() => page.getByTestId('home-today').textContent()).toContain('132,000원');
    await ui.screenshot('45-home-after-run');
  });

  it('filters the log by kind, and exports only that kind', async () => {
    await ranInApril();
    await nav(page, '결제 내역');
    const rows = page.getByTestId('charges-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    await page.getByLabel('종류').selectOption({ label: '수동' });
    await page.getByRole('button', { name: '조회' }).click();
    await page.getByText('조건에 맞는 결제가 없습니다.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV 내보내기' }).click(),
    ]);
    const csv = (await readFile((await download.path()) as string, 'utf8')).trim().split(/\r?\n/);
    expect(csv).toHaveLength(1);

    await page.getByLabel('종류').selectOption({ label: '정기' });
    await page.getByRole('button', { name: '조회' }).click();
    await poll(() => rows.count()).toBe(2);
    await page.getByLabel('종류').selectOption({ label: '전체' });
    await page.getByLabel('종류').selectOption({ label: '첫 결제' });
    await page.getByRole('button', { name: '조회' }).click();
    await page.getByText('조건에 맞는 결제가 없습니다.').waitFor();
  });

  it('pauses, resumes and cancels at the period end', async () => {
    await yogaSubscription();
    await nav(page, '정기 결제');
    await subscriptionRow().getByRole('button', { name: '일시정지' }).click();
    await poll(() => subscriptionRow().textContent()).toContain('일시정지다시 시작');
    await subscriptionRow().getByRole('button', { name: '다시 시작' }).click();
    await poll(() => subscriptionRow().textContent()).toContain('이용 중');
    await subscriptionRow().getByRole('button', { name: '해지' }).click();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('지금 해지');
    await ui.screenshot('46-cancel-choice');
    await subscriptionRow().getByRole('button', { name: '이번 기간 끝에 해지' }).click();
    await poll(() => subscriptionRow().textContent()).toContain('기간 끝에 해지 예정');
    const [subscription] = await dispatchOk(ui, owner, 'listSubscriptions', {});
    expect(subscription).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
  });

  it('changes the price from the next period, the amount grouped as typed', async () => {
    await yogaSubscription();
    await nav(page, '정기 결제');
    await subscriptionRow().getByRole('button', { name: '금액 변경' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('sub-price-amount');
    const form = page.getByRole('form', { name: '요가 월 회원권 금액 변경' });
    expect(await form.textContent()).toContain('다음 결제 기간부터 적용됩니다');
    expect(await page.getByTestId('sub-price-current').textContent()).toBe('지금 금액 66,000원 · 면세 0원');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#sub-price-amount-error').textContent()).toBe(
      '결제 금액은 100원 이상이어야 합니다.',
    );
    expect(await page.evaluate('document.activeElement.id')).toBe('sub-price-amount');
    await page.keyboard.type('000');
    expect(await page.getByLabel('새 금액 (원)').inputValue()).toBe('50,000');
    await page.getByLabel('새 면세 금액 (원, 선택)').pressSequentially('5000');
    await ui.screenshot('47-subscription-price');
    await page.keyboard.press('Enter');

    await page.getByText('요가 월 회원권: 다음 기간부터 50,000원으로 결제합니다.').waitFor();
    await poll(() => subscriptionRow().textContent()).toContain('50,000원');
    expect(await form.count()).toBe(0);
    await poll(() => page.evaluate('document.activeElement.textContent')).toBe('금액 변경');
    const [subscription] = await dispatchOk(ui, owner, 'listSubscriptions', {});
    expect(subscription).toMatchObject({ amount: 50_000, taxFreeAmount: 5_000 });
  });

  it('edits the plan, passing the new amount on from their next payment to the subscriptions still at its price', async () => {
    // 윤서준's first subscription has its own price (50,000원, as the price-change test sets it, a
    // month on); a second one follows the plan's 66,000원.
    const own = await yogaSubscription();
    clock = APRIL_2_1100_KST;
    await dispatchOk(ui, owner, 'changeSubscriptionPrice', {
      id: own.id,
      amount: 50_000,
      taxFreeAmount: 5_000,
    });
    const [first] = await dispatchOk(ui, owner, 'listSubscriptions', {});
    const follower = await dispatchOk(ui, owner, 'subscribe', {
      consent: { method: 'in-person' },
      memberId: first?.memberId ?? 0,
      planId: first?.planId ?? 0,
      anchorDate: '2026-04-15',
    });
    await nav(page, '정기 결제');
    const planRow = page.getByTestId('plans-table').locator('tbody tr').first();
    await planRow.getByRole('button', { name: '수정' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('plan-name');
    expect(await page.getByLabel('요금제 이름').inputValue()).toBe('요가 월 회원권');
    expect(await page.locator('#plan-count').isDisabled()).toBe(true);
    expect(await page.locator('#plan-unit').isDisabled()).toBe(true);
    const apply = page.getByLabel('이 요금제의 기존 구독에도 다음 결제부터 새 금액 적용');
    expect(await apply.count()).toBe(0);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('70000');
    expect(await page.getByLabel('금액 (원)').inputValue()).toBe('70,000');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('plan-apply');
    await page.keyboard.press('Space');
    expect(await apply.isChecked()).toBe(true);
    await ui.screenshot('48-plan-edit');
    await page.getByRole('button', { name: '수정 저장' }).click();

    // A raise waits for the member's consent (invariant 12): the subscription keeps 66,000원.
    await page
      .getByText(
        '요가 월 회원권: 구독 1건은 회원이 동의한 뒤 70,000원으로 결제합니다. 동의 관리에서 안내문을 보내 주세요.',
      )
      .waitFor();
    await poll(() => planRow.textContent()).toContain('70,000원');
    const table = page.getByTestId('subscriptions-table');
    await poll(() => table.textContent()).toContain('66,000원');
    expect(await table.textContent()).toContain('50,000원');
    await poll(() => page.evaluate('document.activeElement.id')).toMatch(/^plan-edit-open-/);
    const subscriptions = await dispatchOk(ui, owner, 'listSubscriptions', {});
    expect(subscriptions.find((s) => s.id === follower.id)).toMatchObject({
      amount: 66_000,
      taxFreeAmount: 0,
      orderName: '요가 월 회원권',
    });
    expect(subscriptions.find((s) => s.id !== follower.id)).toMatchObject({ amount: 50_000 });

    // The pending-increase list: who has not agreed, the notice to send, and the consent taken.
    await page.getByRole('button', { name: '동의 관리' }).click();
    const increases = page.getByTestId('price-increases-table');
    await poll(() => increases.textContent()).toContain('윤서준');
    expect(await increases.textContent()).toContain('66,000원 → 70,000원');
    expect(await increases.textContent()).toContain('동의 전');
    await increases.getByRole('button', { name: '안내문 복사' }).click();
    await page.getByTestId('copied-notice').waitFor();
    expect(await page.getByTestId('copied-notice').textContent()).toContain('66,000원에서 70,000원으로');
    await ui.screenshot('49a-price-increases');
    await increases.getByRole('button', { name: '동의 기록' }).click();
    const form = page.locator('form[aria-labelledby="increase-consent-title"]');
    await form.getByLabel('전화').check();
    await form.getByRole('button', { name: '동의 기록' }).click();
    await page.getByText('동의를 기록했습니다.').waitFor();
    // '동의 전' contains '동의': wait for the row to change, not for a word it already has.
    await poll(() => increases.textContent()).not.toContain('동의 전');
    expect(await increases.textContent()).toContain('윤서준');
    await ui.screenshot('49b-price-increase-agreed');
    expect(await dispatchOk(ui, owner, 'listPriceIncreases', {})).toEqual([
      expect.objectContaining({ subscriptionId: follower.id, consented: true }),
    ]);
  });

  it('shows on home the trials turning paid within 30 days, and takes the missing consent', async () => {
    await yogaSubscription();
    const [first] = await dispatchOk(ui, owner, 'listSubscriptions', {});
    // Signed up on 20 February, more than 30 days before the first paid charge on 15 April.
    clock = Date.parse('2026-02-20T01:00:00Z');
    await dispatchOk(ui, owner, 'subscribe', {
      consent: { method: 'in-person' },
      memberId: first?.memberId ?? 0,
      planId: first?.planId ?? 0,
      anchorDate: '2026-03-15',
      trialEnd: '2026-04-15',
    });
    clock = APRIL_2_1100_KST;
    // Home as it opens on 2 April (the page opened on 2 March, before the trial existed).
    await page.reload();
    await nav(page, '홈');
    const trials = page.getByTestId('home-trials');
    await poll(() => trials.textContent()).toContain('유료 전환 예정 체험 1건 · 동의 없음 1건');
    await ui.screenshot('49c-home-trials');
    await trials.getByRole('button').click();
    const table = page.getByTestId('trial-conversions-table');
    await poll(() => table.textContent()).toContain('2026-04-15');
    expect(await table.textContent()).toContain('동의 없음');
    await table.getByRole('button', { name: '동의 기록' }).click();
    const form = page.locator('form[aria-labelledby="trial-consent-title"]');
    expect(await form.textContent()).toContain('첫 유료 결제일: 2026-04-15');
    await form.getByLabel('대면 확인(체크)').check();
    await form.getByLabel('회원이 위 내용을 읽고 동의했습니다.').check();
    await form.getByRole('button', { name: '동의 기록' }).click();
    await page.getByText('동의를 기록했습니다.').waitFor();
    await poll(() => table.textContent()).not.toContain('동의 없음');
    await ui.screenshot('49d-trial-agreed');
  });

  it('lists the member’s consent history with its slips', async () => {
    // Signed at the counter; then a raise to 70,000원 and a trial turning paid, both agreed to.
    const signed = await yogaSubscription({ method: 'signature', signaturePng: SIGNATURE });
    await dispatchOk(ui, owner, 'updatePlan', {
      id: signed.planId,
      amount: 70_000,
      applyToSubscriptions: true,
    });
    await dispatchOk(ui, owner, 'recordConsent', {
      subscriptionId: signed.id,
      kind: 'price-increase',
      method: 'in-person',
    });
    clock = Date.parse('2026-02-20T01:00:00Z');
    const trial = await dispatchOk(ui, owner, 'subscribe', {
      consent: { method: 'in-person' },
      memberId,
      planId: signed.planId,
      anchorDate: '2026-03-15',
      trialEnd: '2026-04-15',
    });
    clock = APRIL_2_1100_KST;
    await dispatchOk(ui, owner, 'recordConsent', {
      subscriptionId: trial.id,
      kind: 'trial-conversion',
      method: 'in-person',
    });
    await nav(page, '회원');
    await page
      .getByRole('button', { name: /윤서준/ })
      .first()
      .click();
    const history = page.getByTestId('consent-history');
    await poll(() => history.textContent()).toContain('가격 인상 동의');
    expect(await history.textContent()).toContain('유료 전환 동의');
    expect(await history.textContent()).toContain('정기결제 동의');
    expect(await history.textContent()).toContain('대면 서명');
    await history.locator('tr', { hasText: '대면 서명' }).getByRole('button', { name: '동의서' }).click();
    await page.getByTestId('consent-slip-signature').waitFor();
    await ui.screenshot('49e-member-consents');
    // Printed, the slip comes out alone: the member's copy, without the rest of the screen.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('consent-slip-signature').isVisible()).toBe(true);
    expect(await history.locator('table').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '동의서 인쇄' }).isVisible()).toBe(false);
    await ui.screenshot('49f-consent-slip-printed');
    await page.emulateMedia({ media: 'screen' });
  });

  it('lets the owner edit the terms members are shown when subscribing', async () => {
    // The plan at 70,000원, as the plan-edit test leaves it.
    await yogaSubscription({ method: 'in-person' }, 70_000);
    await nav(page, '설정');
    const text = page.getByLabel('약관 문구', { exact: true });
    await poll(() => text.inputValue()).toContain('{member}님은');
    await text.fill(
      '{member}님, 「{order}」 {amount}원을 {cycle} 결제합니다. 첫 결제 {firstChargeDate}. {howToCancel}',
    );
    await page.getByLabel('해지 방법').fill('카운터나 전화(02-000-0000)로 해지할 수 있습니다.');
    await page.getByRole('button', { name: '약관 문구 저장' }).click();
    await page.getByText('저장했습니다.').waitFor();
    await ui.screenshot('49g-consent-template');
    const [first] = await dispatchOk(ui, owner, 'listSubscriptions', {});
    const preview = await dispatchOk(ui, owner, 'previewConsentTerms', {
      memberId: first?.memberId ?? 0,
      planId: first?.planId ?? 0,
      anchorDate: '2026-05-01',
    });
    expect(preview.text).toBe(
      '윤서준님, 「요가 월 회원권」 70,000원을 1개월마다 결제합니다. 첫 결제 2026-05-01. 카운터나 전화(02-000-0000)로 해지할 수 있습니다.',
    );
  });

  it('offers no price change or plan edit to a staff session', async () => {
    await yogaSubscription();
    await signOutPage(page);
    await signInPage(page, STAFF);
    await nav(page, '정기 결제');
    await poll(() => page.getByTestId('subscriptions-table').textContent()).toContain('66,000원');
    expect(await subscriptionRow().getByRole('button', { name: '해지' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '금액 변경' }).count()).toBe(0);
    expect(await page.getByTestId('plans-table').getByRole('button', { name: '수정' }).count()).toBe(0);
  });
});
