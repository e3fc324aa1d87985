import { ledgerChargeLog } from './ledger-charge-log.ts';
import { scheduleRunner } from './schedule-runner.ts';
import { tossClientThroughput } from './toss-client-throughput.ts';
import { uiFirstScreen } from './ui-first-screen.ts';

/** `npm run bench`: one JSON line per benchmark on stdout. BENCH_ONLY=<name>[,…] runs only those. */
const benchmarks = [tossClientThroughput, ledgerChargeLog, scheduleRunner, uiFirstScreen];
const only = process.env.BENCH_ONLY?.split(',');

for (const benchmark of benchmarks.filter((b) => !only || only.includes(b.name))) {
  console.log(JSON.stringify(await benchmark()));
}
