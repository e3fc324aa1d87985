import { ledgerChargeLog } from './ledger-charge-log.ts';
import { scheduleRunner } from './schedule-runner.ts';
import { tossClientThroughput } from './toss-client-throughput.ts';
import { uiFirstScreen } from './ui-first-screen.ts';

/** `npm run bench`: one JSON line per benchmark on stdout. */
const benchmarks = [tossClientThroughput, ledgerChargeLog, scheduleRunner, uiFirstScreen];

for (const benchmark of benchmarks) {
  console.log(JSON.stringify(await benchmark()));
}
