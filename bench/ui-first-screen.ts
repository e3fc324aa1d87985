import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Session } from '../electron/core/desk/index.ts';
import { buildRenderer } from '../test/ui-bridge/build-renderer.ts';
import { createMemorySecretStore } from '../test/ui-bridge/memory-secret-store.ts';
import { startUiBridge } from '../test/ui-bridge/ui-bridge.ts';

const RUNS = 10;

/*
 * Marks taken inside the page (performance.now(), from the navigation's start), so the numbers are
 * the page's own and not Playwright's polling interval. Init scripts are exempt from the CSP.
 */
const MARKS = `
  const marks = (window.__benchMarks = {});
  document.addEventListener('focusin', (event) => {
    if (event.target.id === 'sign-in-pin' && marks.signIn === undefined) marks.signIn = performance.now();
  }, true);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.id === 'sign-in-pin') marks.pin = performance.now();
  }, true);
  new MutationObserver(() => {
    if (marks.home === undefined && document.querySelector('[data-testid="home-today"]')) marks.home = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

interface Marks {
  readonly signIn: number;
  readonly pin: number;
  readonly home: number;
}
const INITIAL_JS_TARGET_KB = 300;
const PIN = '4821';

/** The scripts index.html loads before anything renders (entry and modulepreloads), gzipped. */
async function initialJsGzipBytes(rendererDir: string): Promise<{ files: number; bytes: number }> {
  const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
  let bytes = 0;
  for (const source of sources) bytes += gzipSync(await readFile(path.join(rendererDir, source))).length;
  return { files: sources.length, bytes };
}

/**
 * The built renderer in Debian's Chromium over the UI bridge (real core, emulator): time from
 * navigation start to the sign-in screen taking the PIN (what a cold start shows first), and from
 * the PIN's Enter to the home screen's numbers (this includes main's scrypt PIN check). p50/p95
 * over fresh browser contexts (no HTTP cache); plus the initial JS size, gzipped.
 */
export async function uiFirstScreen(): Promise<Record<string, unknown>> {
  const rendererDir = await mkdtemp(path.join(tmpdir(), 'autopay-bench-renderer-'));
  await buildRenderer(rendererDir);
  const bridge = await startUiBridge({ rendererDir, secretStore: createMemorySecretStore() });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    await bridge.dispatch('createOwner', { name: '김대표', pin: PIN }, { operator: null } satisfies Session);
    const signIn: number[] = [];
    const home: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh context each run: no HTTP cache, as after a restart of the app.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: MARKS });
      await page.goto(bridge.url);
      await page.locator('#sign-in-pin:focus').waitFor();
      await page.keyboard.type(PIN);
      await page.keyboard.press('Enter');
      await page.getByTestId('home-today').waitFor();
      const marks = (await page.evaluate('window.__benchMarks')) as Marks;
      signIn.push(marks.signIn);
      home.push(marks.home - marks.pin);
      await page.getByRole('button', { name: '로그아웃' }).click();
      await page.getByRole('heading', { name: '로그인' }).waitFor();
      await context.close();
    }
    const initialJs = await initialJsGzipBytes(rendererDir);
    const initialJsKB = Math.round((initialJs.bytes / 1_024) * 10) / 10;
    return {
      bench: 'ui-first-screen',
      runs: RUNS,
      signInReadyMs: percentiles(signIn),
      homeReadyAfterPinMs: percentiles(home),
      initialJsFiles: initialJs.files,
      initialJsGzipKB: initialJsKB,
      targets: { initialJsGzipKB: INITIAL_JS_TARGET_KB },
      meetsTarget: { initialJs: initialJsKB <= INITIAL_JS_TARGET_KB },
    };
  } finally {
    await browser.close();
    await bridge.close();
    await rm(rendererDir, { recursive: true, force: true });
  }
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.ceil(p * sorted.length) - 1] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}
