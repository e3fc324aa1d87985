import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/core/desk/index.ts';
import type { ChannelName, RequestOf } from '../../shared/ipc/index.ts';
import { sandboxPayments } from '../billing/harness.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { type DeskFixture, deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

const GOOD_CARD = ipcCard();

const payments = () => sandboxPayments(sandbox);

/** An owner with a key set, a manager, and a member with a card. */
async function store() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey: `test_sk_${randomUUID().replaceAll('-', '')}` }, owner);
  const manager = await desk.ok('createOperator', { name: '매니저', role: 'manager', pin: '8642' }, owner);
  const member = await desk.ok('createMember', { name: '홍길동' }, owner);
  await desk.ok('registerCard', { memberId: member.id, card: GOOD_CARD }, owner);
  return { desk, owner, manager, member };
}

async function staffWithCaps(
  desk: DeskFixture,
  owner: Session,
  caps: { perChargeCap?: number; dailyCap?: number },
) {
  const created = await desk.ok(
    'createOperator',
    { name: `직원${randomUUID().slice(0, 4)}`, role: 'staff', pin: '1357', ...caps },
    owner,
  );
  const session = desk.session();
  await desk.ok('signIn', { operatorId: created.id, pin: '1357' }, session);
  return { created, session };
}

function chargeOf(
  memberId: number,
  amount: number,
  extra: Partial<RequestOf<'charge'>> = {},
): RequestOf<'charge'> {
  return { memberId, amount, orderName: 'PT 10회', requestId: `charge-${randomUUID()}`, ...extra };
}

