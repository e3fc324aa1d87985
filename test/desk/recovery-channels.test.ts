import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSetting, writeSetting } from '../../electron/core/ledger/index.ts';
import { rotateOffsite, TOSS_CATCH_UP } from '../../electron/core/recovery/index.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function offsiteFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'autopay-offsite-'));
  folders.push(folder);
  return folder;
}

async function store(secretKey = `test_sk_${randomUUID().replaceAll('-', '')}`, realTime = false) {
  const desk = await newDesk();
  // Toss (the emulator) stamps transactions with the real time: a catch-up needs clocks that agree.
  if (realTime) desk.clock.now = Date.now();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey }, owner);
  await desk.ok('setStoreDetails', { name: '행복 헬스', businessNumber: '', address: '', phone: '' }, owner);
  return { desk, owner, secretKey };
}

describe('recovery over IPC: the code, off-PC backups, restores', () => {
  it('makes the recovery code once for the sheet, refuses a second without replace, and never shows it again', async () => {
    const { desk, owner } = await store();
    expect(await desk.ok('getRecoveryStatus', {}, owner)).toEqual({
      configured: false,
      createdAt: null,
      id: null,
    });
    const manager = await desk.signedIn('manager');
    expect(await desk.call('createRecoveryCode', { replace: false }, manager)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const sheet = await desk.ok('createRecoveryCode', { replace: false }, owner);
    expect(sheet).toEqual({
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/),
      createdAt: desk.clock.now,
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      storeName: '행복 헬스',
      replaced: false,
    });
    expect(await desk.call('createRecoveryCode', { replace: false }, owner)).toMatchObject({
      error: { code: 'RECOVERY_CODE_EXISTS' },
    });
    const second = await desk.ok('createRecoveryCode', { replace: true }, owner);
    expect(second.replaced).toBe(true);
    expect(second.code).not.toBe(sheet.code);
    const status = await desk.ok('getRecoveryStatus', {}, manager);
    expect(status).toEqual({ configured: true, createdAt: desk.clock.now, id: second.id });
    const audit = await desk.ok('listAudit', {}, owner);
    const actions = audit.entries.map((entry) => entry.action);
    expect(actions.filter((action) => action.startsWith('recovery.'))).toEqual(
      expect.arrayContaining(['recovery.code_created', 'recovery.code_replaced']),
    );
    expect(JSON.stringify(audit)).not.toContain(sheet.code);
  });

  it('refuses to restore in place while a charge is unresolved, and leaves the ledger as it was', async () => {
    const { desk, owner } = await store();
    const member = await desk.ok('createMember', { name: '결제중' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const backup = await desk.ok('backupNow', {}, owner);
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
    expect(await desk.call('restoreBackup', { file: backup.file }, owner)).toMatchObject({
      ok: false,
      error: { code: 'RESTORE_WHILE_IN_FLIGHT', message: expect.stringContaining('확인 필요') },
    });
    // Same ledger, same session: the charge is still there.
    const charges = (await desk.ok('listCharges', { memberId: member.id }, owner)).entries;
    expect(charges.map((charge) => charge.status)).toEqual(['UNKNOWN']);
  });

  it('refuses to restore in place while a charge is on its way to Toss', async () => {
    const { desk, owner } = await store();
    const member = await desk.ok('createMember', { name: '보내는중' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const backup = await desk.ok('backupNow', {}, owner);
    await sandbox.control('POST', '/__sandbox/faults', {
      match: { method: 'POST', path: '/v1/billing/*' },
      fault: 'delay',
      delayMs: 1_500,
    });
    const sending = desk.ok(
      'charge',
      { memberId: member.id, amount: 6_000, orderName: '음료', requestId: `c-${randomUUID()}` },
      owner,
    );
    const pending = () =>
      desk.host
        .desk()
        .ledger.db.prepare("SELECT count(*) FROM charge_attempts WHERE status = 'PENDING'")
        .pluck()
        .get();
    await expect.poll(pending, { timeout: 10_000, interval: 10 }).toBe(1);
    expect(await desk.call('restoreBackup', { file: backup.file }, owner)).toMatchObject({
      ok: false,
      error: { code: 'RESTORE_WHILE_IN_FLIGHT' },
    });
    expect((await sending).status).toBe('DONE');
    // Once it has landed, the same restore goes through.
    expect((await desk.call('restoreBackup', { file: backup.file }, owner)).ok).toBe(true);
  });

  it('writes an off-PC backup at the set time, verifies and records it, and warns when the folder is gone', async () => {
    const { desk, owner } = await store();
    // Days pass below; the owner stays signed in.
    await desk.ok('setIdleLock', { minutes: 0 }, owner);
    const fresh = await desk.ok('getBackupHealth', {}, owner);
    expect(fresh.warnings).toEqual(['no_recovery_code', 'no_folder', 'stale']);
    await desk.ok('createRecoveryCode', { replace: false }, owner);
    const folder = await offsiteFolder();
    expect(
      await desk.call('setBackupFolder', { folder: 'relative/dir', time: '09:00' }, owner),
    ).toMatchObject({
      error: { details: { fields: { folder: { code: 'FOLDER_NOT_ABSOLUTE' } } } },
    });
    // 2026-11-29 10:00 KST is the fixture's clock: today's 11:00 has not come yet.
    expect((await desk.ok('setBackupFolder', { folder, time: '11:00' }, owner)).warnings).toEqual(['stale']);
    expect(await desk.host.desk().offsiteTick()).toBeNull();
    desk.clock.now += 60 * 60 * 1000;
    const written = await desk.host.desk().offsiteTick();
    expect(written?.file).toMatch(/autopay-desk-2026-11-29T11-00-00-000\+0900\.apdbak$/);
    expect(await readdir(folder)).toEqual([path.basename(written?.file ?? '')]);
    expect(await desk.host.desk().offsiteTick()).toBeNull();
    expect(await desk.ok('getBackupHealth', {}, owner)).toEqual({
      folder,
      time: '11:00',
      lastVerifiedAt: desk.clock.now,
      lastError: null,
      recoveryCode: true,
      warnings: [],
    });

    await rm(folder, { recursive: true });
    expect((await desk.ok('getBackupHealth', {}, owner)).warnings).toEqual(['unreachable']);
    expect(await desk.call('runOffsiteBackup', {}, owner)).toMatchObject({
      error: { code: 'OFFSITE_UNREACHABLE' },
    });
    desk.clock.now += 3 * 24 * 60 * 60 * 1000;
    const health = await desk.ok('getBackupHealth', {}, owner);
    expect(health.warnings).toEqual(['unreachable', 'stale', 'failed']);
    expect(health.lastError).toContain('백업 폴더에 연결할 수 없습니다');
  });

  it('after a due run that charged anything, the next tick writes an off-PC backup', async () => {
    const { desk, owner } = await store();
    const folder = await offsiteFolder();
    await desk.ok('setBackupFolder', { folder, time: '23:59' }, owner);
    const member = await desk.ok('createMember', { name: '정기결제' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '09:00' },
      owner,
    );
    await desk.ok(
      'subscribe',
      {
        memberId: member.id,
        planId: plan.id,
        anchorDate: '2026-11-29',
        consent: { method: 'in-person' },
      },
      owner,
    );
    expect(await desk.host.desk().offsiteTick()).toBeNull();
    const summary = await desk.host.desk().runDue();
    expect(summary.charged.DONE).toBe(1);
    expect((await desk.host.desk().offsiteTick())?.file).toContain(folder);
    expect(await desk.host.desk().offsiteTick()).toBeNull();

    // A runner made for one run (the CLI's run-due) counts too; a run that charged nothing does not.
    const idle = desk.host.desk().scheduleRunner({ now: () => new Date(desk.clock.now) });
    expect((await idle.runDue()).charged.DONE).toBe(0);
    expect(await desk.host.desk().offsiteTick()).toBeNull();
    await desk.ok(
      'subscribe',
      { memberId: member.id, planId: plan.id, anchorDate: '2026-11-29', consent: { method: 'in-person' } },
      owner,
    );
    desk.clock.now += 60_000; // a minute on: the backup's name holds its instant
    const once = desk.host.desk().scheduleRunner({ now: () => new Date(desk.clock.now) });
    expect((await once.runDue()).charged.DONE).toBe(1);
    await once.stop();
    expect((await desk.host.desk().offsiteTick())?.file).toContain(folder);
  });

  it('restores on first run from a backup file and its code, then catches up with Toss once the key is set', async () => {
    const a = await store(undefined, true);
    const member = await a.desk.ok('createMember', { name: '복원회원', phone: '010-5555-6666' }, a.owner);
    await a.desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, a.owner);
    const { code } = await a.desk.ok('createRecoveryCode', { replace: false }, a.owner);
    const backup = await a.desk.ok('backupNow', {}, a.owner);
    const after = await a.desk.ok(
      'charge',
      { memberId: member.id, amount: 7_000, orderName: '백업 뒤 결제', requestId: `c-${randomUUID()}` },
      a.owner,
    );
    expect(after.status).toBe('DONE');
    // A member who joined after the backup: the new PC's ledger has never heard of them.
    const newcomer = await a.desk.ok('createMember', { name: '백업후회원' }, a.owner);
    await a.desk.ok('registerCard', { memberId: newcomer.id, card: ipcCard() }, a.owner);
    const stranger = await a.desk.ok(
      'charge',
      { memberId: newcomer.id, amount: 4_000, orderName: '음료', requestId: `c-${randomUUID()}` },
      a.owner,
    );

    const b = await newDesk();
    b.clock.now = Date.now();
    const guest = b.session();
    // No system picker here (the shell has one): the screen takes a typed path.
    expect(await b.ok('choosePath', { kind: 'backupFile' }, guest)).toEqual({ path: null });
    expect(
      await b.call('restoreFromFile', { file: backup.file, code: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }, guest),
    ).toMatchObject({
      ok: false,
      error: { code: 'RECOVERY_CODE_WRONG' },
    });
    expect((await b.ok('getAppStatus', {}, guest)).needsOwner).toBe(true);
    expect(await b.ok('restoreFromFile', { file: backup.file, code }, guest)).toEqual({
      recoveredCharges: 0,
      recoveredRefunds: 0,
      needsReview: 0,
      caughtUp: false,
    });
    expect((await b.ok('getAppStatus', {}, guest)).needsOwner).toBe(false);
    // Public only on first run: now the folder holds a store.
    expect(await b.call('restoreFromFile', { file: backup.file, code }, guest)).toMatchObject({
      error: { code: 'RESTORE_TARGET_HAS_LEDGER' },
    });
    const [person] = await b.ok('listOperators', {}, guest);
    await b.ok('signIn', { operatorId: person?.id ?? 0, pin: '135790' }, guest);
    await b.ok('setSecretKey', { secretKey: a.secretKey }, guest);
    expect(b.host.desk().lastCatchUp()).toEqual(
      expect.objectContaining({ recoveredCharges: 1, recoveredRefunds: 0, needsReview: 1 }),
    );
    const unmatched = await b.ok('listUnmatchedTossPayments', {}, guest);
    expect(unmatched).toEqual([
      expect.objectContaining({
        orderId: stranger.orderId,
        amount: 4_000,
        status: 'DONE',
        reason: 'unknown_customer',
      }),
    ]);
    expect(
      await b.call('resolveUnmatchedTossPayment', { id: unmatched[0]?.id ?? 0, reason: ' ' }, guest),
    ).toMatchObject({ ok: false, error: { details: { fields: { reason: { code: 'REASON_REQUIRED' } } } } });
    expect(
      await b.ok(
        'resolveUnmatchedTossPayment',
        { id: unmatched[0]?.id ?? 0, reason: '백업 뒤 가입한 회원' },
        guest,
      ),
    ).toEqual([]);
    expect(
      await b.call('resolveUnmatchedTossPayment', { id: unmatched[0]?.id ?? 0, reason: '두 번째' }, guest),
    ).toEqual({
      ok: false,
      error: {
        code: 'NOT_UNDER_REVIEW',
        message: '이미 처리되었거나 없는 항목입니다. 목록을 새로 고쳐 주세요.',
      },
    });
    // A catch-up interrupted and run again (marker still there) records nothing a second time.
    const db = b.host.desk().ledger.db;
    const marker = readSetting(db, TOSS_CATCH_UP);
    writeSetting(db, TOSS_CATCH_UP, marker && { ...marker, doneAt: null }, new Date(b.clock.now));
    await b.host.desk().reload();
    expect(b.host.desk().lastCatchUp()).toEqual(
      expect.objectContaining({ recoveredCharges: 0, recoveredRefunds: 0, needsReview: 0 }),
    );
    const audit = await b.ok('listAudit', { action: 'recovery.unmatched_resolved' }, guest);
    expect(audit.entries).toMatchObject([{ actor: '대표', details: { reason: '백업 뒤 가입한 회원' } }]);
    const charges = (await b.ok('listCharges', { memberId: member.id }, guest)).entries;
    expect(charges.map((charge) => charge.amount)).toEqual([7_000]);
    const again = await b.ok(
      'charge',
      { memberId: member.id, amount: 3_000, orderName: '새 PC', requestId: `c-${randomUUID()}` },
      guest,
    );
    expect(again.status).toBe('DONE');
  });

  it('a scheduled charge made after the backup waits in review, and the schedule on the new PC records it without charging again', async () => {
    const a = await store(undefined, true);
    const member = await a.desk.ok('createMember', { name: '정기회원' }, a.owner);
    await a.desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, a.owner);
    const plan = await a.desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 33_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '00:00' },
      a.owner,
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(
      new Date(a.desk.clock.now),
    );
    await a.desk.ok(
      'subscribe',
      { memberId: member.id, planId: plan.id, anchorDate: today, consent: { method: 'in-person' } },
      a.owner,
    );
    const { code } = await a.desk.ok('createRecoveryCode', { replace: false }, a.owner);
    const backup = await a.desk.ok('backupNow', {}, a.owner);
    expect((await a.desk.host.desk().runDue()).charged.DONE).toBe(1);
    const payments = async () => ((await sandbox.control('GET', '/__sandbox/payments')) as unknown[]).length;
    const approvals = await payments();

    const b = await newDesk();
    b.clock.now = Date.now();
    const guest = b.session();
    await b.ok('restoreFromFile', { file: backup.file, code }, guest);
    const [person] = await b.ok('listOperators', {}, guest);
    await b.ok('signIn', { operatorId: person?.id ?? 0, pin: '135790' }, guest);
    await b.ok('setSecretKey', { secretKey: a.secretKey }, guest);
    expect(b.host.desk().lastCatchUp()).toEqual(
      expect.objectContaining({ recoveredCharges: 0, needsReview: 1 }),
    );
    expect(b.host.desk().ledger.db.prepare('SELECT amount, reason FROM toss_unmatched').all()).toEqual([
      { amount: 33_000, reason: 'unrecorded_period' },
    ]);

    // The schedule (whose loop may already have started it) writes the period and sends the same
    // orderId: Toss refuses a second approval, and the lookup records the first. and sends the same orderId: Toss refuses a second approval,
    // and the lookup records the first.
    await b.host.desk().runDue();
    await b.ok('reconcile', {}, guest);
    const charges = (await b.ok('listCharges', { memberId: member.id }, guest)).entries;
    expect(charges.map((charge) => [charge.status, charge.amount])).toEqual([['DONE', 33_000]]);
    expect(await payments()).toBe(approvals);
    expect(await b.ok('listUnmatchedTossPayments', {}, guest)).toEqual([]);
  });
});

it('rotates off-PC backups to the newest of each of the last 14 days and of each of the last 12 months', async () => {
  const folder = await offsiteFolder();
  const names: string[] = [];
  // One backup a day, two on the last day, for 400 days up to 2026-11-29, and one stranger.
  for (let day = 0; day < 400; day++) {
    const at = new Date(Date.UTC(2026, 10, 29) - day * 86_400_000);
    const stamp = at.toISOString().slice(0, 10);
    names.push(`autopay-desk-${stamp}T01-00-00-000Z.apdbak`);
  }
  names.push('autopay-desk-2026-11-29T05-00-00-000Z.apdbak', 'notes.txt');
  await mkdir(folder, { recursive: true });
  for (const name of names) await writeFile(path.join(folder, name), 'x');
  const removed = await rotateOffsite(folder, 'Asia/Seoul');
  const kept = (await readdir(folder)).sort();
  expect(kept).toContain('notes.txt');
  expect(kept).toContain('autopay-desk-2026-11-29T05-00-00-000Z.apdbak');
  expect(kept).not.toContain('autopay-desk-2026-11-29T01-00-00-000Z.apdbak');
  const days = kept.filter((name) => name.startsWith('autopay-desk-2026-11'));
  expect(days).toHaveLength(14);
  // The 14 daily ones cover Nov 16–29; the monthly ones are the newest of Dec 2025 … Oct 2026.
  const monthly = kept.filter(
    (name) => name.startsWith('autopay-desk-') && !name.startsWith('autopay-desk-2026-11'),
  );
  expect(monthly).toEqual([
    'autopay-desk-2025-12-31T01-00-00-000Z.apdbak',
    ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => {
      const last = new Date(Date.UTC(2026, Number(m), 0)).getUTCDate();
      return `autopay-desk-2026-${m}-${String(last)}T01-00-00-000Z.apdbak`;
    }),
  ]);
  expect(removed).toHaveLength(names.length - 1 - kept.length + 1);
});
