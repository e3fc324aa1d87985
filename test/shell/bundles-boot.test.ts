import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import keytar from 'keytar';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { DEFAULT_SERVICE } from '../../electron/core/secrets/index.ts';
import { APP_ENTRY_URL } from '../../electron/shell/app-protocol.ts';
import { mainWindowOptions } from '../../electron/shell/window-options.ts';
import { CHANNEL_NAMES, EVENT_NAMES, ipcChannel } from '../../shared/ipc/index.ts';
import { runNodeProcess } from '../cli/run-desk.ts';
import { describeWithKeychain } from '../secrets/keychain.ts';

/*
 * The shipped bundles, not the sources: `npm run build`'s three vite steps into a folder of the
 * project tree (so `node_modules` resolves for the externals, as in the packaged app), then
 * main.js booted under Node with a stand-in `electron`, and preload.cjs evaluated the way a
 * sandboxed preload is. An ESM/CJS mix-up, an external that is not installed or a path that only
 * exists in the source tree fails here, since Electron itself cannot run on these machines.
 */
const root = path.resolve(import.meta.dirname, '../..');
let out = '';

beforeAll(async () => {
  await mkdir(path.join(root, 'test-output'), { recursive: true });
  out = await mkdtemp(path.join(root, 'test-output', 'bundles-'));
  const configFile = path.join(root, 'vite.config.ts');
  const step = (mode: string, outDir: string) =>
    build({ configFile, mode, logLevel: 'error', build: { outDir: path.join(out, outDir) } });
  await step('production', 'renderer');
  await step('main', 'electron');
  await step('preload', 'electron');
}, 240_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('dist/electron/preload.cjs', () => {
  it('runs as a sandboxed preload: CommonJS, requiring only electron, exposing the bridge', async () => {
    const code = await readFile(path.join(out, 'electron', 'preload.cjs'), 'utf8');
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    // What a sandboxed preload gets: require('electron') and nothing else of Node.
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    const wrapper = vm.runInNewContext(
      `(function (exports, require, module) {\n${code}\n})`,
      {},
      {
        filename: 'preload.cjs',
      },
    ) as (exports: unknown, require: unknown, module: unknown) => void;
    wrapper(module.exports, sandboxRequire, module);

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['autopay']);
    const bridge = exposed.get('autopay') ?? {};
    const { on, ...calls } = bridge;
    expect(Object.keys(calls).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(on as object).sort()).toEqual([...EVENT_NAMES].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await (calls.getAppStatus as (request: unknown) => Promise<unknown>)({});
    expect(invoked).toEqual([[ipcChannel('getAppStatus'), {}]]);
  });
});

// The app's end-to-end check on the real keychain: the built main.js, its own process, with keytar
// loaded from node_modules as an external the way the packaged app loads it.
describeWithKeychain('dist/electron/main.js', () => {
  let userData = '';
  afterAll(async () => {
    if (!userData) return;
    const profile = secretsProfileFor(userData);
    for (const entry of ['ledger-data-key', 'toss-secret-key', 'audit-head']) {
      await keytar.deletePassword(DEFAULT_SERVICE, `${profile}/${entry}`);
    }
    await rm(userData, { recursive: true, force: true });
  });

  it('boots to a ready app under Node with a stand-in electron, serves app://, and quits cleanly', async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'autopay-bundle-'));
    const mainJs = path.join(out, 'electron', 'main.js');
    // It must end by itself once main has quit: a timer or socket main left open would hold it.
    const { code, stdout, stderr } = await runNodeProcess(
      [path.join(import.meta.dirname, 'bundle', 'boot-main.ts'), mainJs],
      { env: { ...process.env, STAND_IN_USER_DATA: userData } },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const { ready } = report;

    expect(ready.errorBoxes).toEqual([]);
    expect(ready.schemes).toEqual(['app']);
    expect(ready.order.slice(0, 2)).toEqual(['lock requested', 'ready']);
    expect(ready.windows).toHaveLength(1);
    const preload = path.join(out, 'electron', 'preload.cjs');
    expect(ready.windows[0].options).toEqual(
      JSON.parse(JSON.stringify(mainWindowOptions({ preloadPath: preload, isPackaged: false }))),
    );
    expect(existsSync(ready.windows[0].options.webPreferences.preload)).toBe(true);
    expect(ready.windows[0].url).toBe(APP_ENTRY_URL);
    expect(ready.entry.status).toBe(200);
    expect(ready.entry.body).toContain('<div id="root">');
    expect([...ready.handlers].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    expect(ready.trayIcons).toHaveLength(1);
    expect(existsSync(ready.trayIcons[0])).toBe(true);

    expect(report.exitCode).toBe(0);
    expect(report.order.slice(-3)).toEqual(['quit', 'tray destroyed', 'exit 0']);
  });
});
