import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeWithKeychain } from '../secrets/keychain.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

async function signedInOwner() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey: `test_sk_${randomUUID().replaceAll('-', '')}` }, owner);
  return { desk, owner };
}

describeWithKeychain('schedule settings and restoring a backup, over IPC', () => {
  it('lets the owner set the catch-up threshold and retry days, which the next due run follows', async () => {
    const { desk, owner } = await signedInOwner();
    expect(await desk.ok('getScheduleSettings', {}, owner)).toEqual({
      catchUpThresholdDays: 3,
      retryDays: [1, 3, 7],
    });
    const staff = await desk.signedIn('staff');
    const refused = await desk.call(
      'setScheduleSettings',
      { catchUpThresholdDays: 30, retryDays: [] },
      staff,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unordered = await desk.call(
      'setScheduleSettings',
      { catchUpThresholdDays: 5, retryDays: [3, 1] },
      owner,
    );
    expect(unordered).toMatchObject({
      ok: false,
      error: { details: { fields: { retryDays: { code: 'RETRY_DAYS_ORDER' } } } },
    });
    expect(
      await desk.ok('setScheduleSettings', { catchUpThresholdDays: 5, retryDays: [2, 4] }, owner),
    ).toEqual({
      catchUpThresholdDays: 5,
      retryDays: [2, 4],
    });

    // Due four days ago: the default threshold (3) would hold it for a manager; 5 lets it through.
    const member = await desk.ok('createMember', { name: '늦은결제' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 70_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '09:00' },
      owner,
    );
    await desk.ok('subscribe', { memberId: member.id, planId: plan.id, anchorDate: '2026-11-25' }, owner);
    const summary = await desk.ok('runDueNow', {}, owner);
    expect(summary).toMatchObject({ awaitingConfirmation: 0, charged: { DONE: 1 } });
  });

  it('restores one of the folder’s own backups in place of the ledger, signs everyone out and audits it', async () => {
    const { desk, owner } = await signedInOwner();
    await desk.ok('createMember', { name: '백업전' }, owner);
    const backup = await desk.ok('backupNow', {}, owner);
    await desk.ok('createMember', { name: '백업후' }, owner);

    const staff = await desk.signedIn('staff');
    expect(await desk.call('restoreBackup', { file: backup.file }, staff)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await desk.call('restoreBackup', { file: '/etc/passwd' }, owner)).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_NOT_FOUND' },
    });

    const status = await desk.ok('restoreBackup', { file: backup.file }, owner);
    expect(status.operator).toBeNull();
    expect(owner.operator).toBeNull();
    const again = desk.session();
    const [person] = await desk.ok('listOperators', {}, again);
    await desk.ok('signIn', { operatorId: person?.id ?? 0, pin: '135790' }, again);
    expect((await desk.ok('searchMembers', {}, again)).map((m) => m.name)).toEqual(['백업전']);
    const audit = await desk.ok('listAudit', { action: 'ledger.restored' }, again);
    expect(audit.entries).toMatchObject([{ actor: '대표', details: { file: backup.file } }]);
    expect(await desk.ok('checkAudit', {}, again)).toMatchObject({ ok: true });
  });
});
