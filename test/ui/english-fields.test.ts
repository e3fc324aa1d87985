import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { chargedMember, dispatchOk, inLocale, nav, OWNER, poll, seedOwner, signInPage } from './desk-seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The core's per-field refusals next to their fields, in the chosen language: the core answers in
 * Korean with a code per field, and an English screen shows the renderer's own words for each code.
 * The member form checks nothing itself, so every message here comes from the core's refusal.
 */

let ui: UiFixture;
let page: Page;
let owner: Session;
let chargeId: number;

const fieldError = (id: string) => page.locator(`#member-${id}-error`).textContent();

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  await dispatchOk(ui, owner, 'createMember', { name: '김하늘', memberNo: 'M-100' });
  chargeId = await chargedMember(ui, owner, '한지민', 'english-fields-charge-1');
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});

describe('field refusals from the core, in the person’s language', () => {
  it('shows the core’s Korean words next to each field on a Korean screen', async () => {
    await inLocale(page, 'ko');
    await nav(page, '회원');
    await page.getByRole('button', { name: '회원 추가' }).click();
    await page.getByLabel('전화번호 (선택)').fill('12');
    await page.getByRole('button', { name: '회원 추가' }).last().click();
    await poll(() => fieldError('name')).toBe('이름을 입력해 주세요.');
    expect(await fieldError('phone')).toBe(
      '전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678, 02-123-4567',
    );
    await page.getByRole('button', { name: '취소' }).click();
  });

  it('shows English words of the renderer’s own next to each field on an English screen', async () => {
    await inLocale(page, 'en');
    await nav(page, 'Members', 'Main menu');
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await page.getByRole('button', { name: 'Add member' }).first().click();
    await page.getByLabel('Phone (optional)').fill('12');
    await page.getByRole('button', { name: 'Add member' }).last().click();
    await poll(() => fieldError('name')).toBe('Enter a name.');
    expect(await fieldError('phone')).toBe(
      'The phone number is not in a Korean format, e.g. 010-1234-5678 or 02-123-4567.',
    );
    expect(await page.evaluate('document.activeElement.id')).toBe('member-name');

    // A refusal only the core can make: the member number is taken.
    await page.getByLabel('Name', { exact: true }).fill('Sky Kim');
    await page.getByLabel('Phone (optional)').fill('');
    await page.getByLabel('Member number (blank: automatic)').fill('M-100');
    await page.getByRole('button', { name: 'Add member' }).last().click();
    await poll(() => fieldError('memberNo')).toBe('That member number is already in use.');
    expect(await page.locator('#member-name-error').count()).toBe(0);
    await ui.screenshot('90-english-field-refusals');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('says the refundable balance in English when the core refuses a refund over it', async () => {
    await inLocale(page, 'en');
    await nav(page, 'Charges', 'Main menu');
    await page
      .getByTestId('charges-table')
      .getByRole('row', { name: /한지민/ })
      .getByRole('button')
      .click();
    await poll(() => page.getByTestId('charge-balance').textContent()).toBe('₩50,000');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByLabel('Partial refund').check();
    await page.getByLabel('Refund amount (KRW)').fill('20000');
    await page.getByLabel('Reason', { exact: true }).fill('unused sessions');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByTestId('refund-confirm-amount').waitFor();
    // Another counter refunds most of the charge while this screen still shows ₩50,000 left.
    await dispatchOk(ui, owner, 'refund', {
      chargeId,
      amount: 40_000,
      reason: '다른 창구에서 환불',
      requestId: 'english-fields-refund-1',
    });
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await poll(() => page.locator('#refund-amount-error').textContent()).toBe(
      'At most ₩10,000 can be refunded.',
    );
    await ui.screenshot('91-english-refund-over-balance');
  });
});
