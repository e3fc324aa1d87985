import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import {
  dispatchOk,
  memberWithCard,
  nav,
  OWNER,
  openMemberPage,
  poll,
  seedOwner,
  signInPage,
} from './desk-seed.ts';
import { noPageErrorsAfterEach, openUi, type UiFixture } from './ui-fixture.ts';

/*
 * What Toss recorded, on every screen: the split of a payment at a taxable merchant (whose Toss
 * ignores a tax-free part), the state a charge is left in by refunds, home's approvals, refunds
 * and net, the CSV; and the counter's forms refusing a negative or fractional amount and keeping
 * what was typed after a refused card. Totals and what the merchant's Toss is known to do are
 * the store's, so each test has a desk of its own and seeds what it builds on.
 */

const EXPIRED_AT_TOSS = '9410911234567890';
// The emulator's stopped card: registers, and every charge is refused with INVALID_STOPPED_CARD.
const STOPPED_CARD = '9410021234567890';

let ui: UiFixture;
let page: Page;
let owner: Session;
let memberId: number;

const openMember = (name: string) => openMemberPage(page, name);

async function chargeForm(amount: string, taxFree: string): Promise<void> {
  await page.getByLabel('결제 금액 (원)').fill(amount);
  await page.getByLabel('면세 금액 (원, 선택)').fill(taxFree);
  await page.getByRole('button', { name: '확인', exact: true }).click();
}

async function openReceipt(): Promise<string> {
  await nav(page, '결제 내역');
  await page
    .getByTestId('charges-table')
    .getByRole('row', { name: /한지민.*수동/ })
    .getByRole('button', { name: /주문 .* 열기/ })
    .click();
  expect(await page.getByTestId('charge-member').textContent()).toBe('한지민 (0001)');
  await page.getByRole('button', { name: '영수증' }).click();
  const receipt = page.getByTestId('receipt');
  await poll(() => receipt.textContent()).toContain('행복 피트니스');
  return (await receipt.textContent()) ?? '';
}

/** The receipt's money lines as numbers, in order: supplied, VAT, tax-free, total, then refunds and net. */
async function receiptSums(): Promise<number[]> {
  const values = await page.getByTestId('receipt-sums').locator('dd').allTextContents();
  return values.map((value) => Number(value.replace(/[^\d]/g, '')));
}

const seoulToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul' }).format(Date.now());

/**
 * What the first test does on screen: 한지민 charged 20,000원 with 5,000원 asked tax-free, which
 * this merchant's Toss taxes whole (18,182원 supplied, 1,818원 VAT).
 */
async function chargedWithTaxFree(): Promise<number> {
  const charge = await dispatchOk(ui, owner, 'charge', {
    memberId,
    amount: 20_000,
    taxFreeAmount: 5_000,
    orderName: '이용료',
    requestId: 'seed-tax-free-0001',
  });
  expect(charge).toMatchObject({ status: 'DONE', suppliedAmount: 18_182, vat: 1_818 });
  return charge.id;
}

/** A refund over the bridge, of `amount` or (without one) all that is left. */
async function refund(chargeId: number, reason: string, requestId: string, amount?: number): Promise<void> {
  await dispatchOk(ui, owner, 'refund', { chargeId, reason, requestId, ...(amount ? { amount } : {}) });
}

beforeEach(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  memberId = await memberWithCard(ui, owner, '한지민', EMULATOR_CARDS.approves);
  await dispatchOk(ui, owner, 'createMember', { name: '오세훈' });
  await dispatchOk(ui, owner, 'setStoreDetails', {
    name: '행복 피트니스',
    businessNumber: '1234567890',
    address: '서울시 마포구 월드컵로 1',
    phone: '02-123-4567',
  });
  await signInPage(page, OWNER);
}, 90_000);

afterEach(async () => {
  await ui?.close();
});
noPageErrorsAfterEach(() => ui);

