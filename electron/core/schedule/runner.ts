import type { ChargeAnswer, ScheduledChargeService } from '../billing/index.ts';
import type { Ledger } from '../ledger/index.ts';
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
import { createSlots } from './slots.ts';

export const DEFAULT_RUNNER_CONCURRENCY = 4;

/** Toss's answers that mean "slow down"; they leave the attempt UNKNOWN for the reconciler. */
const SLOW_DOWN_CODES: ReadonlySet<string> = new Set(['TOO_MANY_REQUESTS', 'FORBIDDEN_CONSECUTIVE_REQUEST']);

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

interface DueRow {
  readonly id: number;
  readonly dueAt: number;
}

// Keyset paging over the partial index of pending periods: a period skipped in this run (no card)
// stays 'pending', and must not be read again and again before the ones after it.
const DUE_PAGE_SQL = `
  SELECT id, due_at AS dueAt FROM subscription_periods INDEXED BY subscription_periods_due
  WHERE status = 'pending' AND due_at <= @until
    AND (due_at > @afterDue OR (due_at = @afterDue AND id > @afterId))
  ORDER BY due_at, id
  LIMIT @limit`;

/** Default bound on attempts written ahead of their requests (see ScheduleRunnerDeps.writeAhead). */
const MAX_WRITE_AHEAD = 64;

/**
 * Times one attempt is sent again after a rate-limit answer in one run; past it the attempt is
 * left UNKNOWN for the reconciler, so a Toss that keeps refusing cannot hold a run forever.
 */
const MAX_RATE_LIMITED_RESENDS = 20;

/** Bound on materialize calls per run, so a ledger in a bad state cannot loop forever. */
const MAX_MATERIALIZE_ROUNDS = 1_000;

