import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { type SeededOperator, type SeededOwner, seedDemo } from '../ui-bridge/seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

const ROLE_LABEL = { owner: '대표', manager: '매니저', staff: '직원' } as const;
const NEW_OPERATOR = { name: '최신입', pin: '2468' };

interface SandboxPayment {
  totalAmount: number;
}

/** Polls long enough for PIN hashing (scrypt) and the emulator; expect.poll's default is 1 s. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

let ui: UiFixture;
let page: Page;
let seeded: SeededOwner;

function teamMember(role: SeededOperator['role']): SeededOperator {
  const found = seeded.team.find((operator) => operator.role === role);
  if (!found) throw new Error(`the seed has no ${role}`);
  return found;
}

/** A PIN that is surely not `pin`: its last digit changed. */
function wrongPin(pin: string): string {
  return `${pin.slice(0, -1)}${(Number(pin.at(-1)) + 1) % 10}`;
}

async function sandboxPayments(): Promise<SandboxPayment[]> {
  const response = await fetch(`${ui.bridge.tossBaseUrl}/__sandbox/payments`);
  return (await response.json()) as SandboxPayment[];
}

async function choose(select: string, name: string, role: keyof typeof ROLE_LABEL): Promise<void> {
  await page.locator(select).selectOption({ label: `${name} (${ROLE_LABEL[role]})` });
}

async function typePin(field: string, pin: string): Promise<void> {
  await page.locator(field).fill(pin);
  await page.keyboard.press('Enter');
}

async function signIn(name: string, pin: string, role: keyof typeof ROLE_LABEL): Promise<void> {
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await choose('#sign-in-operator', name, role);
  await typePin('#sign-in-pin', pin);
  await poll(() => page.getByTestId('operator').textContent()).toBe(`${name} (${ROLE_LABEL[role]})`);
}

async function lockWithButton(): Promise<void> {
  await page.getByRole('button', { name: '잠금', exact: true }).click();
  await page.getByRole('heading', { name: '로그인' }).waitFor();
}

/** Signs `who` in from whatever screen an earlier test left, signing out whoever is in. */
async function signInFresh(who: { name: string; pin: string }, role: keyof typeof ROLE_LABEL): Promise<void> {
  const signOut = page.getByRole('button', { name: '로그아웃' });
  if (await signOut.isVisible()) await signOut.click();
  else if (!(await page.getByRole('heading', { name: '로그인' }).isVisible())) await page.reload();
  await signIn(who.name, who.pin, role);
}

const navButton = (label: string) =>
  page.getByRole('navigation').getByRole('button', { name: label, exact: true });

