import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import type { Ledger } from '../../electron/core/ledger/index.ts';
import { addFault, expectLedgerAgreesWithToss, sandboxPayments } from '../billing/harness.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { attemptsOf, periodsOf } from './runner-harness.ts';
import { seedDueSubscriptions } from './seed-due-subscriptions.ts';

/**
 * Crash safety (issue 5, design.md invariant 4): the schedule runner runs in a child process over
 * 300 due subscriptions against the emulator with latency on every charge, is SIGKILLed at random
 * moments for several rounds, and is then started until a run completes. Afterwards every period
 * has exactly one attempt: DONE with exactly one approval at the emulator, or DECLINED with none;
 * nothing is PENDING or UNKNOWN, no due period is left 'pending' or 'charging', SQLite's
 * integrity check passes and the audit chain verifies.
 *
 * The kill moments come from a seeded generator; the seed is printed, and CRASH_SEED=<seed>
 * replays the same schedule of kills (the emulator's latency and the OS still vary a little).
 */

const CHILD = fileURLToPath(new URL('./crash-runner-child.ts', import.meta.url));
const MEMBERS = 300;
/** Every DECLINE_EVERY-th member has a card that is declined at charge time. */
const DECLINE_EVERY = 30;
const KILL_ROUNDS = 5;
const KILL_AFTER_MS = { min: 100, max: 1_500 };
/** Starts after the kills, each of which must end in exit 0 (done) or 3 (something left, go on). */
const MAX_FINISHING_RUNS = 6;
const CHARGE_DELAY_MS = 40;

const sandbox = sandboxPerFile();
const temp = tempLedgers();

/** mulberry32: small, seedable, good enough to spread kill moments. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly events: Record<string, unknown>[];
  readonly stderr: string;
}

/** Runs the child once; with killAfterMs, SIGKILLs it that long after it says it opened the ledger. */
function runChild(file: string, env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CHILD, file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: Record<string, unknown>[] = [];
    let stderr = '';
    let stdout = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (let nl = stdout.indexOf('\n'); nl >= 0; nl = stdout.indexOf('\n')) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        if (event.event === 'opened' && killAfterMs !== undefined) {
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, events, stderr });
    });
  });
}

function ledgerChecks(ledger: Ledger) {
  return {
    integrity: ledger.db.pragma('integrity_check', { simple: true }),
    reconcilerRows: (
      ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE actor = 'reconciler'").get() as {
        n: number;
      }
    ).n,
  };
}

describe('schedule runner: crash safety', () => {
  it('SIGKILLed at random moments and restarted, it charges each of 300 due periods exactly once', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`crash-safety seed: ${seed} (replay with CRASH_SEED=${seed})`);
    const random = seeded(seed);

    const file = path.join(await temp.dir(), 'ledger.sqlite');
    const dataKey = randomBytes(32);
    sandbox.client(); // makes this test's merchant key
    const secretKey = sandbox.secretKey;
    const decliners = await seedDueSubscriptions({
      file,
      dataKey,
      // The client is closed by the sandbox fixture after the test.
      toss: sandbox.client({ getSecretKey: () => secretKey }),
      members: MEMBERS,
      declines: (n) => n % DECLINE_EVERY === 0,
    });
    // Latency on every charge (after the emulator's idempotency claim), so kills land mid-request.
    await addFault(
      sandbox,
      'delay',
      { method: 'POST', path: '/v1/billing/*' },
      {
        delayMs: CHARGE_DELAY_MS,
        times: 1_000_000,
      },
    );

    const env = {
      CRASH_DATA_KEY: dataKey.toString('base64'),
      CRASH_TOSS_URL: sandbox.url,
      CRASH_TOSS_KEY: secretKey,
    };
    const rounds: string[] = [];
    let killed = 0;
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      const after = Math.round(KILL_AFTER_MS.min + random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min));
      const result = await runChild(file, env, after);
      if (result.signal === 'SIGKILL') killed++;
      else expect([0, 3], `kill round ${round} ended on its own: ${result.stderr}`).toContain(result.code);
      rounds.push(
        `kill round ${round}: after ${after} ms → ${result.signal ?? `exit ${result.code}`}; ${JSON.stringify(result.events.slice(1))}`,
      );
    }
    let finished = false;
    for (let run = 1; run <= MAX_FINISHING_RUNS && !finished; run++) {
      const result = await runChild(file, env);
      rounds.push(`finishing run ${run}: exit ${result.code}; ${JSON.stringify(result.events.slice(1))}`);
      expect([0, 3], `finishing run ${run} failed: ${result.stderr}`).toContain(result.code);
      finished = result.code === 0;
    }
    console.log(rounds.join('\n'));
    expect(killed, 'the kills interrupted running children').toBeGreaterThan(0);
    expect(finished, `a run completed within ${MAX_FINISHING_RUNS} starts`).toBe(true);

    const ledger = temp.open(file);
    const periods = periodsOf(ledger);
    const attempts = attemptsOf(ledger);
    const payments = await sandboxPayments(sandbox);
    const checks = ledgerChecks(ledger);
    console.log(
      `crash-safety: ${killed} kills, ${attempts.length} attempts, ${payments.length} payments, ` +
        `${checks.reconcilerRows} audit rows by the reconciler`,
    );

    expect(checks.integrity).toBe('ok');
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });

    // One period per subscription, each settled: paid, or failed for the declining cards.
    expect(periods).toHaveLength(MEMBERS);
    expect(new Set(periods.map((p) => p.subscriptionId)).size).toBe(MEMBERS);
    for (const period of periods) {
      expect(period, `period ${period.id}`).toMatchObject({
        periodIndex: 0,
        status: decliners.has(period.subscriptionId) ? 'failed' : 'paid',
      });
    }

    // One attempt per period, nothing left PENDING or UNKNOWN.
    expect(attempts).toHaveLength(MEMBERS);
    expect(attempts.filter((a) => a.status === 'PENDING' || a.status === 'UNKNOWN')).toEqual([]);
    const byPeriod = new Map(periods.map((p) => [p.id, p]));
    expect(new Set(attempts.map((a) => a.periodId)).size).toBe(MEMBERS);
    for (const attempt of attempts) {
      const period = attempt.periodId === null ? undefined : byPeriod.get(attempt.periodId);
      expect(period, `attempt ${attempt.id} belongs to a period`).toBeDefined();
      if (!period) continue;
      expect(attempt, `attempt ${attempt.id}`).toMatchObject({
        attemptNo: 1,
        kind: 'scheduled',
        amount: period.amount,
        status: decliners.has(period.subscriptionId) ? 'DECLINED' : 'DONE',
      });
    }

    // Exactly one approval at the emulator per DONE attempt, none for a declined one, no others.
    const done = attempts.filter((a) => a.status === 'DONE');
    expect(done).toHaveLength(MEMBERS - decliners.size);
    const approvals = new Map<string, number>();
    for (const payment of payments) approvals.set(payment.orderId, (approvals.get(payment.orderId) ?? 0) + 1);
    expect([...approvals].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...approvals.keys()].sort()).toEqual(done.map((a) => a.orderId).sort());
    expect(payments.every((p) => p.status === 'DONE')).toBe(true);
    // And the rest of the story agrees: paymentKeys, amounts and balances.
    await expectLedgerAgreesWithToss(sandbox, ledger);
  }, 90_000);
});