function emptySummary(asOf: number): RunSummary {
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
  const batchSize = deps.batchSize ?? 500;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const slowBase = deps.slowDown?.baseMs ?? 1_000;
  const slowMax = deps.slowDown?.maxMs ?? 30_000;
  const log = deps.log.child({ module: 'schedule' });
  const db = deps.ledger.db;
  const duePage = db.prepare(DUE_PAGE_SQL);
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

  async function run(): Promise<RunSummary> {
    const asOf = deps.now().getTime();
    const summary = emptySummary(asOf);
    const counts: { -readonly [K in keyof RunSummary]: RunSummary[K] } = {
      ...summary,
      charged: { ...summary.charged },
      retried: { ...summary.retried },
      statusChanges: { ...summary.statusChanges },
    };

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

    const queue: DueRow[] = [];
    let cursor = { afterDue: Number.MIN_SAFE_INTEGER, afterId: 0 };
    let exhausted = false;
    // Shared: a rate-limit answer slows every request that has yet to leave, not just the next one.
    let pauseMs = 0;

    // Synchronous, so a period is never taken twice.
    function next(): DueRow | undefined {
      if (stopping) return undefined;
      if (queue.length === 0 && !exhausted) {
        const page = duePage.all({ until: asOf, ...cursor, limit: batchSize }) as DueRow[];
        if (page.length < batchSize) exhausted = true;
        const last = page.at(-1);
        if (last) cursor = { afterDue: last.dueAt, afterId: last.id };
        queue.push(...page);
      }
      return queue.shift();
    }

    // Reacts to Toss's answer as it arrives, before it is written, so the next request a worker
    // starts already sees the pause.
    function onAnswered(answer: ChargeAnswer): void {
      if (answer.status === 'UNKNOWN' && SLOW_DOWN_CODES.has(answer.code ?? '')) {
        pauseMs = Math.min(slowMax, pauseMs === 0 ? slowBase : pauseMs * 2);
        counts.slowedDown++;
        log.warn('rate limited: slowing the run', { pauseMs, code: answer.code });
      } else if (answer.status !== 'UNKNOWN' && pauseMs > 0) {
        // Answers are coming through again: ease back towards full speed.
        pauseMs = pauseMs / 2 < slowBase ? 0 : pauseMs / 2;
      }
    }

    // Toss asked to slow down: the run waits (Toss's Retry-After, at least the shared pause, which
    // grows with each such answer) and then sends the same request again under the same key, so a
    // rate-limited run takes longer but still charges every period (issue 17 item 8).
    async function onRateLimited(
      resends: { count: number },
      limit: { readonly retryAfterMs: number | null },
    ): Promise<boolean> {
      if (stopping || resends.count >= MAX_RATE_LIMITED_RESENDS) return false;
      resends.count++;
      pauseMs = Math.min(slowMax, pauseMs === 0 ? slowBase : pauseMs * 2);
      counts.slowedDown++;
      const waitMs = Math.max(pauseMs, limit.retryAfterMs ?? 0);
      log.warn('rate limited: slowing the run and sending again', { pauseMs: waitMs });
      await sleep(waitMs);
      await beforeSend();
      return true;
    }

    async function chargeOne(
      period: DueRow,
      writeLazily: boolean,
      mayLeave: () => Promise<void>,
      answered: (answer: ChargeAnswer) => void,
    ): Promise<void> {
      const resends = { count: 0 };
      try {
        const result = await deps.billing.scheduled.chargePeriod({
          periodId: period.id,
          attemptNo: 1,
          writeLazily,
          beforeSend: mayLeave,
          onAnswered: answered,
          onRateLimited: (limit) => onRateLimited(resends, limit),
        });
        if (result.kind === 'not_chargeable' || result.repeated) {
          counts.skipped++;
          if (result.kind === 'not_chargeable') {
            log.info('due period not charged', { periodId: period.id, reason: result.reason });
          }
          return;
        }
        // Counted from the ledger, once the outcome is committed.
        counts.charged[result.charge.status === 'PENDING' ? 'UNKNOWN' : result.charge.status]++;
      } catch (error) {
        counts.errors++;
        log.error('due period charge failed', { periodId: period.id, error });
      }
    }

    // A slot is one request at Toss. Attempts are written ahead of their requests, in batches: when
    // the attempts taken but not sent fall to half of `writeAhead`, the next ones are taken, and
    // their writes share one commit, made once the answers coming in pause (GroupCommit.runLazily)
    // unless fewer than `concurrency` written attempts are left to send. A request then leaves as
    // soon as a slot frees, with no commit between an answer and the next request, and each
    // attempt is still committed before its own request is sent. A stop takes no more periods; the
    // attempts already written are sent and recorded like the ones out.
    const slots = createSlots(concurrency);
    let ahead = 0;
    // Of those, the ones committed and waiting for a slot.
    let ready = 0;
    // Charges started and not settled. A count and one promise, not one per period: a run over
    // 10,000 subscriptions must not hold 10,000 settled promises until it ends.
    let charging = 0;
    let failure: { readonly error: unknown } | undefined;
    let settleAll: { resolve: () => void; reject: (error: unknown) => void } | undefined;
    const allSettled = new Promise<void>((resolve, reject) => {
      settleAll = { resolve, reject };
    });

    function refill(): void {
      const running = ready < concurrency;
      if (ahead > writeAhead / 2 && !running) return;
      // Running low: one more write, committed at once, takes the waiting ones with it.
      for (let taken = 0; ahead < writeAhead || (running && taken === 0); taken++) {
        const period = next();
        if (!period) return;
        start(period, !running);
      }
    }

    function start(period: DueRow, writeLazily: boolean): void {
      ahead++;
      let slot: 'waiting' | 'held' | 'given' = 'waiting';
      const giveSlot = () => {
        if (slot !== 'held') return;
        slot = 'given';
        slots.give();
      };
      const charged = chargeOne(
        period,
        writeLazily,
        async () => {
          ready++;
          await slots.take();
          ready--;
          slot = 'held';
          if (pauseMs > 0) await sleep(pauseMs);
          await beforeSend();
          ahead--;
          refill();
        },
        (reply) => {
          onAnswered(reply);
          giveSlot();
        },
      );
      charging++;
      const settled = () => {
        try {
          // Refused, repeated or failed before its request left: it no longer waits to be sent.
          if (slot === 'waiting') {
            ahead--;
            refill();
          }
          giveSlot();
        } catch (error) {
          // Reading the next periods failed: the run ends with that error once the charges out settle.
          failure ??= { error };
        } finally {
          // After refill(): a charge that settles has already started the ones it made room for,
          // so none left means none to come.
          if (--charging === 0) {
            if (failure) settleAll?.reject(failure.error);
            else settleAll?.resolve();
          }
        }
      };
      // chargeOne catches what its charge throws; both arms only so that nothing can be left out.
      void charged.then(settled, settled);
    }

    refill();
    if (charging > 0) await allSettled;

    if (!stopping) {
      const dunningDeps = {
        ledger: deps.ledger,
        scheduled: deps.billing.scheduled,
        log,
        policy: dunningPolicy,
        beforeSend,
      };
      // Still rate-limited after the first charges: retries can wait for the next run.
      if (pauseMs === 0) await sendDueRetries(dunningDeps, asOf, counts, () => stopping);
      try {
        applyDunningStatus(dunningDeps, asOf, counts);
      } catch (error) {
        counts.errors++;
        log.error('dunning status change failed', { error });
      }
    }
    log.info('due run finished', {
      asOf,
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
    return counts;
  }

  return {
    runDue() {
      if (stopping) return Promise.resolve(emptySummary(deps.now().getTime()));
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
