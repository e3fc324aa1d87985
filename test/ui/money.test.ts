import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DECIDE_NOT_CHARGED_AFTER_MS } from '../../electron/core/billing/index.ts';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import {
  dispatchOk,
  faultNextCharge,
  memberWithCard,
  nav,
  OWNER,
  openChargeInLog,
  poll,
  STAFF,
  seedOwner,
  signInPage,
  signOutPage,
} from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * Money after the charge: the home screen's totals, receipts, refunds (and who may make them), the
 * CSV export, and the "확인 필요" queue fed by the emulator's faults. The totals and the queue are
 * the whole store's, so each test has a desk of its own and seeds what it builds on.
 */

const EXPIRED_AT_TOSS = '9410911234567890';

let ui: UiFixture;
let page: Page;
/** Moved forward where a test needs time to pass (Toss's longest approval time, for one). */
const clock = { offsetMs: 0 };
let owner: Session;
let memberId: number;

async function openMember(name: string): Promise<void> {
  await nav(page, '회원');
  await page.getByLabel('회원 검색').fill(name);
  await page.getByRole('button', { name: `${name} 회원 열기` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function signedIn(who: { name: string; pin: string }): Promise<Session> {
  const session: Session = { operator: null };
  const operator = (await dispatchOk(ui, session, 'listOperators', {})).find((o) => o.name === who.name);
  if (!operator) throw new Error(`no operator ${who.name}`);
  await dispatchOk(ui, session, 'signIn', { operatorId: operator.id, pin: who.pin });
  return session;
}

async function firstChargeId(): Promise<number> {
  const charge = (await dispatchOk(ui, owner, 'listCharges', { memberId, kind: 'manual' })).entries[0];
  if (!charge) throw new Error('no charge');
  return charge.id;
}

async function chargeOnScreen(amount: string): Promise<void> {
  await page.getByRole('button', { name: '결제하기' }).click();
  await poll(() => page.evaluate('document.activeElement.id')).toBe('charge-amount');
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '이 금액으로 결제할까요?' }).waitFor();
  await page.keyboard.press('Enter');
}

/** 20,000원 of 한지민's 50,000원 charge refunded, as the partial-refund test does on screen. */
async function refundedTwentyThousand(): Promise<void> {
  await dispatchOk(ui, owner, 'refund', {
    chargeId: await firstChargeId(),
    amount: 20_000,
    reason: '2회 미사용분',
    requestId: 'seed-refund-0001',
  });
}

beforeEach(async () => {
  clock.offsetMs = 0;
  ui = await openUi({ now: () => new Date(Date.now() + clock.offsetMs) });
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  memberId = await memberWithCard(ui, owner, '한지민', EMULATOR_CARDS.approves);
  const declining = await memberWithCard(ui, owner, '오세훈', EMULATOR_CARDS.softDecline);
  for (const [id, amount] of [
    [memberId, 50_000],
    [declining, 20_000],
  ] as const) {
    await dispatchOk(ui, owner, 'charge', {
      memberId: id,
      amount,
      orderName: 'PT 10회권',
      requestId: `seed-${id}-0001`,
    });
  }
  await signInPage(page, OWNER);
}, 90_000);

afterEach(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('money after the charge, in Chromium against the real core', () => {
  it('opens on the home screen: revenue with the VAT split, declines linked to the member, 30 days', async () => {
    await page.getByRole('heading', { name: '오늘의 매장' }).waitFor();
    const today = page.getByTestId('home-today');
    await poll(() => today.textContent()).toContain('50,000원');
    // vat = round(50000 / 11) = 4545, supplied = 45455 (design.md invariant 7).
    expect(await today.textContent()).toContain('45,455원');
    expect(await today.textContent()).toContain('4,545원');
    expect(await page.getByTestId('home-month').textContent()).toContain('50,000원');
    expect(await page.getByTestId('home-chart').locator('rect').count()).toBe(30);
    expect(await page.getByTestId('home-attention').textContent()).toContain('오세훈');
    await ui.screenshot('20-home');
    await page.getByTestId('home-attention').getByRole('button', { name: '오세훈' }).click();
    await page.getByRole('heading', { level: 1, name: '오세훈' }).waitFor();
  });

  it('saves the store details and backs up; the receipt prints the store, VAT and approval', async () => {
    await nav(page, '설정');
    await page.getByLabel('상호').fill('행복 피트니스');
    await page.getByLabel('사업자등록번호 (숫자 10자리)').fill('12345');
    await page.getByRole('button', { name: '매장 정보 저장' }).click();
    await poll(() => page.locator('#store-businessNumber-error').textContent()).toContain('10자리');
    await page.getByLabel('사업자등록번호 (숫자 10자리)').fill('1234567890');
    await page.getByLabel('주소', { exact: true }).fill('서울시 마포구 월드컵로 1');
    await page.getByRole('button', { name: '매장 정보 저장' }).click();
    await page.getByText('매장 정보를 저장했습니다.').waitFor();
    await page.getByRole('button', { name: '지금 백업' }).click();
    await poll(() => page.getByTestId('backups-table').locator('tbody tr').count()).toBe(1);
    await ui.screenshot('21-settings-store-backup');

    await openChargeInLog(page, /한지민/);
    await page.getByRole('button', { name: '영수증' }).click();
    const receipt = page.getByTestId('receipt');
    await poll(() => receipt.textContent()).toContain('행복 피트니스');
    const text = (await receipt.textContent()) ?? '';
    expect(text).toContain('123-45-67890');
    expect(text).toContain('45,455원');
    expect(text).toContain('4,545원');
    expect(text).toMatch(/\*{4}/);
    expect(await page.getByTestId('receipt-approve-no').textContent()).toMatch(/^\d{8}$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await ui.screenshot('22-receipt-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: /결제 정보로/ }).click();
    // Toss's trace id of the approval, which Toss support asks for first.
    await poll(() => page.getByTestId('charge-trace-id').textContent()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('partially refunds with a required reason and a confirmation; the balance drops', async () => {
    await openChargeInLog(page, /한지민/);
    await page.getByRole('button', { name: '환불', exact: true }).click();
    await page.getByLabel('부분 환불').check();
    await page.getByLabel('환불 금액 (원)').fill('20000');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#refund-reason-error').textContent()).toBe('사유를 입력해 주세요.');
    expect(await page.evaluate('document.activeElement.id')).toBe('refund-reason');
    await page.keyboard.type('2회 미사용분');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('refund-confirm-amount').textContent()).toBe('20,000원');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('환불하기');
    await ui.screenshot('23-refund-confirm');
    await page.keyboard.press('Enter');

    await page.getByText('20,000원을 환불했습니다. 남은 금액 30,000원').waitFor();
    await poll(() => page.getByTestId('charge-balance').textContent()).toBe('30,000원');
    expect(await page.getByTestId('refund-history').textContent()).toContain('2회 미사용분');
    await ui.screenshot('24-charge-refunded');
    // The member's history shows the refund above its charge.
    await openMember('한지민');
    const history = page.getByTestId('charge-history').locator('tbody tr');
    await poll(() => history.first().textContent()).toContain('−20,000원');
    expect(await history.first().textContent()).toContain('환불됨');
    expect(await history.nth(1).textContent()).toContain('50,000원');
    const charge = (await dispatchOk(ui, owner, 'listCharges', { memberId, kind: 'manual' })).entries[0];
    expect(charge?.balanceAmount).toBe(30_000);
  });

  it('asks a staff refund for a manager PIN on the spot; main refuses one without it', async () => {
    await refundedTwentyThousand();
    await signInPage(page, STAFF);
    await nav(page, '결제 내역');
    await page
      .getByTestId('charges-table')
      .getByRole('row', { name: /한지민.*수동/ })
      .getByRole('button')
      .click();
    await page
      .getByText('직원이 환불하려면 매니저 또는 대표가 이 자리에서 PIN으로 승인해야 합니다.')
      .waitFor();
    await page.getByRole('button', { name: '환불', exact: true }).click();
    await page.getByLabel('사유').fill('회원 요청');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '환불하기' }).click();
    await poll(() => page.getByTestId('approval-reason').textContent()).toBe(
      '직원은 혼자 환불할 수 없습니다. 매니저나 대표가 이 자리에서 PIN으로 승인하면 환불합니다.',
    );
    expect(await page.getByRole('button', { name: '승인하고 환불' }).count()).toBe(1);
    await ui.screenshot('25-charge-detail-staff');
    await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();

    const staff = await signedIn(STAFF);
    const refused = await ui.bridge.dispatch(
      'refund',
      { chargeId: await firstChargeId(), amount: 1_000, reason: '회원 요청', requestId: 'ui-staff-refund-1' },
      staff,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const charge = (await dispatchOk(ui, owner, 'listCharges', { memberId, kind: 'manual' })).entries[0];
    expect(charge?.balanceAmount).toBe(30_000);
  });

  it('filters the log by status, member and kind, refunds among the charges, and exports it as Excel-ready CSV', async () => {
    await refundedTwentyThousand();
    await dispatchOk(ui, owner, 'setStoreDetails', {
      name: '행복 피트니스',
      businessNumber: '1234567890',
      address: '서울시 마포구 월드컵로 1',
      phone: '',
    });
    await nav(page, '결제 내역');
    const rows = page.getByTestId('charges-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(3);
    await page.getByLabel('상태').selectOption({ label: '승인' });
    await page.getByLabel('회원', { exact: true }).fill('한지민');
    await page.keyboard.press('Enter');
    await poll(() => rows.count()).toBe(2);
    const totals = (await page.getByTestId('charges-totals').textContent()) ?? '';
    expect(totals).toContain('승인 50,000원');
    expect(totals).toContain('환불 20,000원');
    expect(totals).toContain('순매출 30,000원');
    await ui.screenshot('26-charges-log');

    await page.getByLabel('종류').selectOption({ label: '환불' });
    await page.keyboard.press('Enter');
    await poll(() => rows.count()).toBe(1);
    const refundRow = (await rows.first().textContent()) ?? '';
    expect(refundRow).toContain('−20,000원');
    expect(refundRow).toContain('30,000원');
    expect(refundRow).toContain('2회 미사용분');
    expect(refundRow).toContain('환불됨');
    await page.getByLabel('종류').selectOption({ label: '전체' });
    await page.keyboard.press('Enter');
    await poll(() => rows.count()).toBe(2);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV 내보내기' }).click(),
    ]);
    // Named after the store, the filter (member, status) and the days of its rows, in Seoul.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul' }).format(Date.now());
    expect(download.suggestedFilename()).toBe(`행복피트니스_결제내역_한지민_승인_${today}_${today}.csv`);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^일시\(KST\),주문번호,회원번호,회원,종류,결제 내용,금액/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',환불,');
    expect(lines[1]).toContain(',-20000,');
    expect(lines[1]).toContain('2회 미사용분');
    expect(lines[2]).toContain('한지민');
    expect(lines[2]).toContain(',50000,');
    expect(lines[2]).toContain(',30000,');
    expect(lines[2]).toContain(',50000,45455,4545,0,부분 환불,');
  });

  it('lands an unanswered charge in the needs-review queue; "확인하기" settles it by its order', async () => {
    await openMember('한지민');
    await faultNextCharge(ui, 'drop-after-commit');
    await chargeOnScreen('33000');
    await page.getByRole('heading', { name: '결제 결과를 확인하고 있습니다' }).waitFor();
    await nav(page, '홈');
    await poll(() => page.getByTestId('home-needs-review').textContent()).toContain('1건');
    await page.getByTestId('home-needs-review').click();
    await poll(() => page.getByTestId('review-table').textContent()).toContain('33,000원');
    await ui.screenshot('27-review-queue');
    await page.getByRole('button', { name: '확인하기' }).click();
    await page.getByText('1건 조회: 1건 확정, 0건은 아직 확인 필요').waitFor();
    await page.getByText('확인할 결제가 없습니다.').waitFor();
    const charges = (await dispatchOk(ui, owner, 'listCharges', { memberId })).entries;
    expect(charges.filter((c) => c.amount === 33_000).map((c) => c.status)).toEqual(['DONE']);
  });

  it('resolves by hand, with a reason, a charge Toss never received', async () => {
    await openMember('한지민');
    await faultNextCharge(ui, 'status-500');
    await chargeOnScreen('44000');
    await page.getByRole('heading', { name: '결제 결과를 확인하고 있습니다' }).waitFor();

    // Resolving by hand is a manager's decision: a staff session is told who decides, no button.
    await signOutPage(page);
    await signInPage(page, STAFF);
    await nav(page, '확인 필요');
    await poll(() => page.getByTestId('review-table').textContent()).toContain('매니저 또는 대표가 처리');
    expect(await page.getByRole('button', { name: '직접 처리' }).count()).toBe(0);
    await ui.screenshot('28-review-forbidden');
    await signOutPage(page);
    await signInPage(page, OWNER);

    // "결제 안 됨" waits until Toss cannot still be approving the request.
    clock.offsetMs += DECIDE_NOT_CHARGED_AFTER_MS;
    await nav(page, '확인 필요');
    // The 500's trace id, for asking Toss support about the charge.
    await poll(() => page.getByTestId('review-trace-id').textContent()).toMatch(/토스 추적 ID [0-9a-f]{32}$/);
    await page.getByRole('button', { name: '직접 처리' }).click();
    await poll(() => page.evaluate('document.activeElement.id')).toBe('resolve-reason');
    await page.getByLabel('결제 안 됨').check();
    await page.getByLabel('사유').fill('토스 관리자 화면에 결제 없음');
    await ui.screenshot('29-review-resolve');
    await page.getByRole('button', { name: '처리하기' }).click();
    await page.getByText('한지민 회원의 결제 44,000원을(를) 처리했습니다: 결제 안 됨').waitFor();
    await page.getByText('확인할 결제가 없습니다.').waitFor();
    const charges = (await dispatchOk(ui, owner, 'listCharges', { memberId })).entries;
    expect(charges.filter((c) => c.amount === 44_000).map((c) => [c.status, c.tossCode])).toEqual([
      ['FAILED', 'RESOLVED_BY_STAFF'],
    ]);
  });

  it('refuses an expired card before sending, and shows the emulator refusing one at registration', async () => {
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/__ipc/registerCard')) sent.push(request.url());
    });
    await openMember('오세훈');
    await page.getByRole('button', { name: '카드 교체' }).click();
    await page.getByLabel('카드번호', { exact: true }).pressSequentially(EMULATOR_CARDS.approves);
    await page.getByLabel('유효기간 (MM/YY)').pressSequentially('0120');
    await page.getByLabel('생년월일 6자리 또는 사업자등록번호 10자리').fill('900101');
    await page.getByLabel(/정기 결제\(자동결제\)에 동의/).check();
    await page.getByRole('button', { name: '카드 등록', exact: true }).click();
    await poll(() => page.locator('#card-expiry-error').textContent()).toContain(
      '유효기간이 지난 카드입니다',
    );
    expect(await page.evaluate('document.activeElement.id')).toBe('card-expiry');
    expect(sent).toEqual([]);
    await ui.screenshot('30-register-card-expired');

    await page.getByLabel('카드번호', { exact: true }).fill('');
    await page.getByLabel('카드번호', { exact: true }).pressSequentially(EXPIRED_AT_TOSS);
    await page.getByLabel('유효기간 (MM/YY)').fill('');
    await page.getByLabel('유효기간 (MM/YY)').pressSequentially('1230');
    await page.getByLabel('생년월일 6자리 또는 사업자등록번호 10자리').fill('900101');
    await page.getByRole('button', { name: '카드 등록', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '카드를 등록하지 못했습니다' }).waitFor();
    expect(sent).toHaveLength(1);
  });

  it('edits the member and removes the card after a confirmation', async () => {
    await openMember('오세훈');
    await page.getByRole('button', { name: '회원 정보 수정' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('edit-name');
    await page.getByLabel('메모 (선택)').fill('오전 회원');
    await page.getByLabel('전화번호 (선택)').fill('010-2222-3333');
    await page.getByRole('button', { name: '저장' }).click();
    // The core keeps phone numbers as digits.
    await page.getByText('01022223333').waitFor();

    await page.getByRole('button', { name: '카드 삭제' }).click();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('삭제하지 않기');
    await ui.screenshot('31-remove-card-confirm');
    await page
      .getByRole('region', { name: '이 카드를 삭제할까요?' })
      .getByRole('button', { name: '카드 삭제' })
      .click();
    await page.getByText('등록된 카드가 없습니다. 카드를 등록해야 결제할 수 있습니다.').waitFor();
  });
});
