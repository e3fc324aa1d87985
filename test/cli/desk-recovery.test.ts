import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';
import { CLI_TEST_CARD, runDeskInProcess } from './run-desk.ts';

// Each step runs a whole CLI command with scrypt: more than the default 5 s in all.
vi.setConfig({ testTimeout: 60_000 });

const SECRET = 'test_sk_recoveryDrill0123456789';
const MEMBERS = [
  { name: '김민수', phone: '010-1234-5678', digits: '01012345678' },
  { name: '이영희', phone: '010-9876-5432', digits: '01098765432' },
];

/** A "PC": its own data folder and its own (in-memory) keychain, the CLI run in-process against the emulator. */
function pc(sandbox: () => RunningSandbox) {
  const keychain = createMemorySecretStore();
  let dataDir = '';
  const desk = async (args: string[], stdin = '') => {
    const run = await runDeskInProcess(
      ['--data-dir', dataDir, '--toss-base', sandbox().url, '--json', ...args],
      stdin,
      keychain,
    );
    const stdout = run.stdout.trimEnd();
    return {
      code: run.code,
      stderr: run.stderr.trimEnd(),
      json: run.code === 0 && stdout ? JSON.parse(stdout) : undefined,
    };
  };
  return {
    keychain,
    get dataDir() {
      return dataDir;
    },
    async create(prefix: string) {
      dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    },
    desk,
    /** A manual charge on the member's card, as `charge` prints it. */
    charge: (memberId: number | undefined, amount: number, orderName: string) =>
      desk(['charge', '--member', String(memberId), '--amount', String(amount), '--order-name', orderName]),
    async dispose() {
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

describe('recovery drill: store A backs up, a new PC restores with the code and catches up with Toss', () => {
  let sandbox: RunningSandbox;
  const a = pc(() => sandbox);
  let backupFile = '';
  let code = '';
  const memberIds: number[] = [];
  const sandboxPayments = async () =>
    (await (await fetch(`${sandbox.url}/__sandbox/payments`)).json()) as { orderId: string }[];

  beforeAll(async () => {
    sandbox = await startSandbox();
    await a.create('autopay-drill-a-');
    expect((await a.desk(['secret', 'set'], SECRET)).code).toBe(0);
    for (const member of MEMBERS) {
      const added = await a.desk(['member', 'add', '--name', member.name, '--phone', member.phone]);
      memberIds.push(added.json.id);
      const registered = await a.desk(
        [
          'card',
          'register',
          '--member',
          String(added.json.id),
          '--charge-amount',
          '15000',
          '--order-name',
          '헬스 1개월',
        ],
        JSON.stringify(CLI_TEST_CARD),
      );
      expect(registered.json.charge.status).toBe('DONE');
    }
    expect((await a.desk(['recovery', 'status'])).json).toEqual({ configured: false, createdAt: null });
    const created = await a.desk(['recovery', 'create']);
    code = created.json.code;
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
    const again = await a.desk(['recovery', 'create']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('이미 복구 코드가 있습니다');
    expect((await a.desk(['recovery', 'status'])).json).toEqual({
      configured: true,
      createdAt: expect.any(String),
    });

    // A charge whose answer was lost: the backup holds it UNKNOWN, though Toss approved it.
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        match: { method: 'POST', path: '/v1/billing/*' },
        fault: 'drop-after-commit',
      }),
    });
    const lost = await a.charge(memberIds[1], 3000, '음료');
    expect(lost.json.status).toBe('UNKNOWN');

    backupFile = path.join(a.dataDir, 'offsite', 'store.apdbak');
    expect((await a.desk(['backup', '--to', backupFile])).json).toEqual({ file: backupFile });

    // After the backup: a charge, a partial refund of a charge from before it, and a fully refunded charge.
    const charge = async (member: number, amount: number) => (await a.charge(member, amount, '회비')).json;
    const refund = async (chargeId: number, amount: number) =>
      (await a.desk(['refund', '--charge', String(chargeId), '--amount', String(amount), '--reason', '환불']))
        .json.status;
    await charge(memberIds[0] as number, 20_000);
    const first = (await a.desk(['charges', '--member', String(memberIds[0])])).json.at(-1).id;
    expect(await refund(first, 5_000)).toBe('DONE');
    // On the first member: the second one's charge is still UNKNOWN at A, which refuses
    // another manual charge for them until it is resolved.
    const second = await charge(memberIds[0] as number, 12_000);
    expect(await refund(second.id, 12_000)).toBe('DONE');
  });
  afterAll(async () => {
    await a.dispose();
    await sandbox.close();
  });

  it('writes a backup that reveals no member name, phone number or table name', async () => {
    const bytes = await readFile(backupFile);
    for (const text of [
      ...MEMBERS.flatMap((m) => [m.name, m.digits]),
      'charge_attempts',
      'members',
      'SQLite format 3',
    ]) {
      expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
    }
    const verified = await a.desk(['backup', '--verify', backupFile]);
    expect(verified.json).toMatchObject({ ok: true, file: backupFile, members: 2, charges: 3 });
  });

  it('with the key set first, restore reports what the Toss catch-up found', async () => {
    const c = pc(() => sandbox);
    await c.create('autopay-drill-c-');
    try {
      expect((await c.desk(['secret', 'set'], SECRET)).code).toBe(0);
      const restored = await c.desk(['restore', '--from', backupFile], code);
      expect(restored.json).toMatchObject({
        catchUp: 'done',
        recoveredCharges: 2,
        recoveredRefunds: 2,
        needsReview: 0,
      });
      // A second restore over a store is refused without --replace, and with it the old ledger is kept.
      const refused = await c.desk(['restore', '--from', backupFile], code);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('이미 장부가 있습니다');
      const replaced = await c.desk(['restore', '--from', backupFile, '--replace'], code);
      expect(replaced.json.previousLedger).toMatch(/ledger\.sqlite\.before-restore-/);
      expect(
        (await readdir(c.dataDir)).filter((name) => /^ledger\.sqlite\.before-restore-.*Z$/.test(name)),
      ).toHaveLength(1);
    } finally {
      await c.dispose();
    }
  });

  it('restores on a new PC, then with the secret key every card charges and what A did after the backup is there once', async () => {
    const b = pc(() => sandbox);
    await b.create('autopay-drill-b-');
    try {
      // This PC's keychain cannot open it: --verify takes the code on stdin, and asks for it.
      const unasked = await b.desk(['backup', '--verify', backupFile], '');
      expect(unasked.code).toBe(1);
      expect(unasked.stderr).toContain('이 컴퓨터의 키로는 열 수 없는 백업입니다');
      const verified = await b.desk(['backup', '--verify', backupFile], code);
      expect(verified.json).toMatchObject({ ok: true, members: 2, charges: 3 });
      const restored = await b.desk(['restore', '--from', backupFile], `${code.toLowerCase()}\n`);
      expect(restored.stderr).toBe('');
      expect(restored.json).toMatchObject({
        restored: backupFile,
        catchUp: 'pending',
        recoveredCharges: 0,
        recoveredRefunds: 0,
        needsReview: 0,
      });
      expect((await b.desk(['secret', 'set'], SECRET)).code).toBe(0);
      const before = (await sandboxPayments()).length;
      const members = (await b.desk(['member', 'list'])).json;
      expect(members.map((m: { name: string }) => m.name).sort()).toEqual(MEMBERS.map((m) => m.name).sort());

      // The first command that talks to Toss catches up, then charges the old card.
      const charged = await b.charge(memberIds[0], 9000, '새 PC 첫 결제');
      expect(charged.json).toMatchObject({ status: 'DONE', amount: 9000 });
      expect((await sandboxPayments()).length).toBe(before + 1);
      // The UNKNOWN the backup held was looked up and recorded, not charged again.
      expect((await b.desk(['charges', '--status', 'UNKNOWN'])).json).toEqual([]);

      const log = (await b.desk(['charges'])).json as { orderId: string; amount: number; status: string }[];
      const aLog = (await a.desk(['charges'])).json as {
        orderId: string;
        amount: number;
        status: string;
      }[];
      // Every order A made is in B's ledger exactly once, plus B's own new one.
      const orders = log.map((row) => row.orderId);
      expect(new Set(orders).size).toBe(orders.length);
      expect([...orders].sort()).toEqual([...aLog.map((row) => row.orderId), charged.json.orderId].sort());
      const refundsOf = (dir: string) =>
        new Database(path.join(dir, 'ledger.sqlite'), { readonly: true })
          .prepare(
            'SELECT transaction_key AS k, amount, recovered_at IS NOT NULL AS recovered FROM refunds ORDER BY k',
          )
          .all() as { k: string; amount: number; recovered: number }[];
      const bRefunds = refundsOf(b.dataDir);
      expect(bRefunds.map(({ k, amount }) => ({ k, amount }))).toEqual(
        refundsOf(a.dataDir).map(({ k, amount }) => ({ k, amount })),
      );
      expect(bRefunds.map((r) => r.recovered)).toEqual([1, 1]);
      // Running again (another command) records nothing twice.
      await b.desk(['reconcile']);
      expect(((await b.desk(['charges'])).json as unknown[]).length).toBe(log.length);
    } finally {
      await b.dispose();
    }
  });

  it('refuses to restore over store A while A has a charge whose outcome is unknown', async () => {
    const refused = await a.desk(['restore', '--from', backupFile, '--replace'], code);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('결과를 확인하지 못한 결제');
    expect((await a.desk(['charges', '--status', 'UNKNOWN'])).json).toHaveLength(1);
  });

  describe('refusals leave the new PC untouched', () => {
    const refusals: [string, () => Promise<{ file: string; stdin: string }>, string][] = [
      [
        'a wrong code',
        async () => ({ file: backupFile, stdin: code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }),
        '복구 코드가 맞지 않습니다',
      ],
      [
        'a code that is not one',
        async () => ({ file: backupFile, stdin: 'hello' }),
        '복구 코드 형식이 아닙니다',
      ],
      [
        'a truncated file',
        async () => {
          const cut = path.join(a.dataDir, 'cut.apdbak');
          await writeFile(cut, await readFile(backupFile));
          await truncate(cut, (await stat(cut)).size - 100);
          return { file: cut, stdin: code };
        },
        '잘렸거나 손상되었습니다',
      ],
      [
        'a file with one byte changed',
        async () => {
          const bytes = await readFile(backupFile);
          const flipped = path.join(a.dataDir, 'flipped.apdbak');
          bytes[bytes.length - 40] = (bytes[bytes.length - 40] as number) ^ 1;
          await writeFile(flipped, bytes);
          return { file: flipped, stdin: code };
        },
        '잘렸거나 손상되었습니다',
      ],
      [
        'a plain SQLite file',
        async () => ({ file: path.join(a.dataDir, 'ledger.sqlite'), stdin: code }),
        '암호화되지 않은 SQLite 파일',
      ],
      [
        'a file from another store',
        async () => {
          const other = pc(() => sandbox);
          await other.create('autopay-drill-other-');
          try {
            await other.desk(['member', 'add', '--name', '박다른']);
            await other.desk(['recovery', 'create']);
            const file = path.join(a.dataDir, 'other-store.apdbak');
            await other.desk(['backup', '--to', file]);
            return { file, stdin: code };
          } finally {
            await other.dispose();
          }
        },
        '복구 코드가 맞지 않습니다',
      ],
    ];
    it.each(refusals)('refuses %s', async (_name, make, message) => {
      const { file, stdin } = await make();
      const n = pc(() => sandbox);
      await n.create('autopay-drill-n-');
      try {
        const run = await n.desk(['restore', '--from', file], stdin);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(message);
        expect(run.stderr).toContain('그대로입니다');
        expect(await readdir(n.dataDir)).toEqual([]);
        expect(await n.keychain.get(`${secretsProfileFor(n.dataDir)}/ledger-data-key`)).toBe(null);
        const verify = await n.desk(['backup', '--verify', file], stdin);
        expect(verify.code).toBe(1);
      } finally {
        await n.dispose();
      }
    });
  });
});
