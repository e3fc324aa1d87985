import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededOwner, seedDemo } from '../ui-bridge/seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

let ui: UiFixture;
let page: Page;
let seeded: SeededOwner;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

async function nav(name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

async function signInAsOwner(): Promise<void> {
  await page.getByRole('heading', { name: '로그인' }).waitFor();
  await page.locator('#sign-in-pin').fill(seeded.pin);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator').waitFor();
}

beforeAll(async () => {
  ui = await openUi();
  page = ui.page;
  page.setDefaultTimeout(10_000);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  seeded = await seedDemo(ui.bridge, today);
  await page.reload();
  await signInAsOwner();
}, 90_000);

afterAll(async () => {
  await ui?.close();
});

describe('schedule rules and restoring a backup from the settings screen', () => {
  it('saves the catch-up threshold and retry days, and shows main’s message for days out of order', async () => {
    await nav('설정');
    await poll(() => page.locator('#schedule-retry-days').inputValue()).toBe('1, 3, 7');
    await page.locator('#schedule-retry-days').fill('3, 1');
    await page.getByRole('button', { name: '규칙 저장' }).click();
    await poll(() => page.locator('#schedule-retry-days-error').textContent()).toContain('작은 수부터');

    await page.locator('#schedule-threshold').fill('5');
    await page.locator('#schedule-retry-days').fill('2, 4');
    await page.getByRole('button', { name: '규칙 저장' }).click();
    await page.getByText('정기 결제 규칙을 저장했습니다.', { exact: false }).waitFor();
    await ui.screenshot('settings-01-schedule-rules');
  });

  it('moves the store to another time zone: times on screen follow it, and new plans start at the default run time', async () => {
    const firstTime = () =>
      page.getByTestId('charges-table').locator('tbody tr').first().locator('td').first().textContent();
    await nav('결제 내역');
    // One date format everywhere: '2026-12-05 09:20', in the store's zone.
    await poll(firstTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const seoul = (await firstTime()) ?? '';

    await nav('설정');
    await poll(() => page.locator('#schedule-time-zone').inputValue()).toBe('Asia/Seoul');
    // Korea first, then a short list under Korean names with today's offset; no legacy aliases.
    const zones = page.locator('#schedule-time-zone option');
    expect(await zones.count()).toBe(18);
    expect(await zones.first().textContent()).toBe('한국 (서울) · UTC+09:00');
    expect(await page.locator('#schedule-time-zone option[value="Asia/Shanghai"]').textContent()).toBe(
      '중국 (베이징·상하이) · UTC+08:00',
    );
    expect(await page.locator('#schedule-time-zone option[value="Asia/Calcutta"]').count()).toBe(0);
    expect(await page.locator('#schedule-default-run-time').inputValue()).toBe('10:00');
    await page.getByLabel('매장 시간대').selectOption('Asia/Shanghai');
    await page.getByLabel('기본 결제 시각').fill('07:30');
    await page.getByRole('button', { name: '규칙 저장' }).click();
    await page.getByText('정기 결제 규칙을 저장했습니다.', { exact: false }).waitFor();
    await ui.screenshot('settings-02-time-zone');

    // Shanghai is an hour behind Seoul: the same charge now reads an hour earlier (24-hour clock).
    await nav('결제 내역');
    const hourOf = (text: string) => Number(/(\d+):\d{2}$/.exec(text)?.[1]);
    await poll(async () => hourOf((await firstTime()) ?? '')).toBe((hourOf(seoul) + 23) % 24);

    await nav('정기 결제');
    await page.getByRole('button', { name: '요금제 추가' }).click();
    await poll(() => page.locator('#plan-chargeTime').inputValue()).toBe('07:30');
    await nav('설정');
  });

  it('restores a backup after a confirmation, and everyone signs in again', async () => {
    await nav('설정');
    await page.getByRole('button', { name: '지금 백업' }).click();
    const restore = page.getByTestId('backups-table').getByRole('button', { name: '복원' }).first();
    await restore.click();
    await page.getByTestId('restore-confirm').waitFor();
    await ui.screenshot('settings-03-restore-confirm');
    await page.getByRole('button', { name: '정말 복원' }).click();
    await signInAsOwner();
    expect(ui.pageErrors).toEqual([]);
  });
});
