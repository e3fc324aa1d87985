import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../shared/ipc/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import type { UiFixture } from './ui-fixture.ts';

/*
 * Shortcuts for the screens' tests: what a test is not about (the owner, the key, a member with a
 * card) is made through the bridge's dispatch with a session of its own, exactly as the page would.
 */

export const OWNER = { name: '김대표', pin: '4821' };
export const STAFF = { name: '이직원', pin: '7315' };

/** Polls long enough for PIN hashing (scrypt) and the emulator; expect.poll's default is 1 s. */
export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

export async function dispatchOk<C extends ChannelName>(
  ui: UiFixture,
  session: Session,
  channel: C,
  request: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = (await ui.bridge.dispatch(channel, request, session)) as IpcResult<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The owner (signed in on the returned session), a test key, and a staff member who may not refund. */
export async function seedOwner(ui: UiFixture): Promise<Session> {
  const session: Session = { operator: null };
  const owner = await dispatchOk(ui, session, 'createOwner', OWNER);
  await dispatchOk(ui, session, 'signIn', { operatorId: owner.id, pin: OWNER.pin });
  await dispatchOk(ui, session, 'setSecretKey', { secretKey: 'test_sk_ui_screens_0123456789abcdef' });
  await dispatchOk(ui, session, 'createOperator', { ...STAFF, role: 'staff' });
  return session;
}

export async function memberWithCard(
  ui: UiFixture,
  session: Session,
  name: string,
  cardNumber: string,
): Promise<number> {
  const member = await dispatchOk(ui, session, 'createMember', { name });
  await dispatchOk(ui, session, 'registerCard', {
    memberId: member.id,
    card: { cardNumber, expiryMonth: '12', expiryYear: '30', identity: '900101' },
  });
  return member.id;
}

/**
 * Runs `step` once for the file, in whichever test needs it first, and gives every later caller
 * its result: for what a data folder allows once (its first run, say) and several tests build on,
 * so each test can await the steps it needs and run alone or in any order.
 */
export function once<T>(step: () => Promise<T>): () => Promise<T> {
  let done: Promise<T> | undefined;
  return () => {
    done ??= step();
    return done;
  };
}

/** A session of its own signed in as `who`, found by name among the operators, for seeding. */
export async function sessionOf(ui: UiFixture, who: { name: string; pin: string }): Promise<Session> {
  const session: Session = { operator: null };
  const operators = await dispatchOk(ui, session, 'listOperators', {});
  const operator = operators.find((o) => o.name === who.name);
  if (!operator) throw new Error(`no operator named ${who.name}`);
  await dispatchOk(ui, session, 'signIn', { operatorId: operator.id, pin: who.pin });
  return session;
}

/** A member with an approving card charged ₩50,000 for 'PT 10회권'; returns the charge's id. */
export async function chargedMember(
  ui: UiFixture,
  session: Session,
  name: string,
  requestId: string,
): Promise<number> {
  const memberId = await memberWithCard(ui, session, name, EMULATOR_CARDS.approves);
  const charge = await dispatchOk(ui, session, 'charge', {
    memberId,
    amount: 50_000,
    orderName: 'PT 10회권',
    requestId,
  });
  return charge.id;
}

/**
 * Signs the page in as `who` from wherever an earlier test left it: whoever is signed in signs out
 * first (a reload keeps the session), and a page on another screen (first setup) is reloaded.
 */
export async function signInPage(page: Page, who: { name: string; pin: string }): Promise<void> {
  const heading = page.getByRole('heading', { name: '로그인' });
  const signOut = page.getByRole('button', { name: '로그아웃' });
  if (await signOut.isVisible()) await signOut.click();
  else if (!(await heading.isVisible())) await page.reload();
  await heading.waitFor();
  const option = page.locator('#sign-in-operator option', { hasText: who.name });
  // The list is read when the screen opens: an operator seeded since needs a fresh screen.
  if ((await option.count()) === 0) {
    await page.reload();
    await option.waitFor({ state: 'attached' });
  }
  await page.locator('#sign-in-operator').selectOption(await option.getAttribute('value'));
  await page.getByLabel('PIN', { exact: true }).fill(who.pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').filter({ hasText: who.name }).waitFor();
}

export async function signOutPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.getByRole('heading', { name: '로그인' }).waitFor();
}

/** One scripted emulator fault on the next billing charge (electron/sandbox/README.md). */
export async function faultNextCharge(ui: UiFixture, fault: string): Promise<void> {
  const response = await fetch(`${ui.bridge.tossBaseUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ match: { method: 'POST', path: '/v1/billing/*' }, fault }),
  });
  expect(response.status).toBe(201);
}

export async function nav(page: Page, label: string, menu = '주 메뉴'): Promise<void> {
  await page
    .getByRole('navigation', { name: menu })
    .getByRole('button', { name: label, exact: true })
    .click();
}

/**
 * Puts the page in Korean or English with the header button, whichever it is in now: the choice is
 * kept in the page (localStorage) from one test to the next.
 */
export async function inLocale(page: Page, locale: 'ko' | 'en'): Promise<void> {
  const toEnglish = page.getByRole('button', { name: '언어를 영어로 바꾸기' });
  const toKorean = page.getByRole('button', { name: 'Switch the language to Korean' });
  const [from, to] = locale === 'en' ? [toEnglish, toKorean] : [toKorean, toEnglish];
  if (await from.isVisible()) await from.click();
  await to.waitFor();
}

/** Opens, from the charges screen, the charge in the row whose text matches `row` (a member's name). */
export async function openChargeInLog(page: Page, row: RegExp): Promise<void> {
  await nav(page, '결제 내역');
  await page.getByTestId('charges-table').getByRole('row', { name: row }).getByRole('button').click();
}

/** Finds a member by name on the members screen and opens their page. */
export async function openMemberPage(page: Page, name: string): Promise<void> {
  await nav(page, '회원');
  await page.getByLabel('회원 검색').fill(name);
  await page.getByRole('button', { name: `${name} 회원 열기` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A monthly plan charging at 10:00 and the member subscribed to it from `anchorDate`, consent taken in person. */
export async function subscribeMonthly(
  ui: UiFixture,
  session: Session,
  memberId: number,
  plan: { name: string; amount: number; anchorDate: string },
): Promise<void> {
  const created = await dispatchOk(ui, session, 'createPlan', {
    name: plan.name,
    amount: plan.amount,
    intervalUnit: 'month',
    intervalCount: 1,
    chargeTime: '10:00',
  });
  await dispatchOk(ui, session, 'subscribe', {
    memberId,
    planId: created.id,
    anchorDate: plan.anchorDate,
    consent: { method: 'in-person' },
  });
}
