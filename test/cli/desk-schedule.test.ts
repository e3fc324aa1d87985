import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeskInProcess } from './run-desk.ts';

describe('plans and subscriptions from the CLI', () => {
  let dataDir = '';
  const desk = async (args: string[]) => {
    const run = await runDeskInProcess(['--data-dir', dataDir, '--json', ...args]);
    return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined };
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-schedule-'));
  });
  afterAll(async () => {
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

  it('refuses to subscribe without consent; a raise for existing subscriptions waits for the member’s consent', async () => {
    const plan = (await desk(['plan', 'add', '--name', '필라테스', '--amount', '30000', '--every', '1m']))
      .json;
    const member = (await desk(['member', 'add', '--name', '한동의'])).json;
    // Anchored tomorrow (store time): the raised charge then falls within the decree's 30 days.
    const tomorrow = new Date(Date.now() + 9 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const terms = [
      'subscribe',
      '--member',
      String(member.id),
      '--plan',
      String(plan.id),
      '--anchor',
      tomorrow,
    ];
    const refused = await desk(terms);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(/^--consent이\(가\) 필요합니다/);
    const unknown = await desk([...terms, '--consent', 'nod']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^--consent는 in-person\|signature\|phone\|message 중 하나입니다: nod/);
    const subscribed = (await desk([...terms, '--consent', 'phone'])).json;
    const consents = (await desk(['consent', 'list', '--member', String(member.id)])).json;
    expect(consents).toEqual([
      expect.objectContaining({
        subscriptionId: subscribed.id,
        kind: 'subscription',
        method: 'phone',
        operatorName: 'CLI',
      }),
    ]);

    const updated = await desk([
      'plan',
      'update',
      String(plan.id),
      '--amount',
      '35000',
      '--apply-to-subscriptions',
    ]);
    expect(updated.json).toMatchObject({
      plan: { amount: 35000 },
      subscriptionsChanged: 1,
      subscriptionsAwaitingConsent: 1,
    });
    const pending = (await desk(['consent', 'list', '--pending'])).json;
    expect(pending.priceIncreases).toEqual([
      expect.objectContaining({
        subscriptionId: subscribed.id,
        fromAmount: 30000,
        amount: 35000,
        consented: false,
      }),
    ]);
    expect(pending.trials).toEqual([]);

    const recorded = await desk([
      'consent',
      'record',
      '--subscription',
      String(subscribed.id),
      '--kind',
      'price-increase',
      '--method',
      'message',
      '--note',
      '문자로 동의',
    ]);
    expect(recorded.json).toMatchObject({ kind: 'price-increase', method: 'message', note: '문자로 동의' });
    expect((await desk(['consent', 'list', '--pending'])).json.priceIncreases).toEqual([]);
    const again = await desk([
      'consent',
      'record',
      '--subscription',
      String(subscribed.id),
      '--kind',
      'price-increase',
      '--method',
      'message',
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/동의를 기다리는 가격 인상이 없습니다/);

    const text = await runDeskInProcess([
      '--data-dir',
      dataDir,
      'consent',
      'list',
      '--member',
      String(member.id),
    ]);
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(2);
    const withdrawn = await desk(['subscription', 'cancel', String(subscribed.id), '--withdrawal', 'phone']);
    expect(withdrawn.json.status).toBe('canceled');
    expect((await desk(['consent', 'list', '--member', String(member.id)])).json[0]).toMatchObject({
      kind: 'withdrawal',
      method: 'phone',
    });
  });
});
