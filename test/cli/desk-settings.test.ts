import { describe, expect, it } from 'vitest';
import { ledgerFileIn } from '../../electron/core/app-paths.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { cliStorePerFile } from './cli-store.ts';
import { CLI_TEST_CARD as CARD } from './run-desk.ts';

const SECRET = 'test_sk_cliSettingsFlow0123456789';

describe('desk settings: the owner rules of the app, for scripts', () => {
  const { deskJson: desk, dataDir, sandboxUrl } = cliStorePerFile('autopay-cli-settings-', SECRET);
  const auditActions = () => {
    const ledger = openLedger(ledgerFileIn(dataDir()));
    try {
      return ledger.db
        .prepare("SELECT actor, action, details FROM audit_log WHERE subject = 'settings' ORDER BY id")
        .all() as { actor: string; action: string; details: string }[];
    } finally {
      ledger.close();
    }
  };

  it('shows and sets the settings, audited, and refuses a bad change as a whole', async () => {
    expect((await desk(['settings', 'show'])).json).toEqual({
      catchUpThresholdDays: 3,
      retryDays: [1, 3, 7],
      timeZone: 'Asia/Seoul',
      defaultRunTime: '10:00',
      keyInEnabled: true,
    });
    const bad = await desk(['settings', 'set', '--retry-days', '3,1', '--catch-up-days', '9']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('재시도 날짜는 작은 수부터');
    const unknownZone = await desk(['settings', 'set', '--time-zone', 'Mars/Olympus']);
    expect(unknownZone.code).toBe(1);
    expect((await desk(['settings', 'set', '--key-in', 'maybe'])).code).toBe(2);

    const set = await desk([
      'settings',
      'set',
      '--catch-up-days',
      '60',
      '--retry-days',
      '2,4',
      '--run-time',
      '09:30',
    ]);
    expect(set.stderr).toBe('');
    expect(set.json).toEqual({
      catchUpThresholdDays: 60,
      retryDays: [2, 4],
      timeZone: 'Asia/Seoul',
      defaultRunTime: '09:30',
      keyInEnabled: true,
    });
    expect(
      auditActions().map(({ actor, action, details }) => ({ actor, action, details: JSON.parse(details) })),
    ).toEqual([
      {
        actor: 'CLI',
        action: 'settings.schedule',
        details: {
          catchUpThresholdDays: 60,
          retryDays: [2, 4],
          timeZone: 'Asia/Seoul',
          defaultRunTime: '09:30',
          subscriptionsMoved: 0,
        },
      },
    ]);
  });

  it("run-due follows the owner's catch-up threshold, as the app does", async () => {
    expect((await desk(['settings', 'set', '--catch-up-days', '60'])).code).toBe(0);
    const member = (await desk(['member', 'add', '--name', '한지민'])).json;
    expect((await desk(['card', 'register', '--member', String(member.id)], JSON.stringify(CARD))).code).toBe(
      0,
    );
    const plan = (await desk(['plan', 'add', '--name', '요가', '--amount', '55000', '--every', '1m'])).json;
    const subscribed = await desk([
      'subscribe',
      '--member',
      String(member.id),
      '--plan',
      String(plan.id),
      '--anchor',
      '2026-01-10',
      '--consent',
      'in-person',
    ]);
    expect(subscribed.code).toBe(0);
    // Jan 10 and Feb 10 are within 60 days of Mar 9: charged, not queued for a manager (with
    // the default of 3 days both would wait).
    const run = await desk(['run-due', '--now', '2026-03-09T12:00:00+09:00']);
    expect(run.stderr).toBe('');
    expect(run.json).toMatchObject({ materialized: 2, awaitingConfirmation: 0, charged: { DONE: 2 } });
  });

  it('key-in switched off refuses card registration by the CLI too', async () => {
    const off = await desk(['settings', 'set', '--key-in', 'off']);
    expect(off.json).toMatchObject({ keyInEnabled: false });
    expect(auditActions().at(-1)).toMatchObject({ actor: 'CLI', action: 'settings.key_in_enabled' });
    const member = (await desk(['member', 'add', '--name', '이키인'])).json;
    const refused = await desk(['card', 'register', '--member', String(member.id)], JSON.stringify(CARD));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('토스 카드 등록 창으로만');
    expect((await desk(['settings', 'set', '--key-in', 'on'])).json).toMatchObject({ keyInEnabled: true });
  });

  it('refuses a charge while the member has one whose outcome is unknown, with its own exit code', async () => {
    const member = (await desk(['member', 'add', '--name', '미확인'])).json;
    expect((await desk(['card', 'register', '--member', String(member.id)], JSON.stringify(CARD))).code).toBe(
      0,
    );
    await fetch(`${sandboxUrl()}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        match: { method: 'POST', path: '/v1/billing/*' },
        fault: 'status-500',
        times: 1,
      }),
    });
    const charge = ['charge', '--member', String(member.id), '--amount', '9000', '--order-name', '음료'];
    const first = await desk(charge);
    expect(first.json).toMatchObject({ status: 'UNKNOWN' });
    const second = await desk(charge);
    expect(second.code).toBe(3);
    expect(second.stdout).toBe('');
    expect(second.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^UNRESOLVED_CHARGE: 이전 결제의 결과를 아직 모릅니다/),
    ]);
  });
});
