import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type ChargeStatus,
  chargeLogPage,
  monthTotals,
  openLedger,
  unresolvedAttempts,
} from '../electron/core/ledger/index.ts';
import { CHARGES, MEMBERS, MONTHS, monthStart, SEED_CACHE_KIB, seedLedger } from './ledger-seed.ts';

const REPETITIONS = 1_000;
const TOTALS_REPETITIONS = 200;
const WARMUP = 20;
const PAGE_TARGET_MS = 5;
const TOTALS_TARGET_MS = 50;
const STATUSES: ChargeStatus[] = ['DONE', 'DECLINED', 'FAILED', 'UNKNOWN', 'PENDING'];

/**
 * The screens' queries on a ledger the size of a busy store's three years: 1,000,000 charge
 * attempts over 10,000 members (see ledger-seed.ts), in a real file with the app's own settings
 * (WAL, synchronous=FULL). Reports the seeding rate and file size, then p50/p95 over many runs with
 * varied parameters of the first page (50 rows) of the charge log by member, by status and by
 * month, of a month's totals with the VAT split, and of the unresolved queue.
 * Targets: a page within 5 ms at p95, month totals within 50 ms.
 */
export async function ledgerChargeLog(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'autopay-bench-ledger-'));
  const ledger = openLedger(path.join(dir, 'ledger.sqlite'));
  try {
    // Seeding runs with a page cache big enough for one batch; the queries run with the app's own.
    const appCache = ledger.db.pragma('cache_size', { simple: true });
    ledger.db.pragma(`cache_size = -${SEED_CACHE_KIB}`);
    const seeded = seedLedger(ledger.db);
    ledger.db.pragma(`cache_size = ${appCache}`);
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = (await stat(ledger.path)).size;
    let member = 0;
    let month = 0;
    let status = 0;
    const memberPage = measure(REPETITIONS, () => {
      // A stride through the members, so each run starts cold on another member's rows.
      member = (member + 7_919) % MEMBERS;
      return chargeLogPage(ledger.db, { memberId: member + 1 }, { limit: 50 }).entries.length;
    });
    const statusPage = measure(REPETITIONS, () => {
      status = (status + 1) % STATUSES.length;
      return chargeLogPage(ledger.db, { status: STATUSES[status] }, { limit: 50 }).entries.length;
    });
    const monthPage = measure(REPETITIONS, () => {
      month = (month + 1) % MONTHS;
      return chargeLogPage(ledger.db, { from: monthStart(month), to: monthStart(month + 1) }, { limit: 50 })
        .entries.length;
    });
    const totals = measure(TOTALS_REPETITIONS, () => {
      month = (month + 1) % MONTHS;
      return monthTotals(ledger.db, monthStart(month), monthStart(month + 1)).count;
    });
    const unresolved = measure(REPETITIONS, () => unresolvedAttempts(ledger.db).length);
    const pageP95 = Math.max(memberPage.p95, statusPage.p95, monthPage.p95);
    return {
      bench: 'ledger-charge-log',
      charges: seeded.charges,
      refunds: seeded.refunds,
      members: seeded.members,
      periods: seeded.periods,
      byStatus: seeded.byStatus,
      seedSeconds: round(seeded.seconds),
      seedCacheMB: SEED_CACHE_KIB / 1_024,
      insertRowsPerSecond: Math.round((seeded.charges + seeded.periods) / seeded.seconds),
      databaseMB: round(bytes / 1_048_576),
      pageMs: { byMember: memberPage, byStatus: statusPage, byMonth: monthPage },
      monthTotalsMs: totals,
      unresolvedQueueMs: unresolved,
      targets: { pageP95Ms: PAGE_TARGET_MS, monthTotalsP95Ms: TOTALS_TARGET_MS },
      meetsTarget: {
        page: pageP95 <= PAGE_TARGET_MS,
        monthTotals: totals.p95 <= TOTALS_TARGET_MS,
        seeded: seeded.charges === CHARGES,
      },
    };
  } finally {
    ledger.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** p50 and p95 in ms over `repetitions` runs after a warm-up; `rows` is what the last run counted. */
function measure(repetitions: number, run: () => number) {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    rows = run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const percentile = (p: number) => round(times[Math.ceil(p * times.length) - 1] ?? 0);
  return { p50: percentile(0.5), p95: percentile(0.95), rows };
}

function round(value: number): number {
  return Math.round(value * 1_000) / 1_000;
}
