import { readFileSync } from 'node:fs';
import { createBillingServices } from '../electron/core/billing/index.ts';
import { openLedger } from '../electron/core/ledger/index.ts';
import { createLogger } from '../electron/core/log/index.ts';
import { createScheduleRunner } from '../electron/core/schedule/index.ts';
import { createSealer } from '../electron/core/secrets/index.ts';
import { createTossClient } from '../electron/core/toss/index.ts';

/**
 * One measured configuration of the schedule runner benchmark (schedule-runner.ts), in its own
 * process so that its peak RSS (a lifetime maximum, see peakRssMB) is this run's alone and not the
 * seeding's or another configuration's. Opens the seeded ledger, times one `runDue()` against the
 * emulator, checks that every due period was charged exactly once (one DONE attempt, period
 * 'paid'), and prints one JSON line.
 *
 * Environment (made up by the parent; test-only values, never real secrets):
 *   BENCH_LEDGER, BENCH_DATA_KEY (base64), BENCH_TOSS_URL, BENCH_TOSS_KEY, BENCH_CONCURRENCY,
 *   BENCH_EXPECTED (number of due periods seeded)
 */
/**
 * This process's peak RSS so far, in MB. On Linux the high-water mark of its own memory
 * (VmHWM): `resourceUsage().maxRSS` (getrusage) starts from the parent's RSS at the fork and is
 * kept across exec, so a bench process grown by seeding would show through as this child's peak.
 */
function peakRssMB(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: maxRSS below.
  }
  return process.resourceUsage().maxRSS / 1024;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`schedule-runner-child: ${name} is not set`);
  return value;
};
const file = env('BENCH_LEDGER');
const dataKey = Buffer.from(env('BENCH_DATA_KEY'), 'base64');
const baseUrl = env('BENCH_TOSS_URL');
const secretKey = env('BENCH_TOSS_KEY');
const concurrency = Number(env('BENCH_CONCURRENCY'));
const expected = Number(env('BENCH_EXPECTED'));

const now = () => new Date();
const log = createLogger({ sink: (line) => process.stderr.write(`${line}\n`), now, level: 'warn' });
const ledger = openLedger(file);
const toss = createTossClient({ baseUrl, getSecretKey: () => secretKey, maxConnections: concurrency });
const billing = createBillingServices({
  ledger,
  sealer: createSealer(dataKey),
  toss,
  tossMode: 'test',
  now,
  log,
  actor: 'app',
});
// A variable rather than a literal, so the option type-checks whether or not the runner has a
// `ratePerSecond` option yet: where it does, 0 turns the limit off and this measures the runner.
const runnerOptions = { ledger, billing, now, log, concurrency, ratePerSecond: 0 };
const runner = createScheduleRunner(runnerOptions);

const rssBeforeMB = peakRssMB();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const summary = await runner.runDue();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const peakMB = peakRssMB();

const counts = ledger.db
  .prepare(
    `SELECT
       (SELECT count(*) FROM subscription_periods) AS periods,
       (SELECT count(*) FROM subscription_periods WHERE status = 'paid') AS paid,
       (SELECT count(*) FROM charge_attempts) AS attempts,
       (SELECT count(*) FROM charge_attempts WHERE status = 'DONE' AND attempt_no = 1) AS done,
       (SELECT count(DISTINCT subscription_period_id) FROM charge_attempts
          WHERE status = 'DONE') AS periodsWithDone`,
  )
  .get() as { periods: number; paid: number; attempts: number; done: number; periodsWithDone: number };
const verified =
  counts.periods === expected &&
  counts.paid === expected &&
  counts.attempts === expected &&
  counts.done === expected &&
  counts.periodsWithDone === expected &&
  summary.charged.DONE === expected &&
  summary.errors === 0;

await runner.stop();
await toss.close();
ledger.close();
process.stdout.write(
  `${JSON.stringify({ seconds, cpuMsPerCharge: (cpu.user + cpu.system) / 1000 / expected, rssBeforeMB, peakRssMB: peakMB, verified, counts, charged: summary.charged, errors: summary.errors })}\n`,
);
