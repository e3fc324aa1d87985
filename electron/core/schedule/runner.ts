import type Database from 'better-sqlite3';
import type { ScheduledChargeService } from '../billing/index.ts';
import { type DuePeriodKey, duePeriodPage, type Ledger } from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import {
  applyDunningStatus,
  type DunningPolicy,
  type DunningSummary,
  emptyDunningSummary,
  resolveDunningPolicy,
  sendDueRetries,
} from './dunning.ts';
import { materializeDuePeriods } from './materialize.ts';
import { createTokenBucket, DEFAULT_RATE_PER_SECOND } from './rate-limit.ts';
import { createSlowDown, type SlowDown } from './slow-down.ts';
import { runWriteAhead, type WriteAheadHooks } from './write-ahead.ts';

export const DEFAULT_RUNNER_CONCURRENCY = 4;

export interface ScheduleRunnerDeps {
  readonly ledger: Ledger;
  /** The billing core; only its scheduled charges are used. */
  readonly billing: { readonly scheduled: ScheduledChargeService };
  readonly now: () => Date;
  readonly log: Logger;
  /** Charges in flight at once (default 4). */
  readonly concurrency?: number;
  /** Periods due longer ago than this wait for a manager (default 3 days). */
  readonly catchUpThresholdMs?: number;
  /**
   * Charge requests started per second at most, first charges and retries together (default 10;
   * 0 = no limit); see rate-limit.ts for why. On top of `concurrency` and the 429 slow-down.
   */
  readonly ratePerSecond?: number;
  /** Waits while the run is slowed by a rate-limit answer or the rate limiter. Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The first pause after a rate-limit answer, doubled on each further one (default 1 s, at most 30 s). */
  readonly slowDown?: { readonly baseMs?: number; readonly maxMs?: number };
  /**
   * Attempts written ahead of their requests at most (default: 64, or one second of
   * `ratePerSecond` if that is less, and at least twice `concurrency`). Written in batches of about
   * half this, so that one commit carries many; stop() still sends the ones written, so under a
   * rate limit this is kept to about a second of requests.
   */
  readonly writeAhead?: number;
  /** Periods read from the ledger at a time (default 500). */
  readonly batchSize?: number;
  /** Soft-decline retries (default +1, +3, +7 days from the period's dueAt); see dunning.ts. */
  readonly dunning?: DunningPolicy;
}

export type ChargedCounts = Record<'DONE' | 'DECLINED' | 'FAILED' | 'UNKNOWN', number>;

export interface RunSummary extends DunningSummary {
  /** The instant the run was as of (epoch ms): periods due at or before it were considered. */
  readonly asOf: number;
  /** Periods written by this run (pending and awaiting_confirmation). */
  readonly materialized: number;
  /** Of those, the ones put in the confirm catch-up queue instead of being charged. */
  readonly awaitingConfirmation: number;
  /** Trials' first paid periods held until the member consents to paid charges (not charged). */
  readonly awaitingConsent: number;
  /** Attempts this run made, by outcome. UNKNOWN ones are the reconciler's now. */
  readonly charged: ChargedCounts;
  /** Due periods not charged: no card, subscription no longer active, archived member, … */
  readonly skipped: number;
  /** Periods whose charge threw (an unreadable key, a ledger write that failed); logged. */
  readonly errors: number;
  /**
   * How many times a rate-limit answer (429, FORBIDDEN_CONSECUTIVE_REQUEST) slowed the run down;
   * each such request was sent again after a pause, so above 0 means "slowed", not "failed".
   */
  readonly slowedDown: number;
  /** Subscriptions canceled because their cancel-at-period-end period ended. */
  readonly canceledAtPeriodEnd: number;
}

export interface ScheduleRunner {
  /**
   * Writes the periods that have come due (ending cancel-at-period-end subscriptions), then
   * charges every 'pending' period due at or before now once, at most `concurrency` at a time and
   * `ratePerSecond` started per second, then dunning: sends the soft-decline retries that are due (at most maxRetriesPerRun, one at a
   * time) and moves subscriptions to past_due / needs_card / back to active. Dunning comes last so
   * a period's first charge is never delayed behind retries, and so a retry's answer in this run
   * already counts for the status changes. Calls made while a run is going share it.
   */
  runDue(): Promise<RunSummary>;
  /**
   * Writes no new attempts and lets the ones written finish: the requests out and the attempts
   * written ahead of them (at most `writeAhead`) are sent, answered and recorded, so a clean stop
   * leaves nothing PENDING.
   * A run asked for after stop() does nothing. A crash instead leaves attempts PENDING or
   * UNKNOWN, which the reconciler resolves at the next start.
   */
  stop(): Promise<void>;
}

