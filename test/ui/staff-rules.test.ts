import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { chargedMember, dispatchOk, nav, OWNER, poll, STAFF, seedOwner, signInPage } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The owner's staff screen: an easy PIN is refused for a manager (it approves others' charges and
 * refunds), and a new staff member starts with the default per-charge cap, which the owner sees and
 * may change before saving. A staff refund goes through with a manager's PIN typed on the spot.
 */

let ui: UiFixture;
let page: Page;
let owner: Session;
let chargeId: number;

const staffRow = (name: string) => page.getByTestId('staff-table').getByRole('row').filter({ hasText: name });

async function openAddForm(): Promise<void> {
  await page.getByRole('button', { name: '직원 추가' }).click();
  await poll(() => page.evaluate('document.activeElement.id')).toBe('staff-add-name');
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  chargeId = await chargedMember(ui, owner, '한지민', 'staff-rules-0001');
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('staff rules on the staff screen, in Chromium against the real core', () => {
  it('refuses an easy PIN for a manager and says why', async () => {
    await signInPage(page, OWNER);
    await nav(page, '직원');
    await page.getByTestId('staff-table').waitFor();
    await openAddForm();
    await page.keyboard.type('박매니저');
    await page.getByLabel('역할').selectOption({ label: '매니저' });
    expect(await page.getByLabel('1회 결제 한도').inputValue()).toBe('');
    await page.getByLabel('PIN (숫자 4~6자리)').fill('1234');
    await page.getByLabel('PIN 다시 입력').fill('1234');
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('alert').textContent()).toBe(
      '연속된 숫자로 된 PIN은 매니저와 대표에게 쓸 수 없습니다. 다른 사람이 짐작하기 어려운 숫자로 정해 주세요.',
    );
    await ui.screenshot('97-staff-weak-pin');
    expect(await staffRow('박매니저').count()).toBe(0);

    await page.getByLabel('PIN (숫자 4~6자리)').fill('582916');
    await page.getByLabel('PIN 다시 입력').fill('582916');
    await page.keyboard.press('Enter');
    await page.getByText('박매니저 직원을 추가했습니다.').waitFor();
  });

  it('gives a new staff member the default per-charge cap, shown before saving', async () => {
    await signInPage(page, OWNER);
    await nav(page, '직원');
    await page.getByTestId('staff-table').waitFor();
    await openAddForm();
    await page.keyboard.type('최신입');
    expect(await page.getByLabel('역할').inputValue()).toBe('staff');
    expect(await page.getByLabel('1회 결제 한도').inputValue()).toBe('100,000');
    // A staff PIN may be simple: their caps bound what it can do.
    await page.getByLabel('PIN (숫자 4~6자리)').fill('1111');
    await page.getByLabel('PIN 다시 입력').fill('1111');
    await ui.screenshot('98-staff-default-cap');
    await page.keyboard.press('Enter');
    await page.getByText('최신입 직원을 추가했습니다.').waitFor();
    expect(await staffRow('최신입').textContent()).toContain('100,000원');
  });

  it('lets staff refund once a manager approves on the spot with a PIN', async () => {
    const approving = { name: '김승인', pin: '739164' };
    await dispatchOk(ui, owner, 'createOperator', { ...approving, role: 'manager' });
    await signInPage(page, STAFF);
    await nav(page, '결제 내역');
    await page
      .getByTestId('charges-table')
      .getByRole('row', { name: /한지민/ })
      .getByRole('button')
      .click();
    await page.getByRole('button', { name: '환불', exact: true }).click();
    await page.getByLabel('사유').fill('회원 요청');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '환불하기' }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.getByTestId('approval-reason').textContent()).toBe(
      '직원은 혼자 환불할 수 없습니다. 매니저나 대표가 이 자리에서 PIN으로 승인하면 환불합니다.',
    );
    const approver = dialog.getByLabel('승인하는 사람 (매니저 또는 대표)');
    await approver.selectOption(
      await approver.locator('option', { hasText: approving.name }).getAttribute('value'),
    );
    await dialog.getByLabel('승인하는 사람의 PIN').fill('000000');
    await dialog.getByRole('button', { name: '승인하고 환불' }).click();
    await poll(() => dialog.locator('#approval-pin-error').textContent()).toContain('PIN이 맞지 않습니다');
    expect((await dispatchOk(ui, owner, 'getCharge', { id: chargeId })).refunds).toEqual([]);
    await ui.screenshot('99-staff-refund-approval');

    await dialog.getByLabel('승인하는 사람의 PIN').fill(approving.pin);
    await dialog.getByRole('button', { name: '승인하고 환불' }).click();
    await page.getByText('50,000원을 환불했습니다. 남은 금액 0원').waitFor();
    const { refunds } = await dispatchOk(ui, owner, 'getCharge', { id: chargeId });
    expect(refunds.map((refund) => [refund.amount, refund.status])).toEqual([[50_000, 'DONE']]);
    const audit = await dispatchOk(ui, owner, 'listAudit', { action: 'refund.approved' });
    expect(audit.entries.map((entry) => entry.actor)).toEqual([approving.name]);
  });
});
