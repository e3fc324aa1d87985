import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import { dispatchOk, memberWithCard, nav, OWNER, poll, STAFF, seedOwner, signInPage } from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The charges log's filters as a person uses them (the member box is the member filter; "조건
 * 해제" shows the result at once; an old banner goes when the form changes), and the settings
 * screen as staff see it: what their role cannot change is read-only and says who can.
 */

let ui: UiFixture;
let page: Page;
let owner: Session;
const MANAGER = { name: '박매니저', pin: '6293' };

const rows = () => page.getByTestId('charges-table').locator('tbody tr');
const memberBox = () => page.getByRole('combobox', { name: '회원' });

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  await dispatchOk(ui, owner, 'createOperator', { ...MANAGER, role: 'manager' });
  for (const [name, amount] of [
    ['한지민', 50_000],
    ['오세훈', 20_000],
  ] as const) {
    const memberId = await memberWithCard(ui, owner, name, EMULATOR_CARDS.approves);
    await dispatchOk(ui, owner, 'charge', {
      memberId,
      amount,
      orderName: '이용료',
      requestId: `filters-${memberId}-0001`,
    });
  }
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('filters and settings, in Chromium against the real core', () => {
  it('clears the member filter when the member box is emptied and 조회 is pressed', async () => {
    await signInPage(page, OWNER);
    await nav(page, '회원');
    await page.getByLabel('회원 검색').fill('한지민');
    await page.getByRole('button', { name: '한지민 회원 열기' }).click();
    await page.getByRole('button', { name: '결제 내역 전체' }).click();
    await poll(() => memberBox().inputValue()).toBe('한지민 (0001)');
    await poll(() => rows().count()).toBe(1);

    await memberBox().fill('');
    await page.getByRole('button', { name: '조회' }).click();
    await poll(() => rows().count()).toBe(2);
    expect(await rows().allTextContents()).toEqual([
      expect.stringContaining('오세훈'),
      expect.stringContaining('한지민'),
    ]);
  });

  it('"회원 조건 해제" shows every member at once, without pressing 조회', async () => {
    await signInPage(page, OWNER);
    await nav(page, '결제 내역');
    await memberBox().fill('오세훈');
    await page.keyboard.press('Enter');
    await poll(() => rows().count()).toBe(1);
    await page.getByRole('button', { name: '회원 조건 해제' }).click();
    await poll(() => rows().count()).toBe(2);
    expect(await memberBox().inputValue()).toBe('');
    await ui.screenshot('90-charges-filter-cleared');
  });

  it('drops an old error banner once the person changes the form', async () => {
    await signInPage(page, STAFF);
    await nav(page, '결제 내역');
    await page.getByRole('button', { name: 'CSV 내보내기' }).click();
    const banner = page.getByRole('alert');
    await poll(() => banner.textContent()).toBe(
      '이 작업은 매니저 이상만 할 수 있습니다. 권한이 있는 직원이 로그인해 주세요.',
    );
    await ui.screenshot('91-charges-old-banner');
    await page.getByLabel('상태').selectOption({ label: '승인' });
    await poll(() => banner.count()).toBe(0);
  });

  it('shows staff the settings they cannot change as read-only, saying who can, one message at a time', async () => {
    await signInPage(page, STAFF);
    await nav(page, '설정');
    await page.getByRole('heading', { level: 1, name: '설정' }).waitFor();
    const hints = page.getByTestId('permission-hint');
    await poll(() => hints.allTextContents()).toEqual([
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // secret key
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // client key
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // store details
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // schedule rules
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // consent terms template
      '매니저 또는 대표만 할 수 있습니다.', // recovery code (staff may not read its status)
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // off-PC backup folder
      '매니저 또는 대표만 할 수 있습니다.', // backups
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.', // app options
    ]);
    // Nothing to press that main would refuse, and no refusal shown before anyone did anything.
    expect(await page.getByRole('alert').count()).toBe(0);
    const main = page.locator('main');
    expect(await main.locator('input:enabled, select:enabled, button:enabled').count()).toBe(0);
    expect(await page.getByLabel('상호').isDisabled()).toBe(true);
    expect(await page.getByLabel('교육 모드 (연습용 데이터, 실제 결제 없음)').isDisabled()).toBe(true);
    expect(await main.textContent()).not.toContain('이상만');
    await ui.screenshot('92-settings-staff');
  });

  it('shows a manager the recovery code and the off-PC folder read-only, saying only the owner may change them', async () => {
    await signInPage(page, MANAGER);
    await nav(page, '설정');
    await page.getByTestId('recovery-status').waitFor();
    const hint = (panel: string) => page.getByTestId(panel).getByTestId('permission-hint');
    expect(await hint('recovery-settings').textContent()).toBe(
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.',
    );
    expect(await hint('offsite-settings').textContent()).toBe(
      '대표만 바꿀 수 있습니다. 보기만 할 수 있습니다.',
    );
    expect(await page.getByLabel('백업 폴더').isDisabled()).toBe(true);
    expect(await page.getByTestId('recovery-settings').getByRole('button').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await ui.screenshot('93-settings-manager');
  });
});
