import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/core/desk/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { CARDS, sandboxPayments } from '../billing/harness.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { deskPerTest, ipcCard } from './desk-fixture.ts';

const sandbox = sandboxPerFile();
const newDesk = deskPerTest(sandbox);

const GOOD_CARD = { ...ipcCard(), password: '12' };
const DECLINED_CARD = { ...ipcCard(CARDS.softDecline), password: '12' };

function testKey(): string {
  return `test_sk_${randomUUID().replaceAll('-', '')}`;
}

const payments = () => sandboxPayments(sandbox);

/** An owner signed in with a secret key set, and a member with the good test card. */
async function storeWithMember() {
  const desk = await newDesk();
  const owner = desk.session();
  await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
  await desk.ok('setSecretKey', { secretKey: testKey() }, owner);
  const member = await desk.ok('createMember', { name: '홍길동', phone: '010-1234-5678' }, owner);
  const registration = await desk.ok('registerCard', { memberId: member.id, card: GOOD_CARD }, owner);
  return { desk, owner, member, registration };
}

describe('the desk API behind IPC', () => {
  it('starts with the owner setup, then knows who is signed in', async () => {
    const desk = await newDesk();
    const session = desk.session();
    const first = await desk.ok('getAppStatus', {}, session);
    expect(first).toMatchObject({
      needsOwner: true,
      operator: null,
      training: false,
      keyStatus: { configured: false, mode: null },
      launchAtLogin: false,
    });
    const owner = await desk.ok('createOwner', { name: '김대표', pin: '2580' }, session);
    expect(session.operator).toEqual(owner);
    expect(await desk.ok('getAppStatus', {}, session)).toMatchObject({ needsOwner: false, operator: owner });
    expect(await desk.ok('listOperators', {}, desk.session())).toEqual([owner]);
  });

  it('asks for a sign-in before anything protected, and refuses what the role may not do', async () => {
    const desk = await newDesk();
    const nobody = await desk.call('searchMembers', {}, desk.session());
    expect(nobody).toMatchObject({ ok: false, error: { code: 'SIGN_IN_REQUIRED' } });

    const staff = await desk.signedIn('staff');
    expect(await desk.ok('searchMembers', {}, staff)).toEqual([]);
    // Nobody is above the owner: "대표만", never "대표 이상만".
    for (const [channel, request, who] of [
      ['setSecretKey', { secretKey: testKey() }, '대표만 할 수 있습니다'],
      ['setTrainingMode', { enabled: true }, '대표만 할 수 있습니다'],
      ['archiveMember', { id: 1 }, '매니저 이상만 할 수 있습니다'],
    ] as const) {
      const refused = await desk.call(channel, request as never, staff);
      expect(refused, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(refused.ok ? '' : refused.error.message).toBe(
        `이 작업은 ${who}. 권한이 있는 직원이 로그인해 주세요.`,
      );
    }
    expect(await desk.ok('getAppStatus', {}, staff)).toMatchObject({ keyStatus: { configured: false } });

    await desk.ok('signOut', {}, staff);
    expect(await desk.call('searchMembers', {}, staff)).toMatchObject({
      error: { code: 'SIGN_IN_REQUIRED' },
    });
  });

  it('registers a card, shows it masked, charges once per request id, and refunds part of it', async () => {
    const { desk, owner, member, registration } = await storeWithMember();
    expect(registration.card).toMatchObject({ memberId: member.id, status: 'active' });
    expect(registration.card.maskedNumber).toContain('*');
    expect(JSON.stringify(registration)).not.toContain(GOOD_CARD.cardNumber);
    expect(JSON.stringify(registration)).not.toContain(GOOD_CARD.identity);

    const staff = await desk.signedIn('staff');
    const request = {
      memberId: member.id,
      amount: 55_000,
      orderName: '6월 회비',
      requestId: `charge-${randomUUID()}`,
    };
    const [first, second] = await Promise.all([
      desk.ok('charge', request, staff),
      desk.ok('charge', request, staff),
    ]);
    expect(first.status).toBe('DONE');
    expect(second.id).toBe(first.id);
    expect(first).toMatchObject({
      amount: 55_000,
      vat: 5_000,
      suppliedAmount: 50_000,
      operatorId: staff.operator?.id,
    });
    expect(await payments()).toHaveLength(1);

    const manager = await desk.signedIn('manager');
    const refund = await desk.ok(
      'refund',
      { chargeId: first.id, amount: 5_000, reason: '하루 이용 취소', requestId: `refund-${randomUUID()}` },
      manager,
    );
    expect(refund).toMatchObject({ status: 'DONE', balanceAfter: 50_000, chargeBalance: 50_000 });
    const detail = await desk.ok('getCharge', { id: first.id }, staff);
    expect(detail.refunds.map((r) => r.id)).toEqual([refund.id]);

    const shown = await desk.ok('getMember', { id: member.id }, staff);
    expect(shown.card?.maskedNumber).toBe(registration.card.maskedNumber);
    expect(shown.recentCharges.map((c) => [c.kind, c.id])).toEqual([
      ['refund', refund.id],
      ['manual', first.id],
    ]);
    // The member view carries no internal uid: the response schema strips what it does not name.
    expect(shown).not.toHaveProperty('uid');
    const log = await desk.ok('listCharges', { memberId: member.id }, owner);
    expect(log.entries.map((entry) => [entry.kind, entry.status])).toEqual([
      ['refund', 'DONE'],
      ['manual', 'DONE'],
    ]);
  });

  it('answers refusals as data, with Korean messages per field and never the card data', async () => {
    const { desk, owner, member } = await storeWithMember();
    const bad = await desk.call(
      'registerCard',
      { memberId: member.id, card: { ...GOOD_CARD, cardNumber: '94100012', identity: '9913' } },
      owner,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('CARD_INPUT_INVALID');
    expect(Object.keys(bad.error.details?.fields ?? {})).toEqual(
      expect.arrayContaining(['number', 'identity']),
    );
    expect(bad.error.message).toMatch(/[가-힣]/);
    expect(JSON.stringify(bad)).not.toContain('94100012');

    const declined = await desk.call('registerCard', { memberId: member.id, card: DECLINED_CARD }, owner);
    expect(declined.ok).toBe(true);
    const charge = await desk.ok(
      'charge',
      { memberId: member.id, amount: 1_000, orderName: '음료', requestId: `charge-${randomUUID()}` },
      owner,
    );
    expect(charge.status).toBe('DECLINED');
    expect(charge.tossMessage).toMatch(/[가-힣]/);
  });

  it('refuses a malformed payload before any handler runs, naming paths but no values', async () => {
    const { desk, owner, member } = await storeWithMember();
    const result = await desk.call(
      'registerCard',
      { memberId: member.id, card: { ...GOOD_CARD, cardNumber: 9410001234567890, cvc: '123' } } as never,
      owner,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (result.ok) return;
    expect(result.error.details?.issues?.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['card.cardNumber', 'card']),
    );
    expect(JSON.stringify(result)).not.toContain('9410001234567890');
    expect(JSON.stringify(result)).not.toContain('123"');
    expect(await desk.call('nope' as never, {} as never, owner)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('turns an unexpected failure into INTERNAL with a fixed message, and logs it', async () => {
    const { desk, owner } = await storeWithMember();
    const lines: string[] = [];
    const failing = createDispatch(
      {
        ...desk.api,
        searchMembers: () => {
          throw new Error('SQLITE_IOERR: disk I/O error at /home/store/ledger.sqlite');
        },
      },
      createLogger({ sink: (line) => lines.push(line), now: () => new Date(), level: 'error' }),
    );
    const result = await failing('searchMembers', {}, owner);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (result.ok) return;
    expect(result.error.message).toContain('예상하지 못한 오류');
    expect(JSON.stringify(result)).not.toContain('ledger.sqlite');
    expect(lines.some((line) => line.includes('channel failed') && line.includes('SQLITE_IOERR'))).toBe(true);
  });

  it('audits settings changes and never returns the secret key', async () => {
    const desk = await newDesk();
    const owner = desk.session();
    await desk.ok('createOwner', { name: '대표', pin: '135790' }, owner);
    const key = testKey();
    const status = await desk.ok('setSecretKey', { secretKey: key }, owner);
    expect(status).toEqual({ configured: true, mode: 'test' });
    expect(await desk.ok('setLaunchAtLogin', { enabled: true }, owner)).toMatchObject({
      launchAtLogin: true,
    });
    expect(await desk.ok('clearSecretKey', {}, owner)).toEqual({ configured: false, mode: null });
    const actions = desk.host
      .desk()
      .ledger.db.prepare("SELECT action, details FROM audit_log WHERE subject = 'settings' ORDER BY id")
      .all() as { action: string; details: string }[];
    expect(actions.map((row) => row.action)).toEqual([
      'settings.toss_secret_key_set',
      'settings.launch_at_login',
      'settings.toss_secret_key_cleared',
    ]);
    expect(JSON.stringify(actions)).not.toContain(key);
    expect(desk.lines.join('\n')).not.toContain(key);
  });

  it('switches to training data and back without mixing the two', async () => {
    const { desk, owner, member } = await storeWithMember();
    const status = await desk.ok('setTrainingMode', { enabled: true }, owner);
    expect(status).toMatchObject({ training: true, operator: null, needsOwner: true });
    expect(owner.operator).toBeNull();
    const trainee = desk.session();
    await desk.ok('createOwner', { name: '연습', pin: '5831' }, trainee);
    expect(await desk.ok('searchMembers', {}, trainee)).toEqual([]);
    await desk.ok('setTrainingMode', { enabled: false }, trainee);
    const back = desk.session();
    const operators = await desk.ok('listOperators', {}, back);
    expect(operators.map((operator) => operator.name)).toEqual(['대표']);
    await desk.ok('signIn', { operatorId: operators[0]?.id ?? 0, pin: '135790' }, back);
    expect((await desk.ok('searchMembers', {}, back)).map((m) => m.id)).toEqual([member.id]);
  });

  it('runs due subscription charges on demand', async () => {
    const { desk, owner, member } = await storeWithMember();
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 80_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '09:00' },
      owner,
    );
    const subscription = await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: plan.id, anchorDate: '2026-11-29' },
      owner,
    );
    expect(subscription.status).toBe('active');
    // Today's 09:00 charge is already due (the run below takes it); the 40 days ahead hold the next.
    const upcoming = await desk.ok('upcoming', { days: 40 }, owner);
    expect(upcoming.total).toEqual({ count: 1, amount: 80_000 });
    expect(upcoming.byDay.map((day) => day.date)).toEqual(['2026-12-29']);
    const summary = await desk.ok('runDueNow', {}, owner);
    expect(summary.charged.DONE).toBe(1);
    expect((await payments()).map((p) => p.totalAmount)).toEqual([80_000]);
  });

  it('pages through members in name order, and filters the charge log by kind', async () => {
    const { desk, owner, member } = await storeWithMember();
    for (const name of ['가영', '나영', '다영']) await desk.ok('createMember', { name }, owner);
    const first = await desk.ok('searchMembers', { limit: 2 }, owner);
    const second = await desk.ok('searchMembers', { limit: 2, offset: 2 }, owner);
    expect([...first, ...second].map((m) => m.name)).toEqual(['가영', '나영', '다영', '홍길동']);

    await desk.ok(
      'charge',
      { memberId: member.id, amount: 1_000, orderName: '음료', requestId: randomUUID() },
      owner,
    );
    const plan = await desk.ok(
      'createPlan',
      { name: '월 회원권', amount: 50_000, intervalUnit: 'month', intervalCount: 1, chargeTime: '09:00' },
      owner,
    );
    const subscription = await desk.ok(
      'subscribe',
      { consent: { method: 'in-person' }, memberId: member.id, planId: plan.id, anchorDate: '2026-11-29' },
      owner,
    );
    await desk.ok('runDueNow', {}, owner);
    const manual = await desk.ok('listCharges', { kind: 'manual' }, owner);
    const scheduled = await desk.ok('listCharges', { kind: 'scheduled' }, owner);
    expect(manual.entries.map((entry) => entry.amount)).toEqual([1_000]);
    expect(scheduled.entries.map((entry) => entry.amount)).toEqual([50_000]);

    // A decrease applies from the next period (a raise waits for consent); a staff session may not make it.
    const changed = await desk.ok('changeSubscriptionPrice', { id: subscription.id, amount: 45_000 }, owner);
    expect(changed.amount).toBe(45_000);
    const staff = await desk.signedIn('staff');
    expect(
      await desk.call('changeSubscriptionPrice', { id: subscription.id, amount: 100 }, staff),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});
