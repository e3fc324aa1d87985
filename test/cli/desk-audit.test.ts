import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFileIn } from '../../electron/core/app-paths.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { runDeskInProcess } from './run-desk.ts';

describe('npm run desk -- audit verify', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-audit-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says how many rows the chain holds while it checks out, and where it breaks when it does not', async () => {
    const desk = (...args: string[]) => runDeskInProcess(['--data-dir', dataDir, ...args]);
    expect(await desk('--json', 'audit', 'verify')).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ ok: true, count: 0 })}\n`,
      stderr: '',
    });
    expect((await desk('member', 'add', '--name', '김민지')).code).toBe(0);
    expect((await desk('member', 'add', '--name', '이서준')).code).toBe(0);
    expect(await desk('--json', 'audit', 'verify')).toMatchObject({
      code: 0,
      stdout: `${JSON.stringify({ ok: true, count: 3 })}\n`,
    });
    expect(await desk('audit', 'check')).toMatchObject({ code: 2 });

    // The last member's row goes (the CLI operator and the first member stay), with sqlite_sequence put back: only the keychain's head knows.
    const ledger = openLedger(ledgerFileIn(dataDir));
    ledger.db.exec('DROP TRIGGER audit_log_no_delete');
    ledger.db.prepare('DELETE FROM audit_log WHERE id > 2').run();
    ledger.db.prepare("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_log'").run();
    ledger.close();

    const broken = await desk('--json', 'audit', 'verify');
    expect(broken.code).toBe(5);
    expect(broken.stdout).toBe(`${JSON.stringify({ ok: false, brokenAt: 3, reason: 'truncated' })}\n`);
    expect(broken.stderr).toBe('감사 기록 3번부터 끝까지가 지워졌습니다. (brokenAt=3, reason=truncated)\n');
    // Every command that writes refuses the ledger too, before doing anything.
    const refused = await desk('member', 'add', '--name', '박하준');
    expect(refused).toMatchObject({ code: 5, stdout: '' });
    expect(refused.stderr).toContain('감사 기록 3번부터 끝까지가 지워졌습니다.');
  });
});