async function openMember(name: string): Promise<void> {
  await navButton('회원').click();
  await page.getByLabel('회원 검색').fill(name);
  await page.getByRole('button', { name: `${name} 회원 열기` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function ownerSession(): Promise<Session> {
  const session: Session = { operator: null };
  const operators = (await ui.bridge.dispatch('listOperators', {}, session)) as {
    ok: true;
    value: { id: number; name: string }[];
  };
  const owner = operators.value.find((operator) => operator.name === seeded.name);
  if (!owner) throw new Error('no owner to sign in as');
  await ui.bridge.dispatch('signIn', { operatorId: owner.id, pin: seeded.pin }, session);
  return session;
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  seeded = await seedDemo(ui.bridge, today);
  await page.reload();
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

// A shift at the counter: each test signs in the person it is about and seeds what it needs.
describe('staff, locks, approvals and the audit log in Chromium against the real core', () => {
  it('locks with Ctrl+L, keeps nothing of the session on screen, and signs in another operator', async () => {
    await signInFresh(seeded, 'owner');
    await openMember('이서연');
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await page.getByText('화면을 잠갔습니다.').waitFor();
    // Shown nowhere on the lock screen (the locked shell is kept hidden for the same operator).
    expect(await page.evaluate<string>('document.body.innerText')).not.toContain('이서연');
    expect(await page.locator('#sign-in-operator option:checked').textContent()).toBe('김대표 (대표)');
    await poll(() => page.evaluate('document.activeElement.id')).toBe('sign-in-pin');
    expect(await page.locator('#sign-in-pin').getAttribute('type')).toBe('password');
    expect(await page.locator('#sign-in-pin').getAttribute('inputmode')).toBe('numeric');

    const manager = teamMember('manager');
    await choose('#sign-in-operator', manager.name, 'manager');
    await typePin('#sign-in-pin', wrongPin(manager.pin));
    await poll(() => page.locator('#sign-in-pin-error').textContent()).toContain('PIN이 맞지 않습니다');
    await ui.screenshot('staff-01-lock-screen-wrong-pin');
    await signIn(manager.name, manager.pin, 'manager');
  });

  it('shows a staff session no staff or audit screens, a read-only key and a refund that needs approval', async () => {
    // The lock button hands the desk over, as between two people at the counter.
    await signInFresh(teamMember('manager'), 'manager');
    await lockWithButton();
    const staff = teamMember('staff');
    await signIn(staff.name, staff.pin, 'staff');
    expect(await navButton('직원').count()).toBe(0);
    expect(await navButton('감사 기록').count()).toBe(0);

    await navButton('설정').click();
    await poll(() => page.getByTestId('permission-hint').first().textContent()).toBe(
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.',
    );
    expect(await page.locator('#secret-key').isDisabled()).toBe(true);
    await ui.screenshot('staff-02-settings-read-only');

    await openMember('이서연');
    // Replacing or removing a card deletes its billing key at Toss: a manager's call (issue 15).
    await poll(() => page.locator('#card-change-hint').textContent()).toBe(
      '매니저 또는 대표만 할 수 있습니다.',
    );
    expect(await page.getByRole('button', { name: '카드 교체' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '카드 삭제' }).isDisabled()).toBe(true);
    await page.getByTestId('charge-history').getByRole('button').first().click();
    await page.getByTestId('charge-balance').waitFor();
    // Staff may start a refund; it goes through only with a manager's PIN (test/ui/staff-rules).
    await poll(() => page.getByTestId('permission-hint').textContent()).toBe(
      '직원이 환불하려면 매니저 또는 대표가 이 자리에서 PIN으로 승인해야 합니다.',
    );
    await ui.screenshot('staff-03-charge-refund-needs-approval');

    // A compromised page calling the channel itself is refused by main all the same.
    const log = (await ui.bridge.dispatch('listCharges', { status: 'DONE' }, await ownerSession())) as {
      ok: true;
      value: { entries: { id: number }[] };
    };
    const chargeId = log.value.entries[0]?.id;
    const answer = (await page.evaluate(
      `window.autopay.refund({ chargeId: ${chargeId}, reason: '시험', requestId: 'ui-staff-refund-0001' })`,
    )) as { ok: boolean; error?: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
  });

  it('asks for a manager PIN over the per-charge cap, refuses a wrong one, and charges once', async () => {
    await signInFresh(teamMember('staff'), 'staff');
    const before = (await sandboxPayments()).filter((p) => p.totalAmount === 60_000).length;
    await openMember('이서연');
    await page.getByRole('button', { name: '결제하기' }).click();
    await poll(() => page.evaluate('document.activeElement.id')).toBe('charge-amount');
    await page.keyboard.type('60000');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '이 금액으로 결제할까요?' }).waitFor();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: '매니저 승인' });
    await dialog.waitFor();
    expect(await page.getByTestId('approval-reason').textContent()).toContain('1회 결제 한도 50,000원');
    await poll(() => page.evaluate('document.activeElement.id')).toBe('approval-pin');
    const manager = teamMember('manager');
    await choose('#approval-operator', manager.name, 'manager');
    await typePin('#approval-pin', wrongPin(manager.pin));
    await poll(() => page.locator('#approval-pin-error').textContent()).toContain('PIN이 맞지 않습니다');
    await ui.screenshot('staff-04-approval-wrong-pin');
    expect((await sandboxPayments()).filter((p) => p.totalAmount === 60_000)).toHaveLength(before);

    await typePin('#approval-pin', manager.pin);
    await page.getByRole('heading', { name: '결제가 승인되었습니다' }).waitFor();
    expect(await dialog.count()).toBe(0);
    expect((await sandboxPayments()).filter((p) => p.totalAmount === 60_000)).toHaveLength(before + 1);
  });

  it('shows the audit log to a manager: entries, a filter by operator, the chain check and CSV', async () => {
    const manager = teamMember('manager');
    const staff = teamMember('staff');
    // What the log is to show: a charge by staff over their cap, approved with the manager's PIN.
    const owner = await ownerSession();
    const operators = (await ui.bridge.dispatch('listOperators', {}, owner)) as {
      ok: true;
      value: { id: number; name: string }[];
    };
    const idOf = (name: string) => operators.value.find((operator) => operator.name === name)?.id ?? 0;
    const members = (await ui.bridge.dispatch('searchMembers', { query: '이서연' }, owner)) as {
      ok: true;
      value: { id: number }[];
    };
    const staffSession: Session = { operator: null };
    await ui.bridge.dispatch('signIn', { operatorId: idOf(staff.name), pin: staff.pin }, staffSession);
    const charged = await ui.bridge.dispatch(
      'charge',
      {
        memberId: members.value[0]?.id ?? 0,
        amount: 60_000,
        orderName: 'PT 10회권',
        requestId: 'ui-staff-audit-charge-0001',
        approval: { operatorId: idOf(manager.name), pin: manager.pin },
      },
      staffSession,
    );
    expect(charged).toMatchObject({ ok: true, value: { status: 'DONE' } });
    await signInFresh(manager, 'manager');
    await navButton('감사 기록').click();
    await poll(() => page.getByTestId('audit-check').textContent()).toMatch(/^변조 없음 기록 \d+건/);
    // Every row of the ledger's log, as many as the screen's first page (50) holds.
    const listed = (await ui.bridge.dispatch('listAudit', { limit: 50 }, owner)) as {
      ok: true;
      value: { entries: unknown[] };
    };
    await poll(() => page.getByTestId('audit-actor').count()).toBe(listed.value.entries.length);
    await ui.screenshot('staff-05-audit-log');

    await choose('#audit-operator', staff.name, 'staff');
    await page.getByRole('button', { name: '찾기' }).click();
    await poll(async () => [...new Set(await page.getByTestId('audit-actor').allTextContents())]).toEqual([
      staff.name,
    ]);

    await choose('#audit-operator', manager.name, 'manager');
    await page.locator('#audit-action').selectOption({ label: '결제' });
    await page.getByRole('button', { name: '찾기' }).click();
    await poll(() => page.getByTestId('audit-table').textContent()).toContain('한도 초과 결제 승인 (PIN)');
    await ui.screenshot('staff-06-audit-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV로 내보내기' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('charge.limit_approved');
    expect(csv).not.toContain('operator.sign_in');
  });

  it('lets the owner add an operator who can then sign in', async () => {
    await signInFresh(seeded, 'owner');
    await navButton('직원').click();
    await page.getByTestId('staff-table').waitFor();
    await page.getByRole('button', { name: '직원 추가' }).click();
    await poll(() => page.evaluate('document.activeElement.id')).toBe('staff-add-name');
    await page.keyboard.type(NEW_OPERATOR.name);
    await page.getByLabel('PIN (숫자 4~6자리)').fill(NEW_OPERATOR.pin);
    await page.getByLabel('PIN 다시 입력').fill('1357');
    await page.getByLabel('1회 결제 한도').fill('30000');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#staff-add-pinAgain-error').textContent()).toContain('같지 않습니다');
    await page.getByLabel('PIN 다시 입력').fill(NEW_OPERATOR.pin);
    await ui.screenshot('staff-07-add-operator');
    await page.keyboard.press('Enter');
    await page.getByText(`${NEW_OPERATOR.name} 직원을 추가했습니다.`).waitFor();
    const row = page.getByTestId('staff-table').getByRole('row').filter({ hasText: NEW_OPERATOR.name });
    expect(await row.textContent()).toContain('30,000원');
    await ui.screenshot('staff-08-staff-list');

    await page.keyboard.press('Control+L');
    await signIn(NEW_OPERATOR.name, NEW_OPERATOR.pin, 'staff');
  });
});
