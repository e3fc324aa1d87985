import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BillingKeyRef, createTossClient, type TossClient } from '../electron/core/toss/index.ts';
import { seedDueSubscriptions } from '../test/schedule/seed-due-subscriptions.ts';
import { type SandboxProcess, startSandboxProcess } from './sandbox-process.ts';

/**
 * Schedule runner benchmark (issue 5): N due monthly subscriptions (default 10,000;
 * BENCH_SUBSCRIPTIONS=<n> lowers it for quick runs) charged by one `runDue()` against the
 * emulator, at 0 ms and 50 ms of emulator latency per charge × concurrency 4 and 16. Each
 * configuration gets a fresh ledger (a real SQLite file in a temp dir) and an emptied emulator,
 * seeded with members whose cards are registered through the billing services. The run itself
 * happens in a child process (schedule-runner-child.ts), so its peak RSS is its own; the child
 * verifies every period ended 'paid' with exactly one DONE attempt, so a broken runner cannot
 * post a good number. Then a bare loop sends the same number of charges with
 * `createTossClient().chargeBillingKey` over the same billing keys, at the same concurrency and
 * latency, without the ledger.
 *
 * Targets (issue 16), per configuration: at 0 ms the runner keeps ≥ 0.7 of the bare loop's rate
 * (while committing every attempt durably before and after its request); at 50 ms the run takes
 * within 10% of N × latency / concurrency; the run costs the child at most 0.5 ms of CPU per
 * charge (process.cpuUsage() around runDue()); the child's peak RSS stays at most 200 MB, and at
 * 0 ms grows by at most 30 MB from a run over 1,000 subscriptions (seeded and run the same way
 * beside it) to the run over N: a run must not hold a promise, row or closure per subscription.
 * bench/PROFILING.md says how to find where the time and memory go.
 *
 * Time: at 50 ms the run is bound by physics, not by the code. At concurrency 4, 10,000 charges take
 * ≥ 10,000 × 50 ms / 4 = 125 s, and the bare loop as long again; at 16, ≥ 31 s each. With the
 * seeding (10,000 card registrations per configuration) the full benchmark takes several minutes.
 *
 * Caveat: the emulator keeps every payment in memory, so the bare loop (which runs after the
 * runner) meets an emulator holding N more payments than the runner did.
 */
const CHILD = fileURLToPath(new URL('./schedule-runner-child.ts', import.meta.url));
// BENCH_LATENCIES / BENCH_CONCURRENCIES (comma-separated) pick configurations for quick runs.
const LATENCIES_MS = listFromEnv('BENCH_LATENCIES', [0, 50]);
const CONCURRENCIES = listFromEnv('BENCH_CONCURRENCIES', [4, 16]);
const ZERO_LATENCY_RATIO_TARGET = 0.7;
const LATENCY_TOLERANCE = 0.1;
const CPU_MS_PER_CHARGE_TARGET = 0.5;
const PEAK_RSS_MB_TARGET = 200;
/** The smaller run RSS growth is measured from, and the most the N run may add to its peak. */
const SMALL_RUN = 1_000;
const RSS_GROWTH_MB_TARGET = 30;

export async function scheduleRunner(): Promise<Record<string, unknown>> {
  const subscriptions = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10_000);
  if (!Number.isSafeInteger(subscriptions) || subscriptions < 1) {
    throw new RangeError('BENCH_SUBSCRIPTIONS must be a positive integer');
  }
  const sandbox = await startSandboxProcess();
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-schedule-runner-'));
  const configurations: Record<string, unknown>[] = [];
  try {
    for (const latencyMs of LATENCIES_MS) {
      for (const concurrency of CONCURRENCIES) {
        configurations.push(
          await measure(sandbox, path.join(dir, `ledger-${latencyMs}ms-c${concurrency}.sqlite`), {
            subscriptions,
            latencyMs,
            concurrency,
          }),
        );
      }
    }
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    bench: 'schedule-runner',
    subscriptions,
    configurations,
    meetsTarget: configurations.every((c) => c.meetsTarget === true && c.verified === true),
  };
}

interface Configuration {
  readonly subscriptions: number;
  readonly latencyMs: number;
  readonly concurrency: number;
}

