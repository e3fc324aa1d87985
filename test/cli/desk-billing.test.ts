import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFileIn, secretsProfileFor } from '../../electron/core/app-paths.ts';
import { DATA_KEY_BYTES } from '../../electron/core/secrets/index.ts';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';
import { cliKeychain, runDeskInProcess } from './run-desk.ts';

const SECRET = 'test_sk_cliBillingFlow0123456789';
const CARD = {
  cardNumber: '9410001234567890',
  expiryYear: '30',
  expiryMonth: '12',
  identity: '900101',
  password: '12',
};

describe('the billing CLI against the emulator and SQLite', () => {
  let dataDir = '';
  let sandbox: RunningSandbox;
  const desk = async (args: string[], stdin?: string) => {
    const run = await runDeskInProcess(
      ['--data-dir', dataDir, '--toss-base', sandbox.url, '--json', ...args],
      stdin,
    );
    return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined };
  };
  const sandboxGet = async (what: string) => (await fetch(`${sandbox.url}/__sandbox/${what}`)).json();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-billing-'));
    sandbox = await startSandbox();
    expect((await desk(['secret', 'set'], SECRET)).code).toBe(0);
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  let memberId = 0;
  let chargeId = 0;

  it('adds a member, registers the card with a first charge, and shows only the masked card', async () => {
    const added = await desk(['member', 'add', '--name', '김민수', '--phone', '010-1234-5678']);
    expect(added.code).toBe(0);
    expect(added.json).toMatchObject({ name: '김민수', phone: '01012345678', card: null });
    memberId = added.json.id;

    const registered = await desk(
      [
        'card',
        'register',
        '--member',
        String(memberId),
        '--charge-amount',
        '15000',
        '--order-name',
        '헬스 1개월',
      ],
      JSON.stringify(CARD),
    );
    expect(registered.stderr).toBe('');
    expect(registered.json.card).toMatchObject({
      maskedNumber: '94100012****789*',
      company: '하나',
      cardType: '신용',
    });
    expect(registered.json.charge).toMatchObject({
      status: 'DONE',
      amount: 15000,
      vat: 1364,
      suppliedAmount: 13636,
    });

    const shown = await desk(['member', 'show', String(memberId)]);
    expect(shown.json.card.maskedNumber).toBe('94100012****789*');
    expect(shown.stdout).not.toMatch(/billingKey|customerKey|9410001234567890/);
    expect((await desk(['member', 'list'])).json.map((m: { id: number }) => m.id)).toEqual([memberId]);
  });

  it('charges once per request id, refunds part, and lists the log as JSON and CSV', async () => {
    const args = ['charge', '--member', String(memberId), '--amount', '30000', '--order-name', 'PT 10회'];
    const first = await desk([...args, '--request-id', 'counter-click-1']);
    expect(first.json).toMatchObject({ status: 'DONE', amount: 30000, kind: 'manual' });
    chargeId = first.json.id;
    const again = await desk([...args, '--request-id', 'counter-click-1']);
    expect(again.json.id).toBe(chargeId);

    const refund = await desk([
      'refund',
      '--charge',
      String(chargeId),
      '--amount',
      '10000',
      '--reason',
      '부분 환불',
    ]);
    expect(refund.json).toMatchObject({ status: 'DONE', amount: 10000, balanceAfter: 20000 });

    const log = await desk(['charges', '--member', String(memberId)]);
    expect(log.json.map((row: { amount: number }) => row.amount)).toEqual([30000, 15000]);
    expect(Object.keys(log.json[0])).toEqual([
      'id',
      'memberId',
      'kind',
      'status',
      'orderId',
      'amount',
      'createdAt',
    ]);
    const csv = await runDeskInProcess(['--data-dir', dataDir, 'charges', '--status', 'DONE', '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('id,memberId,kind,status,orderId,amount,createdAt');
    expect(csv.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(((await sandboxGet('payments')) as unknown[]).length).toBe(2);
  });

  it('records a lost answer as UNKNOWN and reconcile finds the charge Toss made', async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { method: 'POST', path: '/v1/billing/*' }, fault: 'drop-after-commit' }),
    });
    const lost = await desk([
      'charge',
      '--member',
      String(memberId),
      '--amount',
      '5000',
      '--order-name',
      '음료',
    ]);
    expect(lost.json).toMatchObject({ status: 'UNKNOWN' });
    const report = await desk(['reconcile']);
    expect(report.json.resolved).toEqual([
      expect.objectContaining({ kind: 'charge', id: lost.json.id, to: 'DONE' }),
    ]);
    expect(report.json.needsReview).toEqual([]);
    expect(((await sandboxGet('payments')) as unknown[]).length).toBe(3);
    expect((await desk(['charges', '--status', 'UNKNOWN'])).json).toEqual([]);
  });

  it('reports a soft decline as the outcome, and bad card data as one line naming the field', async () => {
    const other = (await desk(['member', 'add', '--name', '이영희'])).json.id;
    await desk(
      ['card', 'register', '--member', String(other)],
      JSON.stringify({ ...CARD, cardNumber: '9410011234567890' }),
    );
    const declined = await desk([
      'charge',
      '--member',
      String(other),
      '--amount',
      '20000',
      '--order-name',
      '월회비',
    ]);
    expect(declined.code).toBe(0);
    expect(declined.json).toMatchObject({ status: 'DECLINED', tossCode: 'REJECT_CARD_PAYMENT' });

    const bad = await desk(
      ['card', 'register', '--member', String(other)],
      JSON.stringify({ ...CARD, cardNumber: '9410-12' }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^카드 정보를 확인해 주세요\. \(number: 카드번호는 14~19자리 숫자여야 합니다\.\)\n$/,
    );
  });

  it('removes a card at Toss and keeps no card data, key or billing key in the clear on disk', async () => {
    const removed = await desk(['card', 'remove', '--member', String(memberId)]);
    expect(removed.json).toMatchObject({ status: 'removed', maskedNumber: '94100012****789*' });
    const keys = (await sandboxGet('billing-keys')) as {
      billingKey: string;
      customerKey: string;
      status: string;
    }[];
    expect(keys.filter((key) => key.status === 'REMOVED')).toHaveLength(1);

    const ledger = ledgerFileIn(dataDir);
    const disk = Buffer.concat([
      await readFile(ledger),
      await readFile(`${ledger}-wal`).catch(() => Buffer.alloc(0)),
      await readFile(path.join(dataDir, 'logs', 'desk-cli.log')),
    ]).toString('latin1');
    const secrets = [
      CARD.cardNumber,
      '9410011234567890',
      SECRET,
      ...keys.flatMap((k) => [k.billingKey, k.customerKey]),
    ];
    for (const secret of secrets) expect(disk.includes(secret), secret.slice(0, 6)).toBe(false);
  });

  it('never replaces a missing data key once the ledger holds sealed values', async () => {
    const account = `${secretsProfileFor(dataDir)}/ledger-data-key`;
    const dataKey = await cliKeychain.get(account);
    // The folder's data key: 32 random bytes in base64.
    expect(Buffer.from(dataKey ?? '', 'base64')).toHaveLength(DATA_KEY_BYTES);
    // What a locked Secret Service looks like to keytar: no such entry.
    await cliKeychain.delete(account);
    try {
      const run = await desk(['member', 'list']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^장부에 암호화된 카드 정보가 있는데 키체인에서 장부 암호화 키를 찾지 못했습니다\..*\n$/,
      );
      expect(await cliKeychain.get(account)).toBeNull();
    } finally {
      await cliKeychain.set(account, dataKey ?? '');
    }
    expect((await desk(['member', 'list'])).code).toBe(0);
  });

  it('says one line and exits non-zero when no key is configured', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'autopay-cli-nokey-'));
    try {
      const run = await runDeskInProcess([
        '--data-dir',
        empty,
        'charge',
        '--member',
        '1',
        '--amount',
        '1000',
        '--order-name',
        'x',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^토스페이먼츠 시크릿 키가 설정되지 않았습니다\..*\n$/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
