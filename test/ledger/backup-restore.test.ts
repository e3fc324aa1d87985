import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, open, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { backupLedgerTo, type Ledger, LedgerError, restoreLedger } from '../../electron/core/ledger/index.ts';
import { done, rowInserts } from './rows.ts';
import { steppingClock } from './stepping-clock.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();
const mounts: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of mounts.splice(0)) execFileSync('umount', [dir]);
});

// Mounting needs root, which CI has: there these tests always run; a developer who is not root skips them.
const canMount = process.getuid?.() === 0 || process.env.CI === 'true';

/** A real small or read-only file system: what fails for root too (chmod does not). */
async function tmpfs(options: string): Promise<string> {
  const dir = path.join(await temp.dir(), 'mnt');
  await mkdir(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** A ledger of about 1.5 MB: enough pages for several backup steps and to overflow 256 KB. */
function fill(ledger: Ledger, charges = 3_000): void {
  const rows = rowInserts(ledger.db);
  const member = rows.member();
  const card = rows.card(member);
  ledger.db.transaction(() => {
    for (let i = 0; i < charges; i++) rows.charge(member, card, done(10_000 + i));
  })();
}

const count = (db: Database.Database, table: string) =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

const clock = () => steppingClock(Date.UTC(2025, 0, 15, 3), 60_000);

/** A plain copy into `dir`, as recovery's encrypted backups take it before sealing it. */
async function backupInto(ledger: Ledger, dir: string): Promise<{ file: string }> {
  return { file: await backupLedgerTo(ledger, path.join(dir, 'ledger-backup.sqlite')) };
}

function refusal(error: unknown): LedgerError {
  if (error instanceof LedgerError) return error;
  throw error;
}

describe('backupLedgerTo', () => {
  it('writes to a file the caller names, and never replaces an existing one', async () => {
    const ledger = await temp.ledger();
    fill(ledger, 50);
    const file = path.join(await temp.dir(), 'nested', '월말 백업.sqlite');
    expect(await backupLedgerTo(ledger, file)).toBe(file);
    const copy = new Database(file, { readonly: true });
    expect(count(copy, 'charge_attempts')).toBe(50);
    copy.close();
    const error = refusal(await backupLedgerTo(ledger, file).catch((e: unknown) => e));
    expect(error.code).toBe('BACKUP_TARGET_EXISTS');
    expect(error.message).toContain(file);
    expect(await readdir(path.dirname(file))).toEqual(['월말 백업.sqlite']);
  });

  it('takes a consistent copy while the app keeps writing through the ledger', async () => {
    const ledger = await temp.ledger();
    fill(ledger);
    const rows = rowInserts(ledger.db);
    const member = rows.member();
    const card = rows.card(member);
    let writes = 0;
    let backingUp = true;
    const writeBetweenSteps = () => {
      if (!backingUp) return;
      ledger.db.transaction(() => {
        rows.charge(member, card, done(500));
        rows.charge(member, card, done(500));
      })();
      writes++;
      setImmediate(writeBetweenSteps);
    };
    setImmediate(writeBetweenSteps);
    const { file } = await backupInto(ledger, await temp.dir());
    backingUp = false;
    expect(writes).toBeGreaterThan(2);
    const copy = new Database(file, { readonly: true });
    const pairs = copy
      .prepare('SELECT count(*) FROM charge_attempts WHERE member_id = ?')
      .pluck()
      .get(member) as number;
    expect(pairs % 2).toBe(0);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('takes a consistent copy while another process writes', async () => {
    const ledger = await temp.ledger();
    fill(ledger);
    const writer = spawn(process.execPath, [path.join(import.meta.dirname, 'write-ledger.ts'), ledger.path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(writer);
    const lines = createInterface({ input: writer.stdout })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('ready');
    const { file } = await backupInto(ledger, await temp.dir());
    writer.kill('SIGTERM');
    const written = Number((await lines.next()).value);
    const copy = new Database(file, { readonly: true });
    const copied = copy
      .prepare('SELECT count(*) FROM charge_attempts WHERE amount = 1000')
      .pluck()
      .get() as number;
    expect(copied).toBeGreaterThanOrEqual(20);
    expect(written).toBeGreaterThan(copied);
    expect(verifyAudit(copy)).toEqual({ ok: true, count: copied });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it.runIf(canMount)(
    'says the disk is full (needs root to mount a tmpfs), leaves no partial file, and leaves the ledger as it was',
    async () => {
      const ledger = await temp.ledger();
      fill(ledger);
      const dir = await tmpfs('size=256k');
      const error = refusal(await backupInto(ledger, dir).catch((e: unknown) => e));
      expect(error.code).toBe('BACKUP_DISK_FULL');
      expect(error.message).toBe(
        `백업할 디스크 공간이 부족합니다. 공간을 비운 뒤 다시 백업해 주세요. 장부는 그대로입니다: ${dir}`,
      );
      expect(await readdir(dir)).toEqual([]);
      expect(ledger.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(count(ledger.db, 'charge_attempts')).toBe(3_000);
      rowInserts(ledger.db).member();
    },
  );

  it.runIf(canMount)(
    'says the folder is not writable (needs root to mount a tmpfs): read-only file system, a file in the way, a path under a file',
    async () => {
      const ledger = await temp.ledger();
      const readOnly = await tmpfs('ro,size=64k');
      const file = path.join(await temp.dir(), 'backups');
      await writeFile(file, '폴더가 아니라 파일');
      for (const dir of [readOnly, file, path.join(file, 'inner')]) {
        const error = refusal(await backupInto(ledger, dir).catch((e: unknown) => e));
        expect(error.code).toBe('BACKUP_TARGET_NOT_WRITABLE');
        expect(error.message).toBe(
          `백업 폴더에 쓸 수 없습니다. 폴더 위치와 권한을 확인해 주세요. 장부는 그대로입니다: ${dir}`,
        );
      }
      expect(await readdir(readOnly)).toEqual([]);
      expect((await stat(file)).isFile()).toBe(true);
    },
  );
});

describe('restoreLedger', () => {
  it('puts a backup in place and keeps the replaced ledger, -wal and all, beside it', async () => {
    const ledger = await temp.ledger();
    fill(ledger, 100);
    const { file: backup } = await backupInto(ledger, await temp.dir());
    fill(ledger, 50);
    ledger.close();
    // A crashed holder leaves its last commits in the -wal only; restoring must not replay them.
    const holder = spawn(process.execPath, [path.join(import.meta.dirname, 'hold-ledger.ts'), ledger.path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(holder);
    await once(createInterface({ input: holder.stdout }), 'line');
    const exited = once(holder, 'exit');
    holder.kill('SIGKILL');
    await exited;
    expect((await stat(`${ledger.path}-wal`)).size).toBeGreaterThan(0);

    const now = () => new Date(Date.UTC(2025, 1, 1, 9));
    const { previous } = await restoreLedger(backup, ledger.path, { now });
    expect(previous).toBe(`${ledger.path}.before-restore-2025-02-01T09-00-00-000Z`);
    const restored = temp.open(ledger.path);
    expect(count(restored.db, 'charge_attempts')).toBe(100);
    expect(count(restored.db, 'settings')).toBe(0);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const replaced = new Database(previous as string);
    expect(count(replaced, 'charge_attempts')).toBe(150);
    expect(count(replaced, 'settings')).toBe(1);
    replaced.close();
  });

  it('refuses a damaged backup and leaves the ledger untouched', async () => {
    const ledger = await temp.ledger();
    fill(ledger);
    const { file: backup } = await backupInto(ledger, await temp.dir());
    const handle = await open(backup, 'r+');
    await handle.write(Buffer.alloc(4_096, 0xab), 0, 4_096, 40 * 4_096);
    await handle.close();
    fill(ledger, 10);
    const ledgerPath = ledger.path;
    ledger.close();
    const error = refusal(await restoreLedger(backup, ledgerPath, { now: clock() }).catch((e: unknown) => e));
    expect(error.code).toBe('BACKUP_DAMAGED');
    expect(error.message).toBe(`백업 파일이 손상되어 복원하지 않았습니다. 장부는 그대로입니다: ${backup}`);
    expect((await readdir(path.dirname(ledgerPath))).filter((name) => name.includes('restor'))).toEqual([]);
    expect(count(temp.open(ledgerPath).db, 'charge_attempts')).toBe(3_010);
  });

  it('refuses a file that is not a ledger backup: another program’s database, an empty file', async () => {
    const dir = await temp.dir();
    const foreign = path.join(dir, 'contacts.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    const empty = path.join(dir, 'empty.sqlite');
    await writeFile(empty, '');
    for (const backup of [foreign, empty]) {
      const error = refusal(
        await restoreLedger(backup, path.join(dir, 'ledger.sqlite'), { now: clock() }).catch(
          (e: unknown) => e,
        ),
      );
      expect(error.code).toBe('LEDGER_NOT_A_LEDGER');
      expect(error.message).toBe(`이 파일은 Autopay Desk 장부가 아닙니다: ${backup}`);
    }
    expect((await readdir(dir)).sort()).toEqual(['contacts.db', 'empty.sqlite', 'ledger.sqlite.lock']);
  });
});