async function measure(
  sandbox: SandboxProcess,
  file: string,
  { subscriptions, latencyMs, concurrency }: Configuration,
): Promise<Record<string, unknown>> {
  await control(sandbox, '/__sandbox/reset');
  // Before the N run's seeding, so the emulator holds no more than it will for the N run. Under
  // another merchant (its own secret key), whose payments the N run's check does not count.
  const small =
    latencyMs === 0 && subscriptions > SMALL_RUN
      ? await seedAndRun(sandbox, file.replace(/\.sqlite$/, '-small.sqlite'), SMALL_RUN, concurrency)
      : undefined;
  const secretKey = `test_sk_bench${randomUUID().replaceAll('-', '')}`;
  const dataKey = randomBytes(32);
  const seedStarted = performance.now();
  const keys = await seedLedger(sandbox, file, dataKey, secretKey, subscriptions);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // After seeding: the glob's `*` also matches /v1/billing/authorizations/card, so the delay is
  // added only once the cards are registered. It delays the runner's and the bare loop's charges.
  if (latencyMs > 0) {
    await control(sandbox, '/__sandbox/faults', {
      match: { method: 'POST', path: '/v1/billing/*' },
      fault: 'delay',
      delayMs: latencyMs,
      times: 1_000_000,
    });
  }

  const run = await runChild({
    file,
    dataKey,
    url: sandbox.url,
    secretKey,
    concurrency,
    expected: subscriptions,
  });
  // The emulator agrees: exactly one approved payment per subscription so far.
  const payments = (await control(sandbox, '/__sandbox/payments', undefined, 'GET', secretKey)) as {
    status: string;
  }[];
  const emulatorAgrees =
    payments.length === subscriptions && payments.every((payment) => payment.status === 'DONE');

  const bareCpuBefore = process.cpuUsage();
  const bareSeconds = await bareLoop(sandbox.url, secretKey, keys, concurrency);
  const bareCpu = process.cpuUsage(bareCpuBefore);

  const chargesPerSecond = subscriptions / run.seconds;
  const bareChargesPerSecond = subscriptions / bareSeconds;
  const ratio = chargesPerSecond / bareChargesPerSecond;
  const result: Record<string, unknown> = {
    latencyMs,
    concurrency,
    seedSeconds: round(seedSeconds, 1),
    seconds: round(run.seconds, 2),
    cpuMsPerCharge: round(run.cpuMsPerCharge, 3),
    bareCpuMsPerCharge: round((bareCpu.user + bareCpu.system) / 1000 / subscriptions, 3),
    chargesPerSecond: Math.round(chargesPerSecond),
    bareSeconds: round(bareSeconds, 2),
    bareChargesPerSecond: Math.round(bareChargesPerSecond),
    ratio: round(ratio, 3),
    peakRssMB: Math.round(run.peakRssMB),
    rssBeforeRunMB: Math.round(run.rssBeforeMB),
    verified: run.verified && emulatorAgrees && (small?.verified ?? true),
  };
  const targets = [`cpuMsPerCharge <= ${CPU_MS_PER_CHARGE_TARGET}`, `peakRssMB <= ${PEAK_RSS_MB_TARGET}`];
  let meetsTarget = run.cpuMsPerCharge <= CPU_MS_PER_CHARGE_TARGET && run.peakRssMB <= PEAK_RSS_MB_TARGET;
  if (small) {
    const growth = run.peakRssMB - small.peakRssMB;
    result.smallRunPeakRssMB = Math.round(small.peakRssMB);
    result.rssGrowthMB = Math.round(growth);
    targets.push(`rssGrowthMB (from ${SMALL_RUN} subscriptions) <= ${RSS_GROWTH_MB_TARGET}`);
    meetsTarget &&= growth <= RSS_GROWTH_MB_TARGET;
  }
  if (latencyMs === 0) {
    targets.unshift(`ratio >= ${ZERO_LATENCY_RATIO_TARGET}`);
    meetsTarget &&= ratio >= ZERO_LATENCY_RATIO_TARGET;
  } else {
    const expectedSeconds = (subscriptions * latencyMs) / 1000 / concurrency;
    result.expectedSeconds = round(expectedSeconds, 2);
    targets.unshift(`seconds <= ${1 + LATENCY_TOLERANCE} × expectedSeconds`);
    meetsTarget &&= run.seconds <= expectedSeconds * (1 + LATENCY_TOLERANCE);
  }
  result.target = targets.join(', ');
  result.meetsTarget = meetsTarget;
  if (!run.verified || !emulatorAgrees) {
    result.problem = {
      counts: run.counts,
      charged: run.charged,
      errors: run.errors,
      payments: payments.length,
    };
  }
  return result;
}

/** Seeds a ledger with `subscriptions` due ones and runs the child over it, at 0 ms. */
async function seedAndRun(
  sandbox: SandboxProcess,
  file: string,
  subscriptions: number,
  concurrency: number,
): Promise<ChildReport> {
  const secretKey = `test_sk_bench${randomUUID().replaceAll('-', '')}`;
  const dataKey = randomBytes(32);
  await seedLedger(sandbox, file, dataKey, secretKey, subscriptions);
  return runChild({ file, dataKey, url: sandbox.url, secretKey, concurrency, expected: subscriptions });
}

