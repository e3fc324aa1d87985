import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { cardFieldErrorMessages } from '../../shared/card/index.ts';
import { EMULATOR_CARDS, type SeededOwner, seedDemo } from '../ui-bridge/seed.ts';
import { dispatchOk, sessionOf } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

// What a keyboard-wedge reader types for the emulator's approving card: track 1 (with a made-up
// name) then track 2. The reader's final Enter is pressed separately.
const SWIPE = `%B${EMULATOR_CARDS.approves}^HONG/GILDONG^3012101...?;${EMULATOR_CARDS.approves}=3012101...?`;
// The card pulled out half-way: track 1 without its end sentinel, no track 2.
const CUT_SHORT_SWIPE = `%B${EMULATOR_CARDS.approves}^HONG/GILDONG^30`;

let ui: UiFixture;
let page: Page;
let seeded: SeededOwner;
let owner: Session;
const registerRequests: string[] = [];
let members = 0;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
const focusedId = () => page.evaluate('document.activeElement.id');
const numberField = () => page.getByLabel('카드번호', { exact: true });
const expiryField = () => page.getByLabel('유효기간 (MM/YY)');

/** The page's markup and every input's value, where a swipe's text could have been left. */
async function pageText(): Promise<string> {
  const values = await page.evaluate("[...document.querySelectorAll('input')].map((i) => i.value).join('|')");
  return `${await page.content()}|${values}`;
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  seeded = await seedDemo(ui.bridge, today);
  page.on('request', (request) => {
    if (request.url().includes('/__ipc/registerCard')) registerRequests.push(request.url());
  });
  await page.reload();
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await page.locator('#sign-in-pin').fill(seeded.pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').waitFor();
  owner = await sessionOf(ui, seeded);
}, 90_000);

/** Opens the card form of a new member without a card, for this test alone. */
async function openCardFormOfNewMember(): Promise<void> {
  members += 1;
  const name = `카드리더${members}`;
  await dispatchOk(ui, owner, 'createMember', { name });
  await page.getByRole('navigation').getByRole('button', { name: '회원', exact: true }).click();
  await page.getByLabel('회원 검색').fill(name);
  await page.getByRole('button', { name: `${name} 회원 열기` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('button', { name: '카드 등록', exact: true }).click();
  await poll(focusedId).toBe('card-number');
}

/** Swipes the approving card and waits for its fields to be filled. */
async function swipe(): Promise<void> {
  await page.keyboard.type(SWIPE);
  await page.keyboard.press('Enter');
  await poll(focusedId).toBe('card-identity');
}

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('registering a card with a keyboard-wedge magnetic card reader', () => {
  it('opens the card form of a member without a card, the number field focused', async () => {
    await page.getByRole('navigation').getByRole('button', { name: '회원', exact: true }).click();
    await page.getByLabel('회원 검색').fill('정하은');
    await page.getByRole('button', { name: '정하은 회원 열기' }).click();
    await page.getByRole('heading', { level: 1, name: '정하은' }).waitFor();
    await page.getByRole('button', { name: '카드 등록', exact: true }).click();
    await poll(focusedId).toBe('card-number');
  });

  it('refuses a swipe cut short with the Korean message, and empties the number typed before it', async () => {
    await openCardFormOfNewMember();
    const registered = registerRequests.length;
    await page.keyboard.type('9410');
    expect(await numberField().inputValue()).toBe('9410');
    await page.keyboard.type(CUT_SHORT_SWIPE);
    await page.keyboard.press('Enter');

    await poll(() => page.locator('#card-number-error').textContent()).toBe(
      cardFieldErrorMessages.CARD_READ_FAILED,
    );
    expect(cardFieldErrorMessages.CARD_READ_FAILED).toMatch(/[가-힣]/);
    expect(await numberField().inputValue()).toBe('');
    expect(await expiryField().inputValue()).toBe('');
    expect(await focusedId()).toBe('card-number');
    expect(await pageText()).not.toContain('HONG');
    expect(registerRequests).toHaveLength(registered);
    await ui.screenshot('reader-01-bad-swipe');
  });

  it('fills number and expiry from a swipe, moves to the identity field and keeps no swipe text', async () => {
    await openCardFormOfNewMember();
    const registered = registerRequests.length;
    await swipe();
    expect(await numberField().inputValue()).toBe('9410 0012 3456 7890');
    expect(await expiryField().inputValue()).toBe('12/30');
    expect(await page.locator('#card-number-error').count()).toBe(0);
    // The reader's Enter ended the swipe; it did not submit the form (that would ask for consent).
    expect(await page.locator('#card-consent-error').count()).toBe(0);
    const text = await pageText();
    expect(text).not.toContain('HONG');
    expect(text).not.toContain('^');
    expect(await page.evaluate('document.body.innerText')).not.toContain('HONG');
    expect(registerRequests).toHaveLength(registered);
    await ui.screenshot('reader-02-swiped');
  });

  it('registers the swiped card and shows it masked, with no card data left on the page', async () => {
    await openCardFormOfNewMember();
    const registered = registerRequests.length;
    await swipe();
    await page.keyboard.type('900101');
    await page.getByLabel(/정기 결제\(자동결제\)에 동의/).check();
    await page.getByRole('button', { name: '카드 등록', exact: true }).click();

    await page.getByText('카드를 등록했습니다.').waitFor();
    const card = (await page.getByTestId('card-summary').textContent()) ?? '';
    expect(card).toMatch(/\*{4}/);
    expect(registerRequests).toHaveLength(registered + 1);
    const text = (await pageText()).replace(/[\s-]/g, '');
    expect(text).not.toContain(EMULATOR_CARDS.approves);
    expect(text).not.toContain('HONG');
    await ui.screenshot('reader-03-registered');
  });

  it("reads track 1 when the Korean IME turns the reader's letters into Process keys", async () => {
    await page.getByRole('navigation').getByRole('button', { name: '회원', exact: true }).click();
    await page.getByLabel('회원 검색').fill('강도윤');
    await page.getByRole('button', { name: '강도윤 회원 열기' }).click();
    await page.getByRole('button', { name: '카드 등록', exact: true }).click();
    await poll(focusedId).toBe('card-number');
    // Chromium reports a key the IME takes as key 'Process' with the physical key in `code`; the
    // keystrokes are dispatched by hand because playwright cannot drive an IME.
    const track1 = `%B${EMULATOR_CARDS.approves}^HONG/GILDONG^3012101?`;
    await page.evaluate(`(() => {
      const input = document.getElementById('card-number');
      const key = (init) => input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      for (const ch of ${JSON.stringify(track1)}) {
        key(/[A-Z]/.test(ch) ? { key: 'Process', code: 'Key' + ch } : { key: ch });
      }
      key({ key: 'Enter', code: 'Enter' });
    })()`);

    await poll(focusedId).toBe('card-identity');
    expect(await numberField().inputValue()).toBe('9410 0012 3456 7890');
    expect(await expiryField().inputValue()).toBe('12/30');
    expect(await pageText()).not.toContain('HONG');
  });
});
