import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeskInProcess } from './run-desk.ts';

describe('run-due --now with a live key', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-live-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // Nothing listens there: a run that got as far as Toss would fail loudly.
  const desk = (...args: string[]) =>
    runDeskInProcess(['--data-dir', dataDir, '--toss-base', 'http://127.0.0.1:9', '--json', ...args]);
  const future = new Date(Date.now() + 40 * 24 * 60 * 60_000).toISOString();

  it('refuses an instant still to come, which would charge periods early', async () => {
    expect(
      (await runDeskInProcess(['--data-dir', dataDir, 'secret', 'set'], 'live_sk_docs_Gv6LjeKD8aEk')).code,
    ).toBe(0);
    const run = await desk('run-due', '--now', future);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `실제 결제 키(live)로는 앞으로 올 시각 기준으로 실행할 수 없습니다. 아직 때가 되지 않은 결제까지 청구됩니다: ${future}\n`,
    );
  });

  it('lets a test key simulate any instant', async () => {
    expect(
      (await runDeskInProcess(['--data-dir', dataDir, 'secret', 'set'], 'test_sk_docs_Gv6LjeKD8aEk')).code,
    ).toBe(0);
    const run = await desk('run-due', '--now', future);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ asOf: future, materialized: 0 });
  });
});
