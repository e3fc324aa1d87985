import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

describe('schedule settings and restoring a backup, over IPC', () => {
  it('lets the owner set the catch-up threshold and retry days, which the next due run follows', async () => {
    const { desk, owner } = await signedInOwner();
    const defaults = await desk.ok('getScheduleSettings', {}, owner);
    expect(defaults).toEqual({
      catchUpThresholdDays: 3,
      retryDays: [1, 3, 7],
      timeZone: 'Asia/Seoul',
      defaultRunTime: '10:00',
    });
    const staff = await desk.signedIn('staff');
    const refused = await desk.call(
      'setScheduleSettings',
      { ...defaults, catchUpThresholdDays: 30, retryDays: [] },
      staff,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unordered = await desk.call(
      'setScheduleSettings',
      { ...defaults, catchUpThresholdDays: 5, retryDays: [3, 1] },
      owner,
    );
    expect(unordered).toMatchObject({
      ok: false,
      error: { details: { fields: { retryDays: { code: 'RETRY_DAYS_ORDER' } } } },
    });
    expect(
      await desk.ok(
        'setScheduleSettings',
        { ...defaults, catchUpThresholdDays: 5, retryDays: [2, 4] },
        owner,
      ),
    ).toEqual({ ...defaults, catchUpThresholdDays: 5, retryDays: [2, 4] });

    // Due four days ago: the default threshold (3) would hold it for a manager; 5 lets it through.
    const member = await desk.ok('createMember', { name: '늦은결제' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 70_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '09:00' },
      owner,
    );
    await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: plan.id, anchorDate: '2026-11-25' },
      owner,
    );
    const summary = await desk.ok('runDueNow', {}, owner);
    expect(summary).toMatchObject({ awaitingConfirmation: 0, charged: { DONE: 1 } });
  });

  it('moves the store to another time zone with its subscriptions, and gives new plans the default run time', async () => {
    const { desk, owner } = await signedInOwner();
    const member = await desk.ok('createMember', { name: '상하이점' }, owner);
    await desk.ok('registerCard', { memberId: member.id, card: ipcCard() }, owner);
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 70_000, intervalUnit: 'month', intervalCount: 1 },
      owner,
    );
    expect(plan.chargeTime).toBe('10:00');
    const open = await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: plan.id, anchorDate: '2026-12-05' },
      owner,
    );
    const ended = await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: plan.id, anchorDate: '2026-12-06' },
      owner,
    );
    await desk.ok('cancelSubscription', { id: ended.id }, owner);
    const settings = await desk.ok('getScheduleSettings', {}, owner);

    const bad = await desk.call(
      'setScheduleSettings',
      { ...settings, timeZone: 'Mars/Olympus', defaultRunTime: '24:30' },
      owner,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '입력한 내용을 확인해 주세요.',
        details: {
          fields: {
            timeZone: { code: 'TIME_ZONE_INVALID' },
            defaultRunTime: { code: 'CHARGE_TIME_INVALID' },
          },
        },
      },
    });
    expect(await desk.ok('getScheduleSettings', {}, owner)).toEqual(settings);

    const shanghai = { ...settings, timeZone: 'Asia/Shanghai', defaultRunTime: '07:30' };
    expect(await desk.ok('setScheduleSettings', shanghai, owner)).toEqual(shanghai);
    expect((await desk.ok('getAppStatus', {}, owner)).timeZone).toBe('Asia/Shanghai');
    const subscriptions = await desk.ok('listSubscriptions', {}, owner);
    const zoneOf = (id: number) => subscriptions.find((s) => s.id === id)?.timeZone;
    expect([zoneOf(open.id), zoneOf(ended.id)]).toEqual(['Asia/Shanghai', 'Asia/Seoul']);
    const audit = await desk.ok('listAudit', { action: 'settings.schedule' }, owner);
    expect(audit.entries[0]?.details).toMatchObject({ timeZone: 'Asia/Shanghai', subscriptionsMoved: 1 });

    // The next period falls at 10:00 in Shanghai, an hour after 10:00 in Seoul: 02:00 UTC.
    const coming = await desk.ok('upcoming', { days: 30 }, owner);
    const next = coming.subscriptions.find((s) => s.subscriptionId === open.id)?.next;
    expect(next?.dueAt).toBe(Date.parse('2026-12-05T02:00:00Z'));

    const later = await desk.ok(
      'createPlan',
      { name: '주말반', amount: 30_000, intervalUnit: 'week', intervalCount: 1 },
      owner,
    );
    expect(later.chargeTime).toBe('07:30');
    const fresh = await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: later.id, anchorDate: '2026-12-07' },
      owner,
    );
    expect(fresh.timeZone).toBe('Asia/Shanghai');

    // Exports and the home screen count in the store's zone too.
    await desk.ok(
      'charge',
      { memberId: member.id, amount: 1_000, orderName: '음료', requestId: randomUUID() },
      owner,
    );
    const csv = (await desk.ok('exportCharges', {}, owner)).csv;
    expect(csv.startsWith('\uFEFF일시(Asia/Shanghai),')).toBe(true);
    const now = new Date(desk.clock.now);
    const shanghaiTime = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(now);
    expect(csv).toContain(shanghaiTime);
    const home = await desk.ok('getDashboard', {}, owner);
    expect(home.last30Days.at(-1)?.date).toBe(shanghaiTime.slice(0, 10));
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
    expect(status.auditBrokenAt).toBeNull();
    expect(await desk.ok('checkAudit', {}, again)).toMatchObject({ ok: true });
  });
});
