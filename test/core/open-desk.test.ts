import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterRun, type Desk, openDesk } from '../../electron/core/desk/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { CARDS, cardInput } from '../billing/harness.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const sandbox = sandboxPerFile();
const opened: { desk: Desk; dir: string }[] = [];
afterEach(async () => {
  for (const { desk, dir } of opened.splice(0)) {
    await desk.close();
    await rm(dir, { recursive: true, force: true });
  }
});

async function deskWithKey(): Promise<Desk> {
  const dir = await mkdtemp(path.join(tmpdir(), 'autopay-open-desk-'));
  const desk = await openDesk({
    dataDir: dir,
    secretStore: createMemorySecretStore(),
    tossBaseUrl: sandbox.url,
    now: () => new Date(),
    log: createLogger({ sink: () => undefined, now: () => new Date(), level: 'error' }),
    setTimer: () => 0,
    clearTimer: () => undefined,
    scheduleLoop: false,
  });
  opened.push({ desk, dir });
  await desk.secrets.setTossSecretKey(`test_sk_${randomUUID().replaceAll('-', '')}`);
  await desk.reload();
  return desk;
}

const CHARGE_PATH = { method: 'POST', path: '/v1/billing/*' };

describe('one open desk', () => {
  it('keeps the charges in flight across reload(): the new reconciler leaves them to the old one', async () => {
    const desk = await deskWithKey();
    const member = desk.billing().members.create({ name: '회원', phone: '010-4000-0001' });
    await desk.billing().cards.register({ memberId: member.id, card: cardInput() });
    await sandbox.control('POST', '/__sandbox/faults', {
      match: CHARGE_PATH,
      fault: 'reset-before',
      times: 1,
    });
    const charge = await desk
      .billing()
      .charges.charge({ memberId: member.id, amount: 9_000, orderName: '음료' });
    expect(charge.status).toBe('UNKNOWN');

    // The resend is held at Toss while the settings change rebuilds the services.
    await sandbox.control('POST', '/__sandbox/faults', {
      match: CHARGE_PATH,
      fault: 'delay',
      delayMs: 1_500,
      times: 1,
    });
    const first = desk.billing().reconciler.reconcile();
    await desk.reload();
    const second = await desk.billing().reconciler.reconcile();
    expect(second).toMatchObject({ checked: 0, inFlight: 1 });
    expect((await first).resolved).toMatchObject([{ id: charge.id, to: 'DONE', via: 'resend' }]);
    const payments = (await sandbox.control('GET', '/__sandbox/payments')) as unknown[];
    expect(payments).toHaveLength(1);
  });
});

describe('after a run', () => {
  it('tells the OS names and amounts only while someone is signed in', async () => {
    const desk = await deskWithKey();
    const member = desk.billing().members.create({ name: '김민지', phone: '010-4000-0002' });
    await desk.billing().cards.register({ memberId: member.id, card: cardInput(CARDS.softDecline) });
    const plan = desk.plans.create({
      name: '월회비',
      amount: 55_000,
      intervalUnit: 'month',
      intervalCount: 1,
      chargeTime: '00:00',
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    desk.subscriptions.create({
      memberId: member.id,
      planId: plan.id,
      anchorDate: today,
      consent: { method: 'in-person' },
    });
    const startedAt = Date.now();
    const summary = await desk.runDue();
    expect(summary.charged.DECLINED).toBe(1);

    const signedOut = afterRun(desk, startedAt, false);
    expect(signedOut).toEqual({
      notices: [{ kind: 'needs-check', count: 1 }],
      chargeResults: [],
      attention: { catchUps: 0, needsReview: 0 },
    });
    expect(JSON.stringify(signedOut)).not.toContain('김민지');
    const signedIn = afterRun(desk, startedAt, true);
    expect(signedIn.notices).toEqual([
      expect.objectContaining({ kind: 'charge', memberName: '김민지', amount: 55_000, status: 'DECLINED' }),
    ]);
    expect(signedIn.chargeResults).toEqual([expect.objectContaining({ memberName: '김민지' })]);
  });
});
