import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import { dispatchOk, memberWithCard, nav, OWNER, poll, seedOwner, signInPage } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * Subscriptions as a store manager meets them: the member picker (search as you type over the
 * whole member base, namesakes side by side, an exact number taken at once), what subscribing
 * made, the warnings for a member without a card or dates already past, whose subscription a row
 * or a cancellation is, and the member page's own list. What a run charges and which members
 * have a subscription are the store's, so each test has a desk of its own and seeds the
 * subscriptions it builds on.
 */

// 09:00 in Seoul on 2 March 2026; the plan charges at 10:00.
const MARCH_2_0900_KST = Date.parse('2026-03-02T00:00:00Z');
const MARCH_2_1030_KST = Date.parse('2026-03-02T01:30:00Z');
const MARCH_2_1100_KST = Date.parse('2026-03-02T02:00:00Z');

let clock = MARCH_2_0900_KST;
let ui: UiFixture;
let page: Page;
let owner: Session;

const memberField = () => page.getByRole('combobox', { name: '회원' });
const options = () => page.getByRole('listbox', { name: '회원 후보' }).getByRole('option');

async function createMember(name: string, phone?: string): Promise<void> {
  await dispatchOk(ui, owner, 'createMember', { name, ...(phone ? { phone } : {}) });
}

/**
 * The consent step of the subscribe form: nothing exists until the member's consent is recorded,
 * and a ticked box does not go through unticked.
 */
async function consentInPerson(): Promise<void> {
  const step = page.getByTestId('consent-step');
  await step.getByLabel('대면 확인(체크)').check();
  await step.getByRole('button', { name: '동의 기록하고 구독 등록' }).click();
  await step.getByText('회원이 동의했는지 확인란에 표시해 주세요.').waitFor();
  await step.getByLabel('회원이 위 내용을 읽고 동의했습니다.').check();
  await step.getByRole('button', { name: '동의 기록하고 구독 등록' }).click();
}

/** Subscribes a member (by number) to the seeded plan over the bridge, consent taken in person or as said. */
async function subscribeOverBridge(
  memberNo: string,
  dates: { anchorDate: string; trialEnd?: string },
  method: 'in-person' | 'phone' = 'in-person',
) {
  const member = (await dispatchOk(ui, owner, 'searchMembers', { query: memberNo }))[0];
  const [plan] = await dispatchOk(ui, owner, 'listPlans', {});
  if (!member || !plan) throw new Error('seed missing');
  await dispatchOk(ui, owner, 'subscribe', {
    memberId: member.id,
    planId: plan.id,
    ...dates,
    consent: { method },
  });
}

async function openSubscribeForm(): Promise<void> {
  await nav(page, '정기 결제');
  await page.getByRole('button', { name: '구독 등록' }).click();
  await poll(() => page.evaluate('document.activeElement.id')).toBe('subscribe-member');
}

beforeEach(async () => {
  clock = MARCH_2_0900_KST;
  ui = await openUi({ now: () => new Date(clock) });
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  await memberWithCard(ui, owner, '박서준', EMULATOR_CARDS.approves); // 0001
  await memberWithCard(ui, owner, '김민수', EMULATOR_CARDS.approvesCheck); // 0002
  await dispatchOk(ui, owner, 'editMember', { id: 2, phone: '010-1111-2222' });
  await createMember('김민수', '010-3333-4444'); // 0003, no card
  await memberWithCard(ui, owner, '최유리', EMULATOR_CARDS.approves); // 0004
  // Her phone holds "0004" too: the exact member number must still win.
  await createMember('가나다', '010-0004-1234'); // 0005
  for (let i = 1; i <= 25; i++) await createMember(`홍길동${String(i).padStart(2, '0')}`);
  await dispatchOk(ui, owner, 'createPlan', {
    name: '월 회비',
    amount: 50_000,
    intervalUnit: 'month',
    intervalCount: 1,
    chargeTime: '10:00',
  });
  await signInPage(page, OWNER);
}, 120_000);

