import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeskInProcess } from './run-desk.ts';

describe('npm run desk -- secret', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-secret-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const desk = (args: string[], stdin?: string) =>
    runDeskInProcess(['--data-dir', dataDir, '--json', ...args], stdin);

  it('reads the key from stdin, stores it and reports only {configured, mode}', async () => {
    expect(await desk(['secret', 'status'])).toEqual({
      code: 0,
      stdout: '{"configured":false,"mode":null}\n',
      stderr: '',
    });
    const set = await desk(['secret', 'set'], 'test_sk_cliSecretValue123\n');
    expect(set).toEqual({ code: 0, stdout: '{"configured":true,"mode":"test"}\n', stderr: '' });
    const status = await desk(['secret', 'status']);
    expect(JSON.parse(status.stdout)).toEqual({ configured: true, mode: 'test' });
    expect(status.stdout).not.toContain('cliSecretValue');
  });

  it('refuses a client key with a one-line Korean message naming the key to use', async () => {
    const run = await desk(['secret', 'set'], 'test_ck_notTheSecret');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^입력한 키는 클라이언트 키\(test_ck_\/live_ck_\).*test_sk_ 또는 live_sk_.*\n$/,
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('notTheSecret');
  });

  it('clears the key', async () => {
    await desk(['secret', 'set'], 'live_sk_anotherValue');
    expect(JSON.parse((await desk(['secret', 'status'])).stdout)).toEqual({ configured: true, mode: 'live' });
    expect((await desk(['secret', 'clear'])).code).toBe(0);
    expect(JSON.parse((await desk(['secret', 'status'])).stdout)).toEqual({ configured: false, mode: null });
  });

  it('keeps data folders apart: another folder has no key', async () => {
    await desk(['secret', 'set'], 'test_sk_folderOne');
    const other = await mkdtemp(path.join(tmpdir(), 'autopay-cli-secret-other-'));
    try {
      const run = await runDeskInProcess(['--data-dir', other, '--json', 'secret', 'status']);
      expect(JSON.parse(run.stdout)).toEqual({ configured: false, mode: null });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('prints Korean text without --json', async () => {
    await desk(['secret', 'set'], 'test_sk_textMode');
    const run = await runDeskInProcess(['--data-dir', dataDir, 'secret', 'status']);
    expect(run).toEqual({ code: 0, stdout: '시크릿 키: 설정됨 (테스트 모드)\n', stderr: '' });
  });
});