/**
 * Seeds the ledger (seed-due-subscriptions.ts: N members with good cards and a subscription due
 * now) and returns the billing keys as the emulator issued them, for the bare loop.
 */
async function seedLedger(
  sandbox: SandboxProcess,
  file: string,
  dataKey: Buffer,
  secretKey: string,
  subscriptions: number,
): Promise<BillingKeyRef[]> {
  const client = createTossClient({ baseUrl: sandbox.url, getSecretKey: () => secretKey });
  const keys: BillingKeyRef[] = [];
  const toss: TossClient = {
    ...client,
    async issueBillingKeyWithCard(body, options) {
      const billing = await client.issueBillingKeyWithCard(body, options);
      keys.push({ billingKey: billing.billingKey, customerKey: body.customerKey });
      return billing;
    },
  };
  try {
    await seedDueSubscriptions({ file, dataKey, toss, members: subscriptions });
  } finally {
    await client.close();
  }
  if (keys.length !== subscriptions)
    throw new Error(`seeded ${keys.length} cards, expected ${subscriptions}`);
  return keys;
}

/** Seconds for `concurrency` workers to send one charge per billing key through the Toss client. */
async function bareLoop(
  baseUrl: string,
  secretKey: string,
  keys: readonly BillingKeyRef[],
  concurrency: number,
): Promise<number> {
  const client = createTossClient({ baseUrl, getSecretKey: () => secretKey, maxConnections: concurrency });
  try {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < keys.length; i = next++) {
        const key = keys[i] as BillingKeyRef;
        const payment = await client.chargeBillingKey(
          key,
          {
            amount: 10_000 + (i % 1_000),
            orderId: `bench_${randomUUID().replaceAll('-', '')}`,
            orderName: '월 회비',
          },
          { idempotencyKey: randomUUID() },
        );
        if (payment.status !== 'DONE') throw new Error(`bare charge ended ${payment.status}`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return (performance.now() - started) / 1000;
  } finally {
    await client.close();
  }
}

interface ChildReport {
  seconds: number;
  /** The child's user + system CPU during runDue(), per charge (process.cpuUsage()). */
  cpuMsPerCharge: number;
  rssBeforeMB: number;
  peakRssMB: number;
  verified: boolean;
  counts: unknown;
  charged: unknown;
  errors: number;
}

interface ChildRun {
  readonly file: string;
  readonly dataKey: Buffer;
  readonly url: string;
  readonly secretKey: string;
  readonly concurrency: number;
  /** Due periods seeded. */
  readonly expected: number;
}

function runChild({ file, dataKey, url, secretKey, concurrency, expected }: ChildRun): Promise<ChildReport> {
  const env = {
    BENCH_LEDGER: file,
    BENCH_DATA_KEY: dataKey.toString('base64'),
    BENCH_TOSS_URL: url,
    BENCH_TOSS_KEY: secretKey,
    BENCH_CONCURRENCY: String(concurrency),
    BENCH_EXPECTED: String(expected),
  };
  return new Promise((resolve, reject) => {
    // BENCH_CHILD_FLAGS: Node flags for the measured child only, e.g. `--cpu-prof` (bench/PROFILING.md).
    const flags = process.env.BENCH_CHILD_FLAGS?.split(' ').filter(Boolean) ?? [];
    // BENCH_CHILD_WRAP: a command the child runs under, e.g. `perf record -o /tmp/perf.data` or
    // `strace -c -f -o /tmp/syscalls.txt` (bench/PROFILING.md).
    const wrap = process.env.BENCH_CHILD_WRAP?.split(' ').filter(Boolean) ?? [];
    const [command = process.execPath, ...args] = [...wrap, process.execPath, ...flags, CHILD, file];
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1);
      if (code !== 0 || !line) {
        reject(new Error(`schedule-runner-child exited ${code}: ${stderr.slice(-2_000)}`));
        return;
      }
      resolve(JSON.parse(line) as ChildReport);
    });
  });
}

/** A sandbox control call; with a secret key, listings cover that merchant only. */
async function control(
  sandbox: SandboxProcess,
  route: string,
  body?: unknown,
  method = 'POST',
  secretKey?: string,
) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (secretKey !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;
  const response = await fetch(`${sandbox.url}${route}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function listFromEnv(name: string, fallback: number[]): number[] {
  const text = process.env[name];
  if (!text) return fallback;
  const values = text.split(',').map(Number);
  if (!values.every((value) => Number.isSafeInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be comma-separated non-negative integers`);
  }
  return values;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await scheduleRunner()));
}
