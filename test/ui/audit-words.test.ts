import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import {
  dispatchOk,
  memberWithCard,
  nav,
  OWNER,
  poll,
  seedOwner,
  signInPage,
  subscribeMonthly,
} from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * The audit log speaks to people: Korean action names, the member or charge a row concerns as a
 * link, amounts in won, dates in the store's zone, and no epoch numbers, raw keys or -1 caps.
 */

let ui: UiFixture;
let page: Page;
let owner: Session;
let chargeId: number;
/** A first charge well ahead, so nothing in this file falls due. */
const FIRST_CHARGE = `${new Date().getUTCFullYear() + 1}-03-02`;

const row = (action: string) => page.getByTestId('audit-table').getByRole('row').filter({ hasText: action });

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  const memberId = await memberWithCard(ui, owner, '한지민', EMULATOR_CARDS.approves);
  chargeId = (
    await dispatchOk(ui, owner, 'charge', {
      memberId,
      amount: 50_000,
      orderName: 'PT 10회권',
      requestId: 'ui-audit-charge-0001',
    })
  ).id;
  await dispatchOk(ui, owner, 'refund', {
    chargeId,
    amount: 20_000,
    reason: '2회 미사용',
    requestId: 'ui-audit-refund-0001',
  });
  await dispatchOk(ui, owner, 'setIdleLock', { minutes: 15 });
  await subscribeMonthly(ui, owner, memberId, { name: '필라테스', amount: 77_000, anchorDate: FIRST_CHARGE });
  await signInPage(page, OWNER);
}, 90_000);

afterAll(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('the audit log in words, in Chromium against the real core', () => {
  it('names actions in Korean and shows amounts in won, caps as 제한 없음, no keys or epoch numbers', async () => {
    await nav(page, '감사 기록');
    // Every row of the ledger's log, as many as the screen's first page (50) holds.
    const logged = (await dispatchOk(ui, owner, 'listAudit', { limit: 50 })).entries.length;
    await poll(() => page.getByTestId('audit-action').count()).toBe(logged);
    // Details come in the ledger's (alphabetical) key order.
    const actions = await page.getByTestId('audit-action').allTextContents();
    for (const action of [
      '결제 승인',
      '결제 요청',
      '환불',
      '환불 요청',
      '카드 등록',
      '회원 등록',
      '직원 추가',
      '정기결제 동의',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions).toContain('설정 변경: 자동 잠금');
    expect(actions.filter((action) => /^[a-z_]+\.[a-z_]+$/.test(action))).toEqual([]);
    expect(await row('결제 승인').getByTestId('audit-details').textContent()).toMatch(
      /^금액: 50,000원, 승인번호: \d{8}, 남은 금액: 50,000원, 주문번호: \S+$/,
    );
    expect(await row('환불 요청').getByTestId('audit-details').textContent()).toMatch(
      /^금액: 20,000원, 주문번호: \S+, 사유: 2회 미사용$/,
    );
    // Staff start with the store's default per-charge cap; no daily cap reads 제한 없음.
    expect(await row('정기결제 동의').getByTestId('audit-details').textContent()).toBe(
      `금액: 77,000원, 적용일: ${FIRST_CHARGE}, 동의 방법: 대면 확인(체크)`,
    );
    expect(
      await row('직원 추가').filter({ hasText: '이직원' }).getByTestId('audit-details').textContent(),
    ).toBe('하루 한도: 제한 없음, 이름: 이직원, 1회 한도: 100,000원, 역할: 직원');
    const table = (await page.getByTestId('audit-table').textContent()) ?? '';
    expect(table).not.toMatch(/\d{12,}/);
    expect(table).not.toMatch(/paymentKey|transactionKey|requestId|traceId|interval|consent:|-1\b/);
    await ui.screenshot('i18a-30-audit-words');
  });

  it('opens the charge, the member and the consent a row concerns', async () => {
    await nav(page, '감사 기록');
    await row('결제 승인')
      .getByRole('button', { name: `결제 #${chargeId}` })
      .click();
    await page.getByRole('heading', { level: 1, name: 'PT 10회권' }).waitFor();
    await nav(page, '감사 기록');
    await row('회원 등록').getByRole('button', { name: '회원 0001' }).click();
    await page.getByRole('heading', { level: 1, name: '한지민' }).waitFor();
    // A consent opens the member's page, where the consent history is.
    await nav(page, '감사 기록');
    await row('정기결제 동의').getByRole('button', { name: '동의 #1' }).click();
    await page.getByRole('heading', { level: 1, name: '한지민' }).waitFor();
  });
});
