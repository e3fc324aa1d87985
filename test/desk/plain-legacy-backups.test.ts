import { randomUUID } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSetting } from '../../electron/core/ledger/index.ts';
import { TOSS_CATCH_UP } from '../../electron/core/recovery/index.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { type DeskFixture, deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

async function store() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey: `test_sk_${randomUUID().replaceAll('-', '')}` }, owner);
  return { desk, owner };
}

/** What the previous version left in backups/: a plain SQLite copy of the ledger, unencrypted. */
async function plainLegacyBackup(desk: DeskFixture): Promise<string> {
  const dir = path.join(desk.dataDir, 'backups');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'ledger-20261101-093000.sqlite');
  await desk.host.desk().ledger.db.backup(file);
  return file;
}

describe('backups made by the previous version (plain SQLite in backups/)', () => {
  it('lists them marked as plain, and restores one in place under the encrypted restore’s rules', async () => {
    const { desk, owner } = await store();
    await desk.ok('createMember', { name: '백업전' }, owner);
    const plain = await plainLegacyBackup(desk);
    const encrypted = await desk.ok('backupNow', {}, owner);
    await desk.ok('createMember', { name: '백업후' }, owner);

    const listed = await desk.ok('listBackups', {}, owner);
    expect(
      listed
        .map(({ file, plainLegacy }) => ({ file, plainLegacy }))
        .sort((a, b) => a.file.localeCompare(b.file)),
    ).toEqual(
      [
        { file: encrypted.file, plainLegacy: false },
        { file: plain, plainLegacy: true },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );

    const status = await desk.ok('restoreBackup', { file: plain }, owner);
    expect(status.operator).toBeNull();
    expect(status.auditBrokenAt).toBeNull();
    const again = desk.session();
    const [person] = await desk.ok('listOperators', {}, again);
    await desk.ok('signIn', { operatorId: person?.id ?? 0, pin: '135790' }, again);
    expect((await desk.ok('searchMembers', {}, again)).map((m) => m.name)).toEqual(['백업전']);
    expect(await desk.ok('checkAudit', {}, again)).toMatchObject({ ok: true });
    const audit = await desk.ok('listAudit', { action: 'ledger.restored' }, again);
    expect(audit.entries).toMatchObject([{ actor: '대표', details: { file: plain } }]);
    // The restored ledger catches up with Toss, and the one it replaced is kept aside.
    const marker = readSetting(desk.host.desk().ledger.db, TOSS_CATCH_UP);
    expect(marker?.restoredAt).toBe(desk.clock.now);
    const kept = (await readdir(desk.dataDir)).filter((name) =>
      name.startsWith('ledger.sqlite.before-restore-'),
    );
    expect(kept.filter((name) => !name.includes('-wal') && !name.includes('-shm'))).toHaveLength(1);
    // The backup itself is left as it was, still listed.
    expect(
      (await desk.ok('listBackups', {}, again)).filter((backup) => backup.plainLegacy).map((b) => b.file),
    ).toEqual([plain]);
  });

  it('refuses to restore an old plain backup while a charge is unresolved, leaving the ledger as it was', async () => {
    const { desk, owner } = await store();
    const member = await desk.ok('createMember', { name: '결제중' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const plain = await plainLegacyBackup(desk);
    await sandbox.control('POST', '/__sandbox/faults', {
      match: { method: 'POST', path: '/v1/billing/*' },
      fault: 'drop-after-commit',
    });
    const lost = await desk.ok(
      'charge',
      { memberId: member.id, amount: 5_000, orderName: '음료', requestId: `c-${randomUUID()}` },
      owner,
    );
    expect(lost.status).toBe('UNKNOWN');
    expect(await desk.call('restoreBackup', { file: plain }, owner)).toMatchObject({
      ok: false,
      error: { code: 'RESTORE_WHILE_IN_FLIGHT' },
    });
    const charges = (await desk.ok('listCharges', { memberId: member.id }, owner)).entries;
    expect(charges.map((charge) => charge.status)).toEqual(['UNKNOWN']);
  });

  it('deletes the old plain backups for the owner only once an encrypted backup exists, and audits it', async () => {
    const { desk, owner } = await store();
    await desk.ok('createMember', { name: '이름노출' }, owner);
    const plain = await plainLegacyBackup(desk);
    expect(await desk.call('deletePlainLegacyBackups', {}, owner)).toMatchObject({
      ok: false,
      error: {
        code: 'NO_ENCRYPTED_BACKUP',
        message: expect.stringContaining('암호화된 백업이 아직 없습니다'),
      },
    });
    expect(await readdir(path.dirname(plain))).toEqual([path.basename(plain)]);

    const encrypted = await desk.ok('backupNow', {}, owner);
    const manager = await desk.signedIn('manager');
    expect(await desk.call('deletePlainLegacyBackups', {}, manager)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await desk.ok('deletePlainLegacyBackups', {}, owner)).toEqual({ deleted: 1 });
    expect((await desk.ok('listBackups', {}, owner)).map((backup) => backup.file)).toEqual([encrypted.file]);
    const audit = await desk.ok('listAudit', { action: 'backup.plain_deleted' }, owner);
    expect(audit.entries).toMatchObject([{ actor: '대표', details: { files: [path.basename(plain)] } }]);
  });
});