describe('staff and permissions, enforced in main', () => {
  it('a staff session calling channels directly cannot change settings, read the audit log or raise its limits', async () => {
    const { desk, owner, member } = await store();
    const { created, session: staff } = await staffWithCaps(desk, owner, {
      perChargeCap: 50_000,
      dailyCap: 100_000,
    });
    const done = await desk.ok('charge', chargeOf(member.id, 10_000), staff);
    expect(done.status).toBe('DONE');

    const attempts: [ChannelName, unknown][] = [
      ['setSecretKey', { secretKey: 'test_sk_stolen' }],
      ['clearSecretKey', {}],
      ['setTrainingMode', { enabled: true }],
      ['setIdleLock', { minutes: 0 }],
      ['setLaunchAtLogin', { enabled: false }],
      ['updateOperator', { id: created.id, perChargeCap: 10_000_000, dailyCap: 10_000_000 }],
      ['updateOperator', { id: created.id, role: 'owner' }],
      ['createOperator', { name: '가짜대표', role: 'owner', pin: '0000' }],
      ['resetOperatorPin', { id: created.id, pin: '0000' }],
      ['listStaff', {}],
      ['listAudit', {}],
      ['exportAudit', {}],
      ['removeCard', { memberId: member.id }],
      ['approveCatchUp', { periodId: 1 }],
    ];
    for (const [channel, request] of attempts) {
      const result = await desk.call(channel, request as never, staff);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const caps = await desk.ok('listStaff', {}, owner);
    expect(caps.find((s) => s.id === created.id)).toMatchObject({
      role: 'staff',
      perChargeCap: 50_000,
      dailyCap: 100_000,
    });
    expect(await payments()).toHaveLength(1);
  });

  it('a staff refund needs a manager PIN on the spot, and the approval is audited', async () => {
    const { desk, owner, manager, member } = await store();
    const { session: staff, created } = await staffWithCaps(desk, owner, {});
    const done = await desk.ok('charge', chargeOf(member.id, 10_000), staff);
    const refund = { chargeId: done.id, amount: 4_000, reason: '환불', requestId: `refund-${randomUUID()}` };

    const asked = await desk.call('refund', refund, staff);
    expect(asked).toMatchObject({
      ok: false,
      error: {
        code: 'APPROVAL_REQUIRED',
        message: '직원은 혼자 환불할 수 없습니다. 매니저나 대표가 이 자리에서 PIN으로 승인하면 환불합니다.',
      },
    });
    const wrongPin = await desk.call(
      'refund',
      { ...refund, approval: { operatorId: manager.id, pin: '0000' } },
      staff,
    );
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    const byStaff = await desk.call(
      'refund',
      { ...refund, approval: { operatorId: created.id, pin: '1357' } },
      staff,
    );
    expect(byStaff).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_MANAGER' } });
    expect((await desk.ok('getCharge', { id: done.id }, owner)).refunds).toEqual([]);

    const approved = await desk.ok(
      'refund',
      { ...refund, approval: { operatorId: manager.id, pin: '8642' } },
      staff,
    );
    expect(approved).toMatchObject({
      status: 'DONE',
      amount: 4_000,
      operatorId: created.id,
      chargeBalance: 6_000,
    });
    // The same click again is the same refund, not a second one, and asks for nothing.
    expect((await desk.ok('refund', refund, staff)).id).toBe(approved.id);
    expect((await desk.ok('getCharge', { id: done.id }, owner)).refunds).toHaveLength(1);

    const audit = await desk.ok('listAudit', { action: 'refund.approved' }, owner);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      actor: '매니저',
      operatorId: manager.id,
      subject: `operator:${created.id}`,
      details: { chargeId: done.id, amount: 4_000, requestId: refund.requestId },
    });
    // A manager refunds alone.
    const byManager = desk.session();
    await desk.ok('signIn', { operatorId: manager.id, pin: '8642' }, byManager);
    const own = await desk.ok('refund', { ...refund, requestId: `refund-${randomUUID()}` }, byManager);
    expect(own).toMatchObject({ status: 'DONE', chargeBalance: 2_000 });
  });

  it('a charge over the per-charge cap needs a manager PIN on the spot, and the approval is audited', async () => {
    const { desk, owner, manager, member } = await store();
    const { session: staff, created } = await staffWithCaps(desk, owner, { perChargeCap: 50_000 });
    const big = chargeOf(member.id, 80_000);

    const asked = await desk.call('charge', big, staff);
    expect(asked).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(asked.ok ? '' : asked.error.message).toContain('50,000원');

    const byStaff = await desk.call(
      'charge',
      { ...big, approval: { operatorId: created.id, pin: '1357' } },
      staff,
    );
    expect(byStaff).toMatchObject({ ok: false, error: { code: 'APPROVER_NOT_MANAGER' } });
    const wrongPin = await desk.call(
      'charge',
      { ...big, approval: { operatorId: manager.id, pin: '0000' } },
      staff,
    );
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(await payments()).toHaveLength(0);

    const approved = await desk.ok(
      'charge',
      { ...big, approval: { operatorId: manager.id, pin: '8642' } },
      staff,
    );
    expect(approved).toMatchObject({ status: 'DONE', amount: 80_000, operatorId: created.id });
    // The same click again returns the same charge without asking again.
    expect((await desk.ok('charge', big, staff)).id).toBe(approved.id);
    expect(await payments()).toHaveLength(1);

    const audit = await desk.ok('listAudit', { action: 'charge.limit_approved' }, owner);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      actor: '매니저',
      operatorId: manager.id,
      subject: `operator:${created.id}`,
      details: { amount: 80_000, cap: 50_000, kind: 'per_charge' },
    });
    expect(JSON.stringify(audit)).not.toContain('8642');
  });

  it('counts the daily cap over today in the store time zone, first charges included', async () => {
    const { desk, owner, manager, member } = await store();
    const { session: staff, created } = await staffWithCaps(desk, owner, {
      perChargeCap: 60_000,
      dailyCap: 100_000,
    });
    await desk.ok('charge', chargeOf(member.id, 60_000), staff);
    const over = await desk.call('charge', chargeOf(member.id, 50_000), staff);
    expect(over).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    expect(over.ok ? '' : over.error.message).toContain('오늘 60,000원');
    expect((await desk.ok('charge', chargeOf(member.id, 40_000), staff)).status).toBe('DONE');

    // The next store-local day (KST midnight) starts from zero (a day idle also means a new sign-in).
    desk.clock.now += 24 * 60 * 60 * 1_000;
    await desk.ok('signIn', { operatorId: created.id, pin: '1357' }, staff);
    expect((await desk.ok('charge', chargeOf(member.id, 60_000), staff)).status).toBe('DONE');
    // Asked before a card form sends anything: does this amount need a manager, and is this PIN one?
    expect(await desk.ok('checkChargeApproval', { amount: 10_000 }, staff)).toEqual({
      approvalRequired: false,
      message: null,
    });
    const needed = await desk.ok('checkChargeApproval', { amount: 90_000 }, staff);
    expect(needed.approvalRequired).toBe(true);
    expect(needed.message).toContain('60,000원');
    const wrong = await desk.call(
      'checkChargeApproval',
      { amount: 90_000, approval: { operatorId: manager.id, pin: '0000' } },
      staff,
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(
      await desk.ok(
        'checkChargeApproval',
        { amount: 90_000, approval: { operatorId: manager.id, pin: '8642' } },
        staff,
      ),
    ).toEqual({ approvalRequired: false, message: null });
    // A first charge at registration is held to the same caps (a new member: replacing a card
    // needs a manager whatever the amount).
    const newcomer = await desk.ok('createMember', { name: '새회원' }, staff);
    const firstCharge = { amount: 90_000, orderName: '등록비', requestId: `first-${randomUUID()}` };
    const registration = await desk.call(
      'registerCard',
      { memberId: newcomer.id, card: GOOD_CARD, firstCharge },
      staff,
    );
    expect(registration).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const approved = await desk.ok(
      'registerCard',
      {
        memberId: newcomer.id,
        card: GOOD_CARD,
        firstCharge: { ...firstCharge, approval: { operatorId: manager.id, pin: '8642' } },
      },
      staff,
    );
    expect(approved.charge?.status).toBe('DONE');
  });

  it('signs an idle session out in main after the configured minutes', async () => {
    const { desk, owner } = await store();
    expect(await desk.ok('setIdleLock', { minutes: 3 }, owner)).toMatchObject({ idleLockMinutes: 3 });
    desk.clock.now += 2 * 60_000;
    expect((await desk.call('searchMembers', {}, owner)).ok).toBe(true);
    desk.clock.now += 3 * 60_000 + 1;
    expect(await desk.call('searchMembers', {}, owner)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    expect(owner.operator).toBeNull();
  });

  it('lets the owner manage staff, but never demote or switch off the last owner', async () => {
    const { desk, owner, manager } = await store();
    const updated = await desk.ok(
      'updateOperator',
      { id: manager.id, role: 'staff', perChargeCap: 30_000, dailyCap: 90_000 },
      owner,
    );
    expect(updated).toMatchObject({ role: 'staff', perChargeCap: 30_000, dailyCap: 90_000, active: true });
    const refused = await desk.call(
      'updateOperator',
      { id: owner.operator?.id ?? 0, role: 'manager' },
      owner,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'LAST_OWNER' } });
    const badCaps = await desk.call(
      'updateOperator',
      { id: manager.id, perChargeCap: 100_000, dailyCap: 50_000 },
      owner,
    );
    expect(badCaps).toMatchObject({ ok: false, error: { code: 'CAP_INVALID' } });

    // Five wrong PINs lock the operator; a new PIN from the owner lifts the lock.
    const session = desk.session();
    for (let i = 0; i < 5; i++) await desk.call('signIn', { operatorId: manager.id, pin: '0000' }, session);
    expect((await desk.ok('listStaff', {}, owner)).find((s) => s.id === manager.id)?.locked).toBe(true);
    expect((await desk.ok('resetOperatorPin', { id: manager.id, pin: '97531' }, owner)).locked).toBe(false);
    await desk.ok('signIn', { operatorId: manager.id, pin: '97531' }, session);

    await desk.ok('updateOperator', { id: manager.id, active: false }, owner);
    expect((await desk.ok('listOperators', {}, desk.session())).map((o) => o.name)).toEqual(['대표']);
  });

  it('shows the audit trail filtered, exports it for Excel, and reports tampering plainly', async () => {
    const { desk, owner, manager } = await store();
    const all = await desk.ok('listAudit', { limit: 2 }, owner);
    expect(all.entries).toHaveLength(2);
    // More rows are left: the cursor is the last shown row's id.
    expect(all.next).toBe(all.entries[1]?.id);
    const older = await desk.ok('listAudit', { limit: 2, before: all.next ?? 0 }, owner);
    expect(older.entries.every((entry) => entry.id < (all.next ?? 0))).toBe(true);
    const byOwner = await desk.ok(
      'listAudit',
      { operatorId: owner.operator?.id ?? 0, action: 'operator' },
      owner,
    );
    expect(byOwner.entries.map((entry) => entry.action)).toContain('operator.create');
    expect(byOwner.entries.every((entry) => entry.action.startsWith('operator.'))).toBe(true);

    await desk.ok('editMember', { id: 1, name: '=HYPERLINK("http://evil")' }, owner);
    const csv = await desk.ok('exportAudit', {}, owner);
    expect(csv.csv.startsWith('\uFEFF번호,')).toBe(true);
    expect(csv.csv).not.toMatch(/,=HYPERLINK/);
    expect(csv.csv).toContain('settings.toss_secret_key_set');

    expect(await desk.ok('checkAudit', {}, owner)).toMatchObject({ ok: true, message: '변조 없음' });
    const db = desk.host.desk().ledger.db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = '누군가' WHERE id = 2").run();
    expect(await desk.ok('checkAudit', {}, owner)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(manager.role).toBe('manager');
  });
});
