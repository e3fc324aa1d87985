import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { createSecrets } from '../../electron/core/secrets/index.ts';
import { CHANNEL_NAMES } from '../../shared/ipc/index.ts';
import { UiBridgeRefusal } from '../ui-bridge/guards.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';
import { startUiBridge, type UiBridge } from '../ui-bridge/ui-bridge.ts';

// The guards need no real renderer: a page with a module script is all the bridge looks at.
const PAGE = '<!doctype html><html><head><script type="module" src="./app.js"></script></head></html>';

let workDir: string;
let rendererDir: string;
const bridges: UiBridge[] = [];

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'autopay-ui-guards-'));
  rendererDir = path.join(workDir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), PAGE);
});

afterEach(async () => {
  await Promise.all(bridges.splice(0).map((bridge) => bridge.close()));
  await rm(workDir, { recursive: true, force: true });
});

async function started(): Promise<UiBridge> {
  const bridge = await startUiBridge({ rendererDir, secretStore: createMemorySecretStore() });
  bridges.push(bridge);
  return bridge;
}

async function post(bridge: UiBridge, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${bridge.url}__ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the UI bridge never reaches real money', () => {
  it('refuses a Toss URL that is not the emulator on loopback', async () => {
    for (const url of ['https://api.tosspayments.com', 'http://192.168.0.10:8080', 'not a url']) {
      await expect(
        startUiBridge({ rendererDir, secretStore: createMemorySecretStore(), tossBaseUrl: url }),
      ).rejects.toBeInstanceOf(UiBridgeRefusal);
    }
  });

  it('refuses to open a data folder that holds a live key', async () => {
    const dataDir = path.join(workDir, 'data');
    const secretStore = createMemorySecretStore();
    const secrets = createSecrets({ store: secretStore, profile: secretsProfileFor(dataDir) });
    await secrets.setTossSecretKey('live_sk_0123456789abcdefghij');
    await expect(startUiBridge({ rendererDir, secretStore, dataDir })).rejects.toBeInstanceOf(
      UiBridgeRefusal,
    );
  });

  it('answers setSecretKey with a live key by refusing it, and stores nothing', async () => {
    const bridge = await started();
    await post(bridge, 'createOwner', { name: '대표', pin: '4821' });
    const answer = await (
      await post(bridge, 'setSecretKey', { secretKey: ' live_sk_0123456789abcdef' })
    ).json();
    expect(answer).toMatchObject({ ok: false, error: { code: 'LIVE_KEY_REFUSED' } });
    const status = (await (await post(bridge, 'getAppStatus', {})).json()) as {
      value: { keyStatus: unknown };
    };
    expect(status.value.keyStatus).toEqual({ configured: false, mode: null });
  });
});

describe('the UI bridge speaks the contract over loopback', () => {
  it('serves the page with the bridge script before the app and keeps its CSP', async () => {
    const bridge = await started();
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(bridge.url)).text();
    expect(html.indexOf('<script src="/__bridge.js"></script>')).toBeLessThan(html.indexOf('type="module"'));
    const script = await (await fetch(`${bridge.url}__bridge.js`)).text();
    for (const channel of CHANNEL_NAMES) expect(script).toContain(`"${channel}"`);
  });

  it('runs each call through the real dispatch: contract checks, roles, Korean errors', async () => {
    const bridge = await started();
    const malformed = await (await post(bridge, 'searchMembers', { query: 5 })).json();
    expect(malformed).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    const signedOut = await (await post(bridge, 'searchMembers', {})).json();
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });
    expect((await post(bridge, 'noSuchChannel', {})).status).toBe(404);
  });

  it('refuses calls from another origin', async () => {
    const bridge = await started();
    const response = await post(bridge, 'getAppStatus', {}, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });
});
