import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFileIn } from '../../electron/core/app-paths.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { buildRenderer } from '../ui-bridge/build-renderer.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';
import { startUiBridge } from '../ui-bridge/ui-bridge.ts';
import { SCREENSHOT_DIR } from './ui-fixture.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the red audit banner, in Chromium against the real core', () => {
  it('is absent while the chain checks out, and shown in the header from the sign-in screen on once rows were cut off the end', async () => {
    const rendererDir = await mkdtemp(path.join(tmpdir(), 'autopay-renderer-'));
    const dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-ui-audit-'));
    // One keychain for both opens, as on a PC: the head the first one left is what the second checks.
    const secretStore = createMemorySecretStore();
    cleanups.push(async () => {
      await rm(rendererDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    });
    await buildRenderer(rendererDir);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
    page.setDefaultTimeout(10_000);

    const first = await startUiBridge({ rendererDir, secretStore, dataDir });
    const owner = { operator: null };
    expect(await first.dispatch('createOwner', { name: '김대표', pin: '482913' }, owner)).toMatchObject({
      ok: true,
    });
    await page.goto(first.url);
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    expect(await page.getByTestId('audit-banner').count()).toBe(0);
    await first.close();

    // Someone with the ledger file alone removes the owner's creation and hides the gap.
    const ledger = openLedger(ledgerFileIn(dataDir));
    ledger.db.exec('DROP TRIGGER audit_log_no_delete');
    ledger.db.prepare('DELETE FROM audit_log').run();
    ledger.db.prepare("DELETE FROM sqlite_sequence WHERE name = 'audit_log'").run();
    ledger.close();

    const second = await startUiBridge({ rendererDir, secretStore, dataDir });
    cleanups.push(() => second.close());
    await page.goto(second.url);
    const banner = page.getByTestId('audit-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toBe(
      '감사 기록이 변조되었습니다 (1번 기록부터). 장부 파일이 바뀌었거나 기록이 지워졌을 수 있습니다. 대표에게 바로 알려 주세요.',
    );
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('[data-testid=audit-banner]')).backgroundColor",
      ),
    ).toBe('rgb(183, 28, 28)');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'audit-banner.png') });
  });
});
