import { appendAudit } from '../audit/index.ts';
import type { ScheduledChargeService } from '../billing/index.ts';
import {
  dunningCleared,
  dunningGiveUps,
  failedLastCodes,
  type Ledger,
  moveSubscriptionStatus,
  newCardRetries,
  retriesDue,
} from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import { retryClassOf } from '../toss/index.ts';

const DAY_MS = 24 * 60 * 60 * 1_000;

/**
 * Retry offsets of a soft-declined period (design.md "Dunning default"), counted from the period's
 * dueAt, not from the previous attempt: retry n+1 is due at dueAt + offsetsMs[n-1]. Counting from
 * dueAt keeps the schedule fixed (+1, +3, +7 days) however late a run happens to be, so a PC that
 * was off for a day does not push every later retry back as well.
 */
export const DEFAULT_DUNNING_OFFSETS_MS: readonly number[] = [1 * DAY_MS, 3 * DAY_MS, 7 * DAY_MS];
/**
 * The least time between two attempts of one period. Only matters when attempt 1 itself was late
 * (a catch-up charged days after dueAt): without it, every retry already "due" by the offsets would
 * follow within minutes of the last, which a card issuer reads as hammering.
 */
export const DEFAULT_DUNNING_MIN_GAP_MS = 12 * 60 * 60 * 1_000;
/** Retries one run sends at most; the rest wait for the next run (a minute later). */
export const DEFAULT_DUNNING_MAX_RETRIES_PER_RUN = 100;
/** Subscription status changes one run makes at most, per kind. */
const MAX_TRANSITIONS_PER_RUN = 500;

export interface DunningPolicy {
  /** Strictly increasing positive offsets from the period's dueAt (default +1, +3, +7 days). */
  readonly offsetsMs?: readonly number[];
  readonly minGapMs?: number;
  readonly maxRetriesPerRun?: number;
}

export interface ResolvedDunningPolicy {
  readonly offsetsMs: readonly number[];
  readonly minGapMs: number;
  readonly maxRetriesPerRun: number;
}

export function resolveDunningPolicy(policy: DunningPolicy = {}): ResolvedDunningPolicy {
  const offsetsMs = policy.offsetsMs ?? DEFAULT_DUNNING_OFFSETS_MS;
  const ok = offsetsMs.every(
    (ms, i) => Number.isSafeInteger(ms) && ms > 0 && (i === 0 || ms > (offsetsMs[i - 1] ?? 0)),
  );
  if (!ok) throw new RangeError('dunning: offsetsMs must be strictly increasing positive integers');
  const minGapMs = policy.minGapMs ?? DEFAULT_DUNNING_MIN_GAP_MS;
  if (!Number.isSafeInteger(minGapMs) || minGapMs < 0) throw new RangeError('dunning: bad minGapMs');
  const maxRetriesPerRun = policy.maxRetriesPerRun ?? DEFAULT_DUNNING_MAX_RETRIES_PER_RUN;
  if (!Number.isSafeInteger(maxRetriesPerRun) || maxRetriesPerRun < 0) {
    throw new RangeError('dunning: bad maxRetriesPerRun');
  }
  return { offsetsMs: [...offsetsMs], minGapMs, maxRetriesPerRun };
}

export interface DunningDeps {
  readonly ledger: Ledger;
  readonly scheduled: ScheduledChargeService;
  readonly log: Logger;
  readonly policy: ResolvedDunningPolicy;
  /** Awaited before each retry's request leaves: the runner's rate limiter. */
  readonly beforeSend?: () => Promise<void>;
}

export type RetryCounts = Record<'DONE' | 'DECLINED' | 'FAILED' | 'UNKNOWN', number>;

export interface DunningSummary {
  /** Retries sent by this run, by outcome. */
  readonly retried: RetryCounts;
  /** Subscriptions this run moved, by the status they moved to (active = a success cleared it). */
  readonly statusChanges: Record<'past_due' | 'needs_card' | 'active', number>;
  /** Retries that were due but not sent (not_chargeable, repeated, or threw). */
  readonly retrySkipped: number;
}

export function emptyDunningSummary(): DunningSummary {
  return {
    retried: { DONE: 0, DECLINED: 0, FAILED: 0, UNKNOWN: 0 },
    statusChanges: { past_due: 0, needs_card: 0, active: 0 },
    retrySkipped: 0,
  };
}

/**
 * Sends the retries that are due (by the offsets, then the new-card retries of past_due and
 * needs_card subscriptions, at most maxRetriesPerRun in all), one after another (a retry is never urgent, and a run stays
 * gentle on the card issuer), stopping early when `shouldStop` says so or a retry's answer is
 * UNKNOWN (a slow or rate-limited Toss: the rest wait for the next run).
 */