describe('what Toss recorded, on every screen, in Chromium against the real core', () => {
  it('says on the confirm screen what Toss will do with a tax-free part, and shows what it recorded', async () => {
    await openMember('한지민');
    await page.getByRole('button', { name: '결제하기' }).click();
    await chargeForm('20000', '5000');
    // No charge has shown yet whether this merchant's Toss applies a tax-free part: both are said.
    const split = page.getByTestId('confirm-split');
    await poll(() => page.getByTestId('confirm-tax-free-note').textContent()).toBe(
      '과세 가맹점이면 토스가 면세 금액을 무시하고 전액 과세합니다(공급가액 18,182원 · 부가세 1,818원). 결제 후 토스가 기록한 금액을 보여 드립니다.',
    );
    expect(await split.textContent()).toBe('공급가액 13,636원 · 부가세 1,364원 · 면세 5,000원');
    await ui.screenshot('i18a-01-confirm-tax-free-unknown');
    await page.getByRole('button', { name: '결제하기', exact: true }).click();
    await poll(() => page.getByTestId('charge-result-split').textContent()).toBe(
      '토스 기록: 공급가액 18,182원 · 부가세 1,818원 · 면세 0원',
    );
    await ui.screenshot('i18a-02-charge-result-recorded-split');

    // Now the ledger knows: this merchant's Toss ignored the tax-free part, and the screen says so.
    await page.getByRole('button', { name: '다시 결제' }).click();
    await chargeForm('20000', '5000');
    await poll(() => page.getByTestId('confirm-tax-free-note').textContent()).toBe(
      '이 가맹점은 토스가 면세 금액을 적용하지 않습니다(과세 가맹점). 면세 5,000원은 반영되지 않고 전액 과세됩니다.',
    );
    expect(await split.textContent()).toBe('공급가액 18,182원 · 부가세 1,818원');
    await ui.screenshot('i18a-03-confirm-tax-free-ignored');
    await page.getByRole('button', { name: '수정' }).click();

    const text = await openReceipt();
    expect(text).toContain('18,182원');
    const [supplied, vat, taxFree, total] = await receiptSums();
    expect([supplied, vat, taxFree, total]).toEqual([18_182, 1_818, 0, 20_000]);
    expect((supplied ?? 0) + (vat ?? 0) + (taxFree ?? 0)).toBe(total);
    expect(await page.getByTestId('receipt-status').textContent()).toBe('승인');
    await ui.screenshot('i18a-04-receipt-recorded-split');

    await nav(page, '홈');
    const today = page.getByTestId('home-today');
    await poll(() => today.textContent()).toContain('공급가액18,182원부가세1,818원면세0원');
  });

  it('names a charge partly and then fully refunded, with its balance and net, everywhere', async () => {
    const chargeId = await chargedWithTaxFree();
    await refund(chargeId, '1회 미사용', 'ui-i18a-refund-0001', 5_000);
    await nav(page, '결제 내역');
    const chargeRow = page.getByTestId('charges-table').getByRole('row', { name: /한지민.*수동/ });
    await poll(() => chargeRow.getByTestId('refund-state').textContent()).toBe(
      '부분 환불 남은 금액 15,000원',
    );
    await ui.screenshot('i18a-05-log-partly-refunded');
    await openMember('한지민');
    const history = page.getByTestId('charge-history').getByRole('row', { name: /수동/ });
    await poll(() => history.getByTestId('refund-state').textContent()).toBe('부분 환불 남은 금액 15,000원');
    await ui.screenshot('i18a-06-member-partly-refunded');
    await openReceipt();
    expect(await page.getByTestId('receipt-status').textContent()).toBe('부분 환불 남은 금액 15,000원');
    expect(await page.getByTestId('receipt-net').textContent()).toBe('15,000원');
    // Supplied, VAT, tax-free, total, the refund, what was paid in the end.
    expect(await receiptSums()).toEqual([18_182, 1_818, 0, 20_000, 5_000, 15_000]);
    await ui.screenshot('i18a-07-receipt-partly-refunded');

    await refund(chargeId, '해지', 'ui-i18a-refund-0002');
    await nav(page, '결제 내역');
    await poll(() => chargeRow.getByTestId('refund-state').textContent()).toBe('전액 환불');
    await openReceipt();
    expect(await page.getByTestId('receipt-status').textContent()).toBe('전액 환불');
    expect(await page.getByTestId('receipt-net').textContent()).toBe('0원');
    await ui.screenshot('i18a-08-receipt-fully-refunded');

    // Home: 20,000 approved and 20,000 refunded today: the store kept nothing.
    await nav(page, '홈');
    await poll(() => page.getByTestId('home-today-net').textContent()).toBe('순매출 0원');
    expect(await page.getByTestId('home-today-flows').textContent()).toBe(
      '승인 20,000원 · 1건환불 20,000원 (2건)',
    );
    expect(await page.getByTestId('home-month-net').textContent()).toBe('순매출 0원');
    await ui.screenshot('i18a-09-home-net');
  });

  it('exports the CSV with the split, approval, card company and refund state, named after the store', async () => {
    const chargeId = await chargedWithTaxFree();
    await refund(chargeId, '1회 미사용', 'seed-refund-0001', 5_000);
    await refund(chargeId, '해지', 'seed-refund-0002');
    await nav(page, '결제 내역');
    await page.getByTestId('charges-table').waitFor();
    // Refunds only: the net is money going back, with the one minus sign every screen uses.
    await page.getByLabel('종류').selectOption({ label: '환불' });
    await page.getByRole('button', { name: '조회' }).click();
    await poll(() => page.getByTestId('charges-totals').textContent()).toContain('순매출 −20,000원');
    await page.getByLabel('종류').selectOption({ label: '전체' });
    await page.getByRole('button', { name: '조회' }).click();
    await poll(() => page.getByTestId('charges-table').locator('tbody tr').count()).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV 내보내기' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`행복피트니스_결제내역_${seoulToday()}_${seoulToday()}.csv`);
    const lines = (await readFile((await download.path()) as string, 'utf8')).slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      '일시(KST),주문번호,회원번호,회원,종류,결제 내용,금액,공급가액,부가세,면세,상태,승인번호,카드사,카드,남은 금액,사유,토스 추적 ID',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(',환불,');
    expect(lines[1]).toContain(',-15000,-13636,-1364,0,환불됨,');
    expect(lines[3]).toContain(',수동,');
    expect(lines[3]).toMatch(
      /,20000,18182,1818,0,전액 환불,\d{8},하나,9410\d{4}\*{4}\d{3}\*,0,,[0-9a-f]{32}$/,
    );
  });

  it('refuses a negative or fractional amount with a message instead of changing it', async () => {
    await openMember('한지민');
    await page.getByRole('button', { name: '결제하기' }).click();
    const amount = page.getByLabel('결제 금액 (원)');
    await amount.pressSequentially('-5000');
    expect(await amount.inputValue()).toBe('-5000');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#charge-amount-error').textContent()).toBe(
      '금액에 음수는 쓸 수 없습니다. 0 이상의 정수(원 단위)로 입력해 주세요.',
    );
    expect(await page.getByRole('heading', { name: '이 금액으로 결제할까요?' }).count()).toBe(0);
    await ui.screenshot('i18a-10-charge-negative');
    await amount.fill('');
    await amount.pressSequentially('5.5');
    expect(await amount.inputValue()).toBe('5.5');
    await page.getByLabel('면세 금액 (원, 선택)').pressSequentially('-1');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#charge-amount-error').textContent()).toBe(
      '금액은 원 단위 정수로 입력해 주세요. 소수점은 쓸 수 없습니다.',
    );
    expect(await page.locator('#charge-taxFree-error').textContent()).toBe(
      '금액에 음수는 쓸 수 없습니다. 0 이상의 정수(원 단위)로 입력해 주세요.',
    );
    // A plain grouped amount is still read as one.
    await amount.fill('12,000');
    await page.getByLabel('면세 금액 (원, 선택)').fill('');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('confirm-amount').textContent()).toBe('12,000원');
    await page.getByRole('button', { name: '수정' }).click();

    // So are a plan's price...
    await nav(page, '정기 결제');
    await page.getByRole('button', { name: '요금제 추가' }).click();
    await page.getByLabel('요금제 이름').fill('월 회원권');
    await page.getByLabel('금액 (원)').pressSequentially('-55000');
    await page.getByRole('button', { name: '요금제 만들기' }).click();
    await poll(() => page.locator('#plan-amount-error').textContent()).toBe(
      '금액에 음수는 쓸 수 없습니다. 0 이상의 정수(원 단위)로 입력해 주세요.',
    );
    expect(await dispatchOk(ui, owner, 'listPlans', {})).toEqual([]);

    // ...and a staff member's caps.
    await nav(page, '직원');
    await page.getByRole('button', { name: '직원 추가' }).click();
    // The per-charge cap starts at the store's default for staff; type over it.
    await page.getByLabel('1회 결제 한도').fill('');
    await page.getByLabel('1회 결제 한도').pressSequentially('-30000');
    await page.getByLabel('하루 결제 한도').pressSequentially('100000.5');
    expect(await page.getByLabel('1회 결제 한도').inputValue()).toBe('-30000');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('#staff-add-perChargeCap-error').textContent()).toBe(
      '금액에 음수는 쓸 수 없습니다. 0 이상의 정수(원 단위)로 입력해 주세요.',
    );
    expect(await page.locator('#staff-add-dailyCap-error').textContent()).toBe(
      '금액은 원 단위 정수로 입력해 주세요. 소수점은 쓸 수 없습니다.',
    );
    const staff = await dispatchOk(ui, owner, 'listStaff', {});
    expect(staff.map((operator) => operator.name).sort()).toEqual(['김대표', '이직원']);
  });

  it('keeps what was typed after a refused card, except the card number and password', async () => {
    await openMember('오세훈');
    await page.getByRole('button', { name: '카드 등록' }).click();
    await page.getByLabel('카드번호', { exact: true }).pressSequentially(EXPIRED_AT_TOSS);
    await page.getByLabel('유효기간 (MM/YY)').pressSequentially('1230');
    await page.getByLabel('생년월일 6자리 또는 사업자등록번호 10자리').fill('900101');
    await page.getByLabel('카드 비밀번호 앞 2자리 (선택)').fill('12');
    await page.getByLabel(/정기 결제\(자동결제\)에 동의/).check();
    await page.getByLabel('등록하고 첫 결제하기').check();
    await page.locator('#first-charge-amount').fill('30000');
    await page.getByRole('button', { name: '카드 등록하고 결제' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '카드번호와 카드 비밀번호만 다시 입력해 주세요.' })
      .waitFor();
    expect(await page.getByLabel('카드번호', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('카드 비밀번호 앞 2자리 (선택)').inputValue()).toBe('');
    expect(await page.getByLabel('유효기간 (MM/YY)').inputValue()).toBe('12/30');
    expect(await page.getByLabel('생년월일 6자리 또는 사업자등록번호 10자리').inputValue()).toBe('900101');
    expect(await page.getByLabel(/정기 결제\(자동결제\)에 동의/).isChecked()).toBe(true);
    expect(await page.locator('#first-charge-amount').inputValue()).toBe('30,000');
    expect(await page.evaluate('document.activeElement.id')).toBe('card-number');
    await ui.screenshot('i18a-11-register-refused-keeps-form');

    // Only the number again: the card registers and the first charge goes through.
    await page.getByLabel('카드번호', { exact: true }).pressSequentially(EMULATOR_CARDS.approves);
    await page.getByRole('button', { name: '카드 등록하고 결제' }).click();
    await poll(() => page.getByTestId('charge-result').textContent()).toContain('30,000원');
  });

  it("offers 카드 교체, not 다시 결제, after a stopped card, with Toss's reason spaced for reading", async () => {
    await memberWithCard(ui, owner, '정지현', STOPPED_CARD);
    await openMember('정지현');
    await page.getByRole('button', { name: '결제하기' }).click();
    await chargeForm('10000', '');
    await page.getByRole('button', { name: '결제하기', exact: true }).click();
    // The emulator answers '정지된 카드 입니다.' as Toss writes it.
    await poll(() => page.getByTestId('toss-reason').textContent()).toBe('정지된 카드입니다.');
    expect(await page.getByRole('button', { name: '다시 결제' }).count()).toBe(0);
    await ui.screenshot('i18a-12-charge-stopped-card');
    await page.getByRole('button', { name: '카드 교체' }).click();
    await page.getByRole('heading', { name: '카드 등록: 정지현' }).waitFor();
  });
});
