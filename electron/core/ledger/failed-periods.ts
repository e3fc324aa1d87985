import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/**
 * Dunning's reads of failed periods (schedule/dunning.ts decides what to do with them): the retries
 * that are due, and the subscriptions dunning gives up on or clears. Part of the periods' home
 * (periods.ts), apart because they share one CTE and are read only by dunning.
 */

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

/** A failed period to retry: its subscription and its last attempt's number. */
export interface RetryRow {
  readonly periodId: number;
  readonly subscriptionId: number;
  readonly lastNo: number;
}

/** Failed periods of active subscriptions whose next retry is due at `now`, earliest due first. */
export function retriesDue(
  db: Database.Database,
  due: {
    readonly maxAttempts: number;
    /** The policy's offsets from dueAt, as a JSON array. */
    readonly offsets: string;
    readonly now: number;
    readonly minGap: number;
    readonly limit: number;
  },
): RetryRow[] {
  return statement(db, RETRIES_DUE_SQL).all(due) as RetryRow[];
}

/** Failed periods of past_due and needs_card subscriptions whose member has a card not tried yet. */
export function newCardRetries(db: Database.Database, limit: number): RetryRow[] {
  return statement(db, NEW_CARD_RETRIES_SQL).all({ limit }) as RetryRow[];
}

/** The Toss codes of FAILED last attempts of active subscriptions' failed periods. */
export function failedLastCodes(db: Database.Database): string[] {
  return statement(db, FAILED_CODES_SQL).pluck().all() as string[];
}

/** A subscription dunning gives up on, the period that decided it and the status it moves to. */
export interface GiveUpRow {
  readonly subscriptionId: number;
  readonly periodId: number;
  readonly attemptId: number;
  readonly target: 'past_due' | 'needs_card';
}

/** Active subscriptions dunning has given up on, permanent declines first per subscription. */
export function dunningGiveUps(
  db: Database.Database,
  given: {
    readonly maxAttempts: number;
    /** The codes Toss classes as permanent, as a JSON array. */
    readonly permanentCodes: string;
    readonly limit: number;
  },
): GiveUpRow[] {
  return statement(db, GIVE_UP_SQL).all(given) as GiveUpRow[];
}

/** past_due and needs_card subscriptions with no failed period left that dunning gave up on. */
export function dunningCleared(
  db: Database.Database,
  given: { readonly maxAttempts: number; readonly limit: number },
): { subscriptionId: number; status: 'past_due' | 'needs_card' }[] {
  return statement(db, CLEARED_SQL).all(given) as {
    subscriptionId: number;
    status: 'past_due' | 'needs_card';
  }[];
}
