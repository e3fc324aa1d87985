import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import { EMULATOR_CARDS } from '../ui-bridge/seed.ts';
import {
  dispatchOk,
  faultNextCharge,
  memberWithCard,
  OWNER,
  poll,
  seedOwner,
  signInPage,
  signOutPage,
  subscribeMonthly,
} from './desk-seed.ts';
import { openUi, type UiFixture } from './ui-fixture.ts';

// 11:00 in Seoul on 2 March: a plan charging at 10:00 from that day is due.
const clock = Date.parse('2026-03-02T02:00:00Z');

let ui: UiFixture;
let page: Page;
let owner: Session;

beforeAll(async () => {
  ui = await openUi({ now: () => new Date(clock) });
  page = ui.page;
  page.setDefaultTimeout(10_000);
  owner = await seedOwner(ui);
  const memberId = await memberWithCard(ui, owner, '송하윤', EMULATOR_CARDS.approves);
  await subscribeMonthly(ui, owner, memberId, { name: '필라테스', amount: 77_000, anchorDate: '2026-03-02' });
}, 90_000);

afterAll(async () => {
  await ui?.close();
});

describe('a locked desk after a run, in Chromium against the real core', () => {
  it('shows only how many payments need checking: no member, no amount, no charge events', async () => {
    await signInPage(page, OWNER);
    await signOutPage(page);
    await page.evaluate(`(() => {
      window.__charges = [];
      window.autopay.on.chargeResult((event) => window.__charges.push(event));
    })()`);
    await faultNextCharge(ui, 'status-500');
    const summary = await dispatchOk(ui, owner, 'runDueNow', {});
    expect(summary.charged).toMatchObject({ UNKNOWN: 1 });

    await poll(() => page.getByText('결제 1건 확인 필요').count()).toBe(1);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('송하윤');
    expect(text).not.toContain('77,000');
    expect(await page.evaluate('window.__charges')).toEqual([]);
    await ui.screenshot('90-lock-attention');
  });
});
