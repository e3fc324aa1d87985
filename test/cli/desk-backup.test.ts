import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFileIn } from '../../electron/core/app-paths.ts';
import { runDeskInProcess } from './run-desk.ts';

describe('npm run desk -- backup --to FILE', () => {
  let dataDir = '';
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-backup-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('asks for --to', async () => {
    const run = await runDeskInProcess(['--data-dir', dataDir, 'backup']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '백업 파일을 --to로 지정해 주세요. (usage: desk backup --to FILE | --verify FILE   (--verify reads the recovery code from stdin when needed))\n',
    });
  });

  it('writes an encrypted backup of the data folder ledger that --verify opens, and never over an existing file', async () => {
    const file = path.join(dataDir, 'out', 'backup.apdbak');
    const run = await runDeskInProcess(['--data-dir', dataDir, '--json', 'backup', '--to', file]);
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify({ file })}\n`, stderr: '' });
    expect((await readFile(file)).subarray(0, 8).toString('latin1')).toBe('APDSBAK\n');
    const verified = await runDeskInProcess(['--data-dir', dataDir, '--json', 'backup', '--verify', file]);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, file, members: 0, charges: 0 });

    const again = await runDeskInProcess(['--data-dir', dataDir, 'backup', '--to', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      `같은 이름의 파일이 이미 있어 백업하지 않았습니다. 다른 파일 이름을 지정해 주세요. 장부는 그대로입니다: ${file}\n`,
    );
  });

  it('says so in one line when the app (or another CLI) holds the ledger', async () => {
    const holder = spawn(process.execPath, ['test/ledger/hold-ledger.ts', ledgerFileIn(dataDir)], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    try {
      await once(createInterface({ input: holder.stdout }), 'line');
      const run = await runDeskInProcess([
        '--data-dir',
        dataDir,
        'backup',
        '--to',
        path.join(dataDir, 'b.sqlite'),
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('다른 창이나 CLI가 이 장부를 사용하고 있습니다');
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });
});
