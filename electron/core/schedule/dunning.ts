import { appendAudit } from '../audit/index.ts';
import type { ScheduledChargeService } from '../billing/index.ts';
import type { Ledger } from '../ledger/index.ts';
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

/**
 * Per failed period: how many attempts, the last one's number, status and time, and how many are
 * still live (PENDING, UNKNOWN; DONE cannot be, the period would be paid). One row per period.
 * Read through the index of failed periods (subscription_periods_failed), not every period: the
 * query-plan test keeps it so, and is why this is exported.
 */
export const FAILED_PERIODS_CTE = `
  WITH failed AS (
    SELECT p.id AS periodId, p.subscription_id AS subscriptionId, p.due_at AS dueAt,
      max(a.attempt_no) AS lastNo,
      sum(a.status IN ('PENDING', 'UNKNOWN')) AS live,
      (SELECT l.status FROM charge_attempts AS l WHERE l.subscription_period_id = p.id
        ORDER BY l.attempt_no DESC LIMIT 1) AS lastStatus,
      (SELECT l.id FROM charge_attempts AS l WHERE l.subscription_period_id = p.id
        ORDER BY l.attempt_no DESC LIMIT 1) AS lastAttemptId,
      (SELECT l.toss_code FROM charge_attempts AS l WHERE l.subscription_period_id = p.id
        ORDER BY l.attempt_no DESC LIMIT 1) AS lastCode,
      (SELECT l.created_at FROM charge_attempts AS l WHERE l.subscription_period_id = p.id
        ORDER BY l.attempt_no DESC LIMIT 1) AS lastAt,
      (SELECT l.card_id FROM charge_attempts AS l WHERE l.subscription_period_id = p.id
        ORDER BY l.attempt_no DESC LIMIT 1) AS lastCardId
    FROM subscription_periods AS p
    JOIN charge_attempts AS a ON a.subscription_period_id = p.id
    WHERE p.status = 'failed'
    GROUP BY p.id
  )`;

// A retry is due when every attempt is resolved, the last was a soft decline, attempts remain, and
// both dueAt + offset[lastNo - 1] and lastAt + minGap have passed. Only active subscriptions: a
// paused one's retries wait for its resume, and past_due / needs_card ones wait for a new card
// (NEW_CARD_RETRIES_SQL).
const RETRIES_DUE_SQL = `${FAILED_PERIODS_CTE}
  SELECT f.periodId, f.subscriptionId, f.lastNo FROM failed AS f
  JOIN subscriptions AS s ON s.id = f.subscriptionId
  WHERE s.status = 'active' AND f.live = 0 AND f.lastStatus = 'DECLINED' AND f.lastNo < @maxAttempts
    AND f.dueAt + json_extract(@offsets, '$[' || (f.lastNo - 1) || ']') <= @now
    AND f.lastAt + @minGap <= @now
  ORDER BY f.dueAt, f.periodId
  LIMIT @limit`;

// Dunning gave up on these subscriptions (past_due, needs_card); the only way back is a new card.
// One rule serves both: a failed period is retried once, on the next run, when the member's active
// card is not the one its last attempt used (staff registered a new card after it failed). The
// retry uses that card, so the period is not retried again until yet another card is registered:
// a stuck subscription is never charged on a schedule, only in answer to a card change. A past_due
// retry that declines again stays past_due; a needs_card one that soft-declines is a fresh soft
// decline (the card problem is fixed) and goes back to active with the usual retries by dueAt.
const NEW_CARD_RETRIES_SQL = `${FAILED_PERIODS_CTE}
  SELECT f.periodId, f.subscriptionId, f.lastNo FROM failed AS f
  JOIN subscriptions AS s ON s.id = f.subscriptionId
  JOIN cards AS c ON c.member_id = s.member_id AND c.status = 'active'
  WHERE s.status IN ('past_due', 'needs_card') AND f.live = 0 AND f.lastStatus IN ('DECLINED', 'FAILED')
    AND c.id IS NOT f.lastCardId
  ORDER BY f.dueAt, f.periodId
  LIMIT @limit`;

// The codes of FAILED last attempts of active subscriptions' failed periods, so the code can be
// classified by the Toss client's table (retryClassOf) before the give-up query filters on it.
const FAILED_CODES_SQL = `${FAILED_PERIODS_CTE}
  SELECT DISTINCT f.lastCode FROM failed AS f JOIN subscriptions AS s ON s.id = f.subscriptionId
  WHERE s.status = 'active' AND f.live = 0 AND f.lastStatus = 'FAILED' AND f.lastCode IS NOT NULL`;