afterEach(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('members and subscriptions, in Chromium against the real core', () => {
  it('lists namesakes side by side and picks none of them silently; the keyboard chooses', async () => {
    await openSubscribeForm();
    await page.keyboard.type('김민수');
    await poll(() => options().count()).toBe(2);
    expect(await memberField().getAttribute('aria-expanded')).toBe('true');
    expect(await options().allTextContents()).toEqual([
      '김민수0002010111122229410 0512 **** 789*',
      '김민수000301033334444카드 없음',
    ]);
    await ui.screenshot('80-picker-namesakes');

    // Enter with nothing highlighted submits the form: it refuses to guess.
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#subscribe-member-error').textContent()).toBe(
      '같은 조건의 회원이 2명입니다. 목록에서 한 명을 골라 주세요.',
    );
    expect(await dispatchOk(ui, owner, 'listSubscriptions', {})).toEqual([]);

    await memberField().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const active = await memberField().getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toContain('0003');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('subscribe-member-chosen').textContent()).toBe(
      '선택: 김민수 · 회원번호 0003',
    );
    expect(await memberField().inputValue()).toBe('김민수 (0003)');
    expect(await memberField().getAttribute('aria-expanded')).toBe('false');
  });

  it('warns that a member without a card is not charged, then shows what was created', async () => {
    await openSubscribeForm();
    await page.keyboard.type('0003');
    await poll(() => page.getByTestId('subscribe-member-chosen').textContent()).toBe(
      '선택: 김민수 · 회원번호 0003',
    );
    // The desk's today (the browser keeps its own clock).
    await page.getByLabel('기준일').fill('2026-03-02');
    await page.keyboard.press('Enter');
    const check = page.getByTestId('subscribe-check');
    await check.waitFor();
    expect(await check.getByRole('alert').textContent()).toBe(
      '김민수 회원은 등록된 카드가 없습니다. 구독은 만들어지지만 카드를 등록하기 전에는 결제일이 와도 결제하지 않습니다.',
    );
    expect(await dispatchOk(ui, owner, 'listSubscriptions', {})).toEqual([]);
    await ui.screenshot('81-subscribe-no-card');

    // Going on leads to the member's consent, not to a subscription: none exists before it.
    await check.getByRole('button', { name: '그래도 등록' }).click();
    await poll(() => page.getByTestId('subscribe-consent-terms').textContent()).toContain('김민수님은');
    expect(await dispatchOk(ui, owner, 'listSubscriptions', {})).toEqual([]);
    await consentInPerson();

    // What was created is said at once, beside the consent slip to print for the member.
    const created = page.getByTestId('subscription-created');
    await poll(() => created.textContent()).toBe(
      '김민수(0003) 회원을 월 회비 50,000원 · 매월에 등록했습니다. 첫 결제: 2026-03-02 10:00',
    );
    const slip = page.getByTestId('consent-slip');
    // The slip's first detail is how the member agreed.
    await poll(() => slip.locator('dd').first().textContent()).toBe('대면 확인(체크)');
    const [subscription] = await dispatchOk(ui, owner, 'listSubscriptions', {});
    expect(subscription).toMatchObject({ memberNo: '0003', memberName: '김민수', status: 'active' });
    expect(await dispatchOk(ui, owner, 'listConsents', {})).toEqual([
      expect.objectContaining({
        subscriptionId: subscription?.id,
        kind: 'subscription',
        method: 'in-person',
      }),
    ]);
    const row = page.getByTestId(`subscription-${subscription?.id}`);
    await poll(() => row.locator('td').first().textContent()).toBe('김민수 0003');
    await ui.screenshot('82-subscription-created');
    await slip.getByRole('button', { name: '닫기' }).click();
    expect(await created.textContent()).toContain('김민수(0003)');
  });

  it('takes an exact member number at once, and explains the catch-up of a start in the past', async () => {
    await openSubscribeForm();
    await page.keyboard.type('0004');
    await poll(() => page.getByTestId('subscribe-member-chosen').textContent()).toBe(
      '선택: 최유리 · 회원번호 0004',
    );
    await page.getByLabel('기준일').fill('2026-02-01');
    await page.getByRole('button', { name: '구독 등록' }).last().click();
    const check = page.getByTestId('subscribe-check');
    await check.waitFor();
    expect(await check.getByRole('alert').locator('p').allTextContents()).toEqual([
      '기준일 2026-02-01이(가) 이미 지났습니다. 지난 결제일 2건은 다음 결제 실행 때 밀린 결제로 한 번씩 결제됩니다.',
      '그중 3일보다 오래된 1건은 매니저가 "밀린 결제 승인"에서 승인해야 결제됩니다.',
    ]);
    await ui.screenshot('83-subscribe-past-start');

    // Back to the form: what was typed is still there.
    await check.getByRole('button', { name: '수정' }).click();
    expect(await memberField().inputValue()).toBe('최유리 (0004)');
    expect(await page.getByLabel('기준일').inputValue()).toBe('2026-02-01');
    await page.getByRole('button', { name: '구독 등록' }).last().click();
    await page.getByTestId('subscribe-check').getByRole('button', { name: '그래도 등록' }).click();
    const step = page.getByTestId('consent-step');
    await poll(() => page.getByTestId('subscribe-consent-terms').textContent()).toContain('최유리님은');
    await step.getByLabel('전화').check();
    await step.getByRole('button', { name: '동의 기록하고 구독 등록' }).click();
    await poll(() => page.getByTestId('subscription-created').textContent()).toContain('최유리(0004)');
    await poll(() => page.getByTestId('consent-slip').locator('dd').first().textContent()).toBe('전화');
    await page.getByTestId('consent-slip').getByRole('button', { name: '닫기' }).click();
  });

  it('searches the whole member base and says when to type more', async () => {
    await openSubscribeForm();
    await page.keyboard.type('홍길동');
    await poll(() => options().count()).toBe(20);
    await page.getByText('20명까지 보입니다. 이름이나 번호를 더 입력해 좁혀 주세요.').waitFor();
    await page.keyboard.type('25');
    await poll(() => options().allTextContents()).toEqual(['홍길동250030전화번호 없음카드 없음']);
    await page.keyboard.press('Escape');
    expect(await memberField().getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: '취소' }).click();
  });

  it("shows the member's subscriptions on the member page, and names whom a cancellation is for", async () => {
    // 최유리 from 1 February, her consent taken by phone, as the exact-number test subscribes her.
    await subscribeOverBridge('0004', { anchorDate: '2026-02-01' }, 'phone');
    await nav(page, '정기 결제');
    const table = page.getByTestId('subscriptions-table');
    await table.getByRole('button', { name: '최유리' }).click();
    await page.getByRole('heading', { level: 1, name: '최유리' }).waitFor();
    const own = page.getByTestId('member-subscriptions');
    const cells = await own.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual([
      '월 회비',
      '50,000원',
      '매월 · 기준일 2026-02-01',
      expect.any(String),
    ]);
    expect(cells[3]).toBe('2026-04-01 10:00');
    expect(cells[4]).toBe('이용 중');
    await ui.screenshot('84-member-subscriptions');

    await own.getByRole('button', { name: '해지' }).click();
    const choice = page.getByTestId('cancel-choice');
    expect(await choice.locator('legend').textContent()).toBe(
      '최유리(0004) 회원의 월 회비 구독을 해지할까요?',
    );
    const request = choice.getByLabel('회원 요청으로 해지 (동의 철회 기록)');
    // An answer left on a cancel asked and then dropped does not carry over to the next one.
    await request.selectOption({ label: '전화' });
    await choice.getByRole('button', { name: '취소' }).click();
    await own.getByRole('button', { name: '해지' }).click();
    expect(await request.inputValue()).toBe('');
    await request.selectOption({ label: '메시지' });
    await choice.getByRole('button', { name: '지금 해지' }).click();
    await page
      .getByText('최유리(0004) 회원의 월 회비 구독을 해지했습니다. 회원의 동의 철회를 기록했습니다.')
      .waitFor();
    await poll(() => own.locator('tbody tr').first().locator('td').nth(4).textContent()).toBe('해지됨');
    const yuri = (await dispatchOk(ui, owner, 'searchMembers', { query: '0004' }))[0];
    const consents = await dispatchOk(ui, owner, 'listConsents', { memberId: yuri?.id ?? 0 });
    expect(consents.map((consent) => `${consent.kind} ${consent.method}`).sort()).toEqual([
      'subscription phone',
      'withdrawal message',
    ]);
    await ui.screenshot('85-member-subscription-canceled');
  });

  it('"지금 결제 실행" asks with the count and total, and explains a run that charged nothing', async () => {
    // 김민수 (0003, no card) as the no-card test subscribes him, and 박서준 (0001) with his card.
    await subscribeOverBridge('0003', { anchorDate: '2026-03-02' });
    await subscribeOverBridge('0001', { anchorDate: '2026-03-02' });
    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '지금 결제 실행' }).click();
    const confirm = page.getByTestId('run-confirm');
    await poll(() => confirm.locator('p').allTextContents()).toEqual([
      '지금 결제할 정기 결제 0건, 합계 0원',
      '10:00에 결제 예정 2건: 아직 시간이 안 됨',
    ]);
    await ui.screenshot('86-run-due-confirm-nothing');
    await confirm.getByRole('button', { name: '0건 결제 실행' }).click();
    await poll(() => page.getByTestId('run-summary').textContent()).toBe(
      '승인 0건 · 거절/실패 0건 · 확인 필요 0건 · 승인 대기 0건',
    );
    expect(await page.getByTestId('run-why').textContent()).toBe('10:00에 결제 예정 2건: 아직 시간이 안 됨');
    await ui.screenshot('87-run-due-nothing-yet');

    // Moving on (here: opening the plan form) clears the old result.
    await page.getByRole('button', { name: '요금제 추가' }).click();
    await poll(() => page.getByTestId('run-summary').count()).toBe(0);
    await page.getByRole('button', { name: '취소' }).click();

    clock = MARCH_2_1030_KST;
    await page.getByRole('button', { name: '지금 결제 실행' }).click();
    await poll(() => confirm.locator('p').allTextContents()).toEqual([
      '지금 결제할 정기 결제 1건, 합계 50,000원',
      '카드가 없는 회원의 1건은 건너뜁니다.',
    ]);
    // Cancelling charges nothing.
    await confirm.getByRole('button', { name: '취소' }).click();
    expect((await dispatchOk(ui, owner, 'listCharges', {})).entries).toEqual([]);

    await page.getByRole('button', { name: '지금 결제 실행' }).click();
    await confirm.getByRole('button', { name: '1건 결제 실행' }).click();
    await poll(() => page.getByTestId('run-summary').textContent()).toBe(
      '승인 1건 · 거절/실패 0건 · 확인 필요 0건 · 승인 대기 0건',
    );
    expect(await page.getByTestId('run-why').count()).toBe(0);
    const charges = (await dispatchOk(ui, owner, 'listCharges', {})).entries;
    expect(charges.map((charge) => [charge.memberName, charge.amount, charge.status])).toEqual([
      ['박서준', 50_000, 'DONE'],
    ]);
  });

  it('says a trial charge waiting for the member’s consent is not charged, before and after the run', async () => {
    // Signed up on 20 January, more than 30 days before the first paid charge on 2 March.
    await subscribeOverBridge('0003', { anchorDate: '2026-03-02' });
    clock = Date.parse('2026-01-20T00:00:00Z');
    await subscribeOverBridge('0002', { anchorDate: '2026-02-02', trialEnd: '2026-03-02' });
    clock = MARCH_2_1100_KST;
    await nav(page, '홈');
    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '지금 결제 실행' }).click();
    const confirm = page.getByTestId('run-confirm');
    await confirm.waitFor();
    // Not "1건, 50,000원": the runner holds that period for consent and charges nothing.
    expect(await confirm.locator('p').allTextContents()).toEqual([
      '지금 결제할 정기 결제 0건, 합계 0원',
      '카드가 없는 회원의 1건은 건너뜁니다.',
      '1건은 체험 뒤 첫 유료 결제라 회원의 유료 전환 동의를 기다립니다 (이번에는 결제하지 않음).',
      '지금 결제할 정기 결제가 없습니다.',
    ]);
    await ui.screenshot('88-run-due-trial-consent');
    await confirm.getByRole('button', { name: '0건 결제 실행' }).click();
    await poll(() => page.getByTestId('run-held-consent').textContent()).toBe(
      '1건은 회원의 유료 전환 동의를 기다리며 결제하지 않았습니다.',
    );
    expect((await dispatchOk(ui, owner, 'listCharges', {})).entries).toEqual([]);
  });
});
