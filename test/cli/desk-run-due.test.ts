import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../electron/cli/cli-error.ts';
import {
  MAX_RUN_CONCURRENCY,
  parseConcurrency,
  parseInstant,
  parseRate,
} from '../../electron/cli/commands/run-due.ts';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';
import { runDeskInProcess } from './run-desk.ts';

const SECRET = 'test_sk_cliRunDueFlow0123456789';
const CARD = {
  cardNumber: '9410001234567890',
  expiryYear: '30',
  expiryMonth: '12',
  identity: '900101',
  password: '12',
};
const AS_OF = '2026-03-11T12:00:00+09:00';

describe('run-due --now', () => {
  it('takes an ISO 8601 instant with its offset, and refuses one without or a date the calendar lacks', () => {
    expect(parseInstant(AS_OF, '--now', 'u').toISOString()).toBe('2026-03-11T03:00:00.000Z');
    expect(parseInstant('2026-03-11T03:00Z', '--now', 'u').getTime()).toBe(Date.parse(AS_OF));
    expect(parseInstant('2026-03-10T22:00:00.5-05:00', '--now', 'u').toISOString()).toBe(
      '2026-03-11T03:00:00.500Z',
    );
    for (const bad of ['2026-03-11T12:00:00', '2026-02-30T10:00+09:00', '2026-03-11T24:00+09:00', 'now']) {
      expect(() => parseInstant(bad, '--now', 'u')).toThrow(CliError);
    }
  });
});

describe('run-due --rate and --concurrency', () => {
  it('takes a rate of 0 or more (decimals allowed, 0 = no limit) and a concurrency of 1 to 16', () => {
    expect(parseRate('0', 'u')).toBe(0);
    expect(parseRate('1.6', 'u')).toBe(1.6);
    expect(parseRate('25', 'u')).toBe(25);
    expect(parseConcurrency('1', 'u')).toBe(1);
    expect(parseConcurrency(String(MAX_RUN_CONCURRENCY), 'u')).toBe(MAX_RUN_CONCURRENCY);
    for (const bad of ['-1', '1e3', 'fast', '', ' 2', '.5', '2.', '1.2345', 'Infinity']) {
      expect(() => parseRate(bad, 'u'), bad).toThrow(CliError);
    }
    for (const bad of ['0', '17', '-4', '2.5', 'four', '', '016']) {
      expect(() => parseConcurrency(bad, 'u'), bad).toThrow(CliError);
    }
  });

  it.each([
    [
      ['--rate', 'fast'],
      '--rate에는 초당 시작할 결제 수를 0 이상의 숫자로 입력해 주세요 (0은 제한 없음): fast',
    ],
    [['--rate=-2'], '--rate에는 초당 시작할 결제 수를 0 이상의 숫자로 입력해 주세요 (0은 제한 없음): -2'],
    [
      ['--concurrency', '0'],
      '--concurrency에는 동시에 보낼 결제 수를 1부터 16까지의 정수로 입력해 주세요: 0',
    ],
    [
      ['--concurrency', '64'],
      '--concurrency에는 동시에 보낼 결제 수를 1부터 16까지의 정수로 입력해 주세요: 64',
    ],
  ])(
    'refuses run-due %j with one Korean line and exit code 2, before opening anything',
    async (flags, message) => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-run-due-flags-'));
      try {
        const run = await runDeskInProcess(['--data-dir', dataDir, 'run-due', ...flags]);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(message)]);
        expect(run.stderr).toContain('usage: desk run-due');
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});

describe('the schedule CLI against the emulator: run-due, catch-up and upcoming', () => {
  let dataDir = '';
  let sandbox: RunningSandbox;
  const desk = async (args: string[], stdin?: string) => {
    const run = await runDeskInProcess(
      ['--data-dir', dataDir, '--toss-base', sandbox.url, '--json', ...args],
      stdin,
    );
    return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-run-due-'));
    sandbox = await startSandbox();
    expect((await desk(['secret', 'set'], SECRET)).code).toBe(0);
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('charges due periods once, queues the old ones for a manager, and previews the next charge', async () => {
    const member = (await desk(['member', 'add', '--name', '정우성'])).json;
    const card = await desk(['card', 'register', '--member', String(member.id)], JSON.stringify(CARD));
    expect(card.stderr).toBe('');
    const plan = (await desk(['plan', 'add', '--name', '필라테스', '--amount', '66000', '--every', '1m']))
      .json;
    const sub = (
      await desk([
        'subscribe',
        '--member',
        String(member.id),
        '--plan',
        String(plan.id),
        '--anchor',
        '2026-01-10',
        '--consent',
        'in-person',
      ])
    ).json;

    // Jan 10 and Feb 10 were missed by more than 3 days: queued. Mar 10 (26 h ago) is charged.
    const first = await desk(['run-due', '--now', AS_OF]);
    expect(first.stderr).toBe('');
    // toMatchObject: the summary also carries the dunning counts, which are another change's to pin.
    expect(first.json).toMatchObject({
      asOf: '2026-03-11T03:00:00.000Z',
      materialized: 3,
      awaitingConfirmation: 2,
      charged: { DONE: 1, DECLINED: 0, FAILED: 0, UNKNOWN: 0 },
      skipped: 0,
      errors: 0,
      slowedDown: 0,
    });
    // The pace flags reach the runner: a second run at the same instant still charges nothing.
    const again = (await desk(['run-due', '--now', AS_OF, '--rate', '1.6', '--concurrency', '2'])).json;
    expect(again).toMatchObject({ materialized: 0, charged: { DONE: 0 }, skipped: 0 });

    const queue = (await desk(['catch-up', 'list'])).json;
    expect(queue).toEqual([
      expect.objectContaining({ subscriptionId: sub.id, periodStart: '2026-01-10', amount: 66_000 }),
      expect.objectContaining({ subscriptionId: sub.id, periodStart: '2026-02-10', amount: 66_000 }),
    ]);
    const [jan, feb] = queue as { periodId: number }[];
    expect((await desk(['catch-up', 'approve', String(jan?.periodId)])).json).toMatchObject({
      status: 'pending',
    });
    expect(
      (await desk(['catch-up', 'skip', String(feb?.periodId), '--reason', '2월은 휴관'])).json,
    ).toMatchObject({ status: 'skipped' });
    const twice = await desk(['catch-up', 'approve', String(jan?.periodId)]);
    expect(twice.code).toBe(1);
    expect(twice.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/확인 대기 중이 아니라/)]);

    const approved = (await desk(['run-due', '--now', AS_OF])).json;
    expect(approved).toMatchObject({ materialized: 0, charged: { DONE: 1, DECLINED: 0 }, errors: 0 });
    const payments = (await (await fetch(`${sandbox.url}/__sandbox/payments`)).json()) as {
      totalAmount: number;
    }[];
    expect(payments.map((p) => p.totalAmount)).toEqual([66_000, 66_000]);

    const next = (await desk(['upcoming', '--days', '30', '--now', AS_OF])).json;
    expect(next.total).toEqual({ count: 1, amount: 66_000 });
    expect(next.byDay).toEqual([expect.objectContaining({ date: '2026-04-10', count: 1, amount: 66_000 })]);
    expect(next.subscriptions).toEqual([
      expect.objectContaining({
        subscriptionId: sub.id,
        hasCard: true,
        next: expect.objectContaining({ date: '2026-04-10' }),
      }),
    ]);
  });
});