/** Default bound on attempts written ahead of their requests (see ScheduleRunnerDeps.writeAhead). */
const MAX_WRITE_AHEAD = 64;

/** Bound on materialize calls per run, so a ledger in a bad state cannot loop forever. */
const MAX_MATERIALIZE_ROUNDS = 1_000;

/** A run's summary while the run adds to it. */
type Counts = { -readonly [K in keyof RunSummary]: RunSummary[K] };

/** A run's counts before anything is counted: fresh objects, so each run adds to its own. */
function emptyCounts(asOf: number): Counts {
  return {
    asOf,
    materialized: 0,
    awaitingConfirmation: 0,
    awaitingConsent: 0,
    charged: { DONE: 0, DECLINED: 0, FAILED: 0, UNKNOWN: 0 },
    skipped: 0,
    errors: 0,
    slowedDown: 0,
    canceledAtPeriodEnd: 0,
    ...emptyDunningSummary(),
  };
}

export function createScheduleRunner(deps: ScheduleRunnerDeps): ScheduleRunner {
  const { concurrency, ratePerSecond, writeAhead, batchSize, sleep, slowDown } = resolveOptions(deps);
  const log = deps.log.child({ module: 'schedule' });
  const dunningPolicy = resolveDunningPolicy(deps.dunning);
  // One bucket for the runner's life, not per run: back-to-back runs must not start with a fresh burst.
  const bucket = createTokenBucket({
    ratePerSecond,
    now: () => deps.now().getTime(),
    sleep,
  });
  const beforeSend = () => bucket.take();

  let running: Promise<RunSummary> | undefined;
  let stopping = false;
  const isStopping = () => stopping;

  /** One run, step by step; each step adds to the run's counts. */
  async function run(): Promise<RunSummary> {
    const asOf = deps.now().getTime();
    const counts = emptyCounts(asOf);
    materialize(asOf, counts);
    // Per run: a slow-down Toss asked for in an earlier run is over.
    const slow = createSlowDown({ ...slowDown, sleep, beforeSend, isStopping, counts, log });
    await chargeDuePeriods(asOf, counts, slow);
    // Dunning after the first charges, unless stopping (see ScheduleRunner.runDue).
    if (!stopping) await dunning(asOf, counts, slow.slowed());
    logFinished(counts);
    return counts;
  }

  /** Writes the periods that have come due, in rounds (materialize.ts bounds each one). */
  function materialize(asOf: number, counts: Counts): void {
    for (let round = 0; round < MAX_MATERIALIZE_ROUNDS && !stopping; round++) {
      const result = materializeDuePeriods(deps.ledger, {
        now: new Date(asOf),
        ...(deps.catchUpThresholdMs === undefined ? {} : { catchUpThresholdMs: deps.catchUpThresholdMs }),
        log,
      });
      counts.materialized += result.inserted;
      counts.awaitingConfirmation += result.awaitingConfirmation;
      counts.awaitingConsent += result.awaitingConsent;
      counts.canceledAtPeriodEnd += result.canceled;
      if (!result.more) break;
    }
  }

  /**
   * Charges every period due at or before `asOf` once, through the write-ahead pipeline
   * (write-ahead.ts). A stop takes no more periods; the attempts already written are still sent
   * and recorded.
   */
  function chargeDuePeriods(asOf: number, counts: Counts, slow: SlowDown): Promise<void> {
    const due = duePeriods(deps.ledger.db, asOf, batchSize);
    return runWriteAhead<DuePeriodKey>({
      concurrency,
      writeAhead,
      next: () => (stopping ? undefined : due.next()),
      pace: slow.beforeRequest,
      charge: (period, writeLazily, pipeline) => chargeOne(period, writeLazily, pipeline, counts, slow),
    });
  }

  /** A due period's first attempt; counted from the ledger once its outcome is committed. */
  async function chargeOne(
    period: DuePeriodKey,
    writeLazily: boolean,
    pipeline: WriteAheadHooks,
    counts: Counts,
    slow: SlowDown,
  ): Promise<void> {
    const resends = { count: 0 };
    try {
      const result = await deps.billing.scheduled.chargePeriod({
        periodId: period.id,
        attemptNo: 1,
        writeLazily,
        beforeSend: pipeline.leave,
        onAnswered: (answer) => {
          slow.onAnswered(answer);
          pipeline.answered();
        },
        onRateLimited: (limit) => slow.onRateLimited(resends, limit),
      });
      if (result.kind === 'not_chargeable' || result.repeated) {
        counts.skipped++;
        if (result.kind === 'not_chargeable') {
          log.info('due period not charged', { periodId: period.id, reason: result.reason });
        }
        return;
      }
      counts.charged[result.charge.status === 'PENDING' ? 'UNKNOWN' : result.charge.status]++;
    } catch (error) {
      // Logged and counted, and the run goes on: one unreadable key must not stop the others.
      counts.errors++;
      log.error('due period charge failed', { periodId: period.id, error });
    }
  }

  /**
   * Soft-decline retries that are due, then the subscriptions' status changes (dunning.ts). Last,
   * so a period's first charge never waits behind retries and a retry's answer in this run already
   * counts for the status changes.
   */
  async function dunning(asOf: number, counts: Counts, slowed: boolean): Promise<void> {
    const dunningDeps = {
      ledger: deps.ledger,
      scheduled: deps.billing.scheduled,
      log,
      policy: dunningPolicy,
      beforeSend,
    };
    // Still rate-limited after the first charges: retries can wait for the next run.
    if (!slowed) await sendDueRetries(dunningDeps, asOf, counts, isStopping);
    try {
      applyDunningStatus(dunningDeps, asOf, counts);
    } catch (error) {
      counts.errors++;
      log.error('dunning status change failed', { error });
    }
  }

  function logFinished(counts: Counts): void {
    log.info('due run finished', {
      asOf: counts.asOf,
      materialized: counts.materialized,
      awaitingConfirmation: counts.awaitingConfirmation,
      awaitingConsent: counts.awaitingConsent,
      ...counts.charged,
      skipped: counts.skipped,
      errors: counts.errors,
      slowedDown: counts.slowedDown,
      retried: counts.retried,
      statusChanges: counts.statusChanges,
      canceledAtPeriodEnd: counts.canceledAtPeriodEnd,
      stopped: stopping,
    });
  }

  return {
    runDue() {
      if (stopping) return Promise.resolve(emptyCounts(deps.now().getTime()));
      running ??= run().finally(() => {
        running = undefined;
      });
      return running;
    },
    async stop() {
      stopping = true;
      await running?.catch(() => undefined);
    },
  };
}