// Active subscriptions that dunning has given up on, permanent declines first per subscription:
// 'needs_card' (a FAILED last attempt with a code Toss classes as permanent: the card or its
// billing key must change) wins over 'past_due' (the last retry declined too). A FAILED attempt
// for a store-configuration or request problem (a wrong secret key…) is not the member's card:
// it moves no subscription, else one bad key would flag every member at once.
const GIVE_UP_SQL = `${FAILED_PERIODS_CTE}
  SELECT f.subscriptionId, f.periodId, f.lastAttemptId AS attemptId,
    CASE WHEN f.lastStatus = 'FAILED' THEN 'needs_card' ELSE 'past_due' END AS target
  FROM failed AS f
  JOIN subscriptions AS s ON s.id = f.subscriptionId
  WHERE s.status = 'active' AND f.live = 0
    AND ((f.lastStatus = 'FAILED' AND f.lastCode IN (SELECT value FROM json_each(@permanentCodes)))
      OR (f.lastStatus = 'DECLINED' AND f.lastNo >= @maxAttempts))
  ORDER BY f.subscriptionId, f.lastStatus = 'FAILED' DESC, f.periodId
  LIMIT @limit`;

// past_due and needs_card subscriptions with no failed period left that dunning gave up on: a
// later success (DONE moves the period to 'paid') has cleared the state. Any FAILED last attempt
// blocks here (not only permanent codes): clearing is the cautious direction.
const CLEARED_SQL = `${FAILED_PERIODS_CTE}
  SELECT s.id AS subscriptionId, s.status FROM subscriptions AS s
  WHERE s.status IN ('past_due', 'needs_card')
    AND NOT EXISTS (
      SELECT 1 FROM failed AS f WHERE f.subscriptionId = s.id AND f.live = 0
        AND (f.lastStatus = 'FAILED' OR (f.lastStatus = 'DECLINED' AND f.lastNo >= @maxAttempts)))
  ORDER BY s.id
  LIMIT @limit`;

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

interface RetryRow {
  readonly periodId: number;
  readonly subscriptionId: number;
  readonly lastNo: number;
}

interface GiveUpRow {
  readonly subscriptionId: number;
  readonly periodId: number;
  readonly attemptId: number;
  readonly target: 'past_due' | 'needs_card';
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
  const rows = deps.ledger.db.prepare(RETRIES_DUE_SQL).all({
    maxAttempts: 1 + policy.offsetsMs.length,
    offsets: JSON.stringify(policy.offsetsMs),
    now: asOf,
    minGap: policy.minGapMs,
    limit: policy.maxRetriesPerRun,
  }) as RetryRow[];
  const room = policy.maxRetriesPerRun - rows.length;
  if (room > 0) {
    rows.push(...(deps.ledger.db.prepare(NEW_CARD_RETRIES_SQL).all({ limit: room }) as RetryRow[]));
  }
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
  const move = db.prepare(
    'UPDATE subscriptions SET status = @to, updated_at = @at WHERE id = @id AND status = @from',
  );

  db.transaction(() => {
    const codes = db.prepare(FAILED_CODES_SQL).pluck().all() as string[];
    // A 4xx status: the code alone decides (retryClassOf treats 5xx/409/429 as unknown outcomes).
    const permanentCodes = JSON.stringify(codes.filter((code) => retryClassOf(400, code) === 'permanent'));
    const giveUps = db
      .prepare(GIVE_UP_SQL)
      .all({ maxAttempts, permanentCodes, limit: MAX_TRANSITIONS_PER_RUN }) as GiveUpRow[];
    const seen = new Set<number>();
    for (const row of giveUps) {
      // Rows come permanent-first per subscription: the first one decides.
      if (seen.has(row.subscriptionId)) continue;
      seen.add(row.subscriptionId);
      if (move.run({ id: row.subscriptionId, from: 'active', to: row.target, at: asOf }).changes !== 1)
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

    const cleared = db.prepare(CLEARED_SQL).all({ maxAttempts, limit: MAX_TRANSITIONS_PER_RUN }) as {
      subscriptionId: number;
      status: 'past_due' | 'needs_card';
    }[];
    for (const row of cleared) {
      if (move.run({ id: row.subscriptionId, from: row.status, to: 'active', at: asOf }).changes !== 1)
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
