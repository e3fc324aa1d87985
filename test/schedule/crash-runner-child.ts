import { createBillingServices } from '../../electron/core/billing/index.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { createScheduleRunner } from '../../electron/core/schedule/index.ts';
import { createSealer } from '../../electron/core/secrets/index.ts';
import { createTossClient } from '../../electron/core/toss/index.ts';

/**
 * Child process for the crash-safety test (crash-safety.test.ts): starts the way the app does
 * over the ledger named on the command line — reconciler first, then one due run of the schedule
 * runner (concurrency 4) against the emulator — and prints one JSON line per step. The parent
 * SIGKILLs it at random moments.
 *
 * Environment (all test-only values made up by the parent, never real secrets):
 *   CRASH_DATA_KEY   the ledger's data key, base64 (32 random bytes)
 *   CRASH_TOSS_URL   the emulator's base URL
 *   CRASH_TOSS_KEY   the emulator merchant's test secret key
 *
 * Exit codes: 0 when the run finished with nothing left to do (no attempt PENDING or UNKNOWN,
 * no due period 'pending' or 'charging'); 3 when it finished with something left (the parent
 * starts it again); anything else is a failure.
 */
const [file] = process.argv.slice(2);
const dataKey = process.env.CRASH_DATA_KEY;
const baseUrl = process.env.CRASH_TOSS_URL;
const tossKey = process.env.CRASH_TOSS_KEY;
if (!file || !dataKey || !baseUrl || !tossKey) {
  throw new Error(
    'usage: CRASH_DATA_KEY=… CRASH_TOSS_URL=… CRASH_TOSS_KEY=… crash-runner-child.ts <ledger file>',
  );
}

const say = (event: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ event, pid: process.pid, ...fields })}\n`);

const now = () => new Date();
const log = createLogger({
  // Warnings and errors go to stderr, so a failing test shows them; the rest is dropped.
  sink: (line) => process.stderr.write(`${line}\n`),
  now,
  level: 'warn',
});
const ledger = openLedger(file);
say('opened');
const toss = createTossClient({ baseUrl, getSecretKey: () => tossKey });
const services = createBillingServices({
  ledger,
  sealer: createSealer(Buffer.from(dataKey, 'base64')),
  toss,
  tossMode: 'test',
  now,
  log,
  // Short real waits: a request cut off by the last kill may still be held by the emulator's delay.
  retry: { maxTries: 6, baseDelayMs: 50, maxDelayMs: 1_000 },
  actor: 'app',
});
// A limit high enough to keep the test quick, yet on: a kill can land while attempts written ahead
// of their requests wait for a slot or a token (PENDING and marked sent, never sent), one more
// crash point for the reconciler to resolve.
const runner = createScheduleRunner({
  ledger,
  billing: services,
  now,
  log,
  concurrency: 4,
  ratePerSecond: 200,
});

const reconciled = await services.reconciler.reconcile();
say('reconciled', {
  checked: reconciled.checked,
  resolved: reconciled.resolved.length,
  needsReview: reconciled.needsReview.length,
});

const summary = await runner.runDue();
say('ran', { ...summary });

const left = ledger.db
  .prepare(
    `SELECT
       (SELECT count(*) FROM charge_attempts WHERE status IN ('PENDING', 'UNKNOWN')) AS unresolved,
       (SELECT count(*) FROM subscription_periods
          WHERE status IN ('pending', 'charging') AND due_at <= @asOf) AS open`,
  )
  .get({ asOf: summary.asOf }) as { unresolved: number; open: number };
say('left', left);

await runner.stop();
await toss.close();
ledger.close();
process.exitCode = left.unresolved === 0 && left.open === 0 && summary.errors === 0 ? 0 : 3;
