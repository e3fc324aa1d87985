import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { buildRenderer } from '../ui-bridge/build-renderer.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';
import { startUiBridge, type UiBridge } from '../ui-bridge/ui-bridge.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(root, 'test-output/screenshots');

export interface UiFixture {
  readonly bridge: UiBridge;
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and uncaught exceptions in the page, CSP violations included. */
  readonly pageErrors: string[];
  /** Saves the page as test-output/screenshots/<name>.png for a person to look at. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Builds the renderer fresh (never a stale dist/), serves it through the bridge and opens it in Chromium. */
export async function openUi(options: { readonly now?: () => Date } = {}): Promise<UiFixture> {
  const rendererDir = await mkdtemp(path.join(tmpdir(), 'autopay-renderer-'));
  await buildRenderer(rendererDir);
  // What the UI suite tests is the screens: an in-memory keychain, so it runs where there is no OS
  // keychain; the keychain code has its own suite (test/secrets) on the real thing.
  const secretStore = createMemorySecretStore();
  // A test that moves the desk's clock (due charges "as of a later date") passes its own `now`.
  const bridge = await startUiBridge({ rendererDir, secretStore, ...options });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.goto(bridge.url);
  return {
    bridge,
    browser,
    page,
    pageErrors,
    async screenshot(name) {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await bridge.close();
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fails each test after which the page logged an error (a CSP violation would show here), so the
 * check holds whatever order the tests run in; an error is reported once, by the test it followed.
 */
export function noPageErrorsAfterEach(fixture: () => UiFixture | undefined): void {
  afterEach(() => {
    expect(fixture()?.pageErrors.splice(0) ?? []).toEqual([]);
  });
}