export async function sendDueRetries(
  deps: DunningDeps,
  asOf: number,
  summary: DunningSummary,
  shouldStop: () => boolean,
): Promise<void> {
  const { policy } = deps;
  if (policy.maxRetriesPerRun === 0) return;
  const rows = retriesDue(deps.ledger.db, {
    maxAttempts: 1 + policy.offsetsMs.length,
    offsets: JSON.stringify(policy.offsetsMs),
    now: asOf,
    minGap: policy.minGapMs,
    limit: policy.maxRetriesPerRun,
  });
  const room = policy.maxRetriesPerRun - rows.length;
  if (room > 0) rows.push(...newCardRetries(deps.ledger.db, room));
  const retried = summary.retried as { -readonly [K in keyof RetryCounts]: number };
  const mutable = summary as { retrySkipped: number };
  for (const row of rows) {
    if (shouldStop()) return;
    const attemptNo = row.lastNo + 1;
    try {
      const result = await deps.scheduled.chargePeriod({
        periodId: row.periodId,
        attemptNo,
        ...(deps.beforeSend ? { beforeSend: deps.beforeSend } : {}),
      });
      if (result.kind === 'not_chargeable' || result.repeated) {
        mutable.retrySkipped++;
        if (result.kind === 'not_chargeable') {
          deps.log.info('dunning retry not sent', {
            periodId: row.periodId,
            attemptNo,
            reason: result.reason,
          });
        }
        continue;
      }
      const status = result.charge.status === 'PENDING' ? 'UNKNOWN' : result.charge.status;
      retried[status]++;
      deps.log.info('dunning retry', { periodId: row.periodId, attemptNo, status });
      if (status === 'UNKNOWN') return;
    } catch (error) {
      mutable.retrySkipped++;
      deps.log.error('dunning retry failed', { periodId: row.periodId, attemptNo, error });
    }
  }
}

/**
 * Moves subscriptions to the status their failed periods call for, each change in one transaction
 * with its audit row (invariant 8): a permanent decline → 'needs_card'; the last retry declined →
 * 'past_due'; none of those left (a later attempt succeeded) → back to 'active'.
 *
 * Derived from the ledger rather than from this run's answers, so an outcome recorded by the
 * reconciler or by a crashed run is acted on by the next run, and a change is never made twice:
 * only 'active' subscriptions are given up on, only past_due/needs_card ones are cleared.
 */
export function applyDunningStatus(deps: DunningDeps, asOf: number, summary: DunningSummary): void {
  const db = deps.ledger.db;
  const maxAttempts = 1 + deps.policy.offsetsMs.length;
  const changes = summary.statusChanges as { -readonly [K in keyof DunningSummary['statusChanges']]: number };
  const now = () => new Date(asOf);

  db.transaction(() => {
    const codes = failedLastCodes(db);
    // A 4xx status: the code alone decides (retryClassOf treats 5xx/409/429 as unknown outcomes).
    const permanentCodes = JSON.stringify(codes.filter((code) => retryClassOf(400, code) === 'permanent'));
    const giveUps = dunningGiveUps(db, { maxAttempts, permanentCodes, limit: MAX_TRANSITIONS_PER_RUN });
    const seen = new Set<number>();
    for (const row of giveUps) {
      // Rows come permanent-first per subscription: the first one decides.
      if (seen.has(row.subscriptionId)) continue;
      seen.add(row.subscriptionId);
      if (!moveSubscriptionStatus(db, { id: row.subscriptionId, from: 'active', to: row.target, at: asOf }))
        continue;
      changes[row.target]++;
      appendAudit(
        db,
        {
          actor: 'scheduler',
          action: row.target === 'needs_card' ? 'subscription.needs_card' : 'subscription.past_due',
          subject: `subscription:${row.subscriptionId}`,
          details: { from: 'active', to: row.target, periodId: row.periodId, attemptId: row.attemptId },
        },
        now,
      );
      deps.log.warn(
        row.target === 'needs_card'
          ? '카드 재등록이 필요해 정기 결제를 멈췄습니다.'
          : '재시도가 모두 거절되어 구독이 연체 상태가 되었습니다.',
        { subscriptionId: row.subscriptionId, periodId: row.periodId },
      );
    }

    const cleared = dunningCleared(db, { maxAttempts, limit: MAX_TRANSITIONS_PER_RUN });
    for (const row of cleared) {
      if (!moveSubscriptionStatus(db, { id: row.subscriptionId, from: row.status, to: 'active', at: asOf }))
        continue;
      changes.active++;
      appendAudit(
        db,
        {
          actor: 'scheduler',
          action: 'subscription.dunning_cleared',
          subject: `subscription:${row.subscriptionId}`,
          details: { from: row.status, to: 'active' },
        },
        now,
      );
      deps.log.info('dunning cleared', { subscriptionId: row.subscriptionId, from: row.status });
    }
  })();
}