interface RunnerOptions {
  readonly concurrency: number;
  readonly ratePerSecond: number;
  readonly writeAhead: number;
  readonly batchSize: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly slowDown: { readonly baseMs: number; readonly maxMs: number };
}

/** The deps' options with their defaults, checked. */
function resolveOptions(deps: ScheduleRunnerDeps): RunnerOptions {
  const concurrency = deps.concurrency ?? DEFAULT_RUNNER_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError('createScheduleRunner: concurrency must be a positive integer');
  }
  const ratePerSecond = deps.ratePerSecond ?? DEFAULT_RATE_PER_SECOND;
  const writeAhead =
    deps.writeAhead ??
    Math.max(
      2 * concurrency,
      ratePerSecond === 0 ? MAX_WRITE_AHEAD : Math.min(MAX_WRITE_AHEAD, Math.ceil(ratePerSecond)),
    );
  if (!Number.isSafeInteger(writeAhead) || writeAhead < 1) {
    throw new RangeError('createScheduleRunner: writeAhead must be a positive integer');
  }
  return {
    concurrency,
    ratePerSecond,
    writeAhead,
    batchSize: deps.batchSize ?? 500,
    sleep: deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    slowDown: { baseMs: deps.slowDown?.baseMs ?? 1_000, maxMs: deps.slowDown?.maxMs ?? 30_000 },
  };
}

/**
 * The pending periods due at or before `until`, read a page at a time (keyset paging, see the
 * ledger's duePeriodPage). Synchronous, so a period is never taken twice; only the current page is
 * held.
 */
function duePeriods(
  db: Database.Database,
  until: number,
  batchSize: number,
): { next(): DuePeriodKey | undefined } {
  let queue: DuePeriodKey[] = [];
  let taken = 0;
  let cursor = { afterDue: Number.MIN_SAFE_INTEGER, afterId: 0 };
  let exhausted = false;
  return {
    next() {
      if (taken === queue.length && !exhausted) {
        queue = duePeriodPage(db, { until, ...cursor, limit: batchSize });
        taken = 0;
        if (queue.length < batchSize) exhausted = true;
        const last = queue.at(-1);
        if (last) cursor = { afterDue: last.dueAt, afterId: last.id };
      }
      return taken < queue.length ? queue[taken++] : undefined;
    },
  };
}
