import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { describeWithKeychain } from '../secrets/keychain.ts';
import { runDeskProcess } from './run-desk.ts';

// A test here starts the CLI several times, a Node process each: the default 20 s is too tight.
vi.setConfig({ testTimeout: 60_000 });

describeWithKeychain('plans and subscriptions from the CLI', () => {
  let dataDir = '';
  const desk = async (args: string[]) => {
    const run = await runDeskProcess(['--data-dir', dataDir, '--json', ...args]);
    return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined };
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-schedule-'));
  });
  afterAll(async () => {
    await keytar.deletePassword('autopay-desk', `${secretsProfileFor(dataDir)}/ledger-data-key`);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a monthly plan, subscribes a member on the 31st, pauses, resumes and cancels', async () => {
    const plan = await desk([
      'plan',
      'add',
      '--name',
      '헬스 월회원',
      '--amount',
      '55000',
      '--every',
      '1m',
      '--at',
      '09:30',
    ]);
    expect(plan.json).toMatchObject({
      name: '헬스 월회원',
      amount: 55000,
      intervalUnit: 'month',
      intervalCount: 1,
      chargeTime: '09:30',
    });
    expect((await desk(['plan', 'list'])).json.map((p: { id: number }) => p.id)).toEqual([plan.json.id]);

    const member = (await desk(['member', 'add', '--name', '박지훈'])).json;
    const subscribed = await desk([
      'subscribe',
      '--member',
      String(member.id),
      '--plan',
      String(plan.json.id),
      '--anchor',
      '2026-01-31',
      '--consent',
      'in-person',
    ]);
    expect(subscribed.json).toMatchObject({
      memberId: member.id,
      amount: 55000,
      anchorDate: '2026-01-31',
      status: 'active',
    });
    const id = String(subscribed.json.id);
    expect((await desk(['subscription', 'pause', id])).json.status).toBe('paused');
    expect((await desk(['subscription', 'resume', id])).json.status).toBe('active');
    expect((await desk(['subscription', 'cancel', id])).json.status).toBe('canceled');
    const again = await desk(['subscription', 'resume', id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/재개할 수 없습니다/);
  });

  it('refuses a malformed interval or date in one line', async () => {
    const every = await desk(['plan', 'add', '--name', 'x', '--amount', '1000', '--every', 'monthly']);
    expect(every).toMatchObject({ code: 2, stdout: '' });
    expect(every.stderr).toMatch(/^--every는 1m, 3m, 1w, 1y, 10d 같은 형식입니다: monthly/);
    const plan = (await desk(['plan', 'add', '--name', '요가', '--amount', '80000', '--every', '1m'])).json;
    const member = (await desk(['member', 'add', '--name', '최수아'])).json;
    const bad = await desk([
      'subscribe',
      '--member',
      String(member.id),
      '--plan',
      String(plan.id),
      '--anchor',
      '2026-02-30',
      '--consent',
      'in-person',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
