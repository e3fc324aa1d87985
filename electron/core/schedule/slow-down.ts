import type { ChargeAnswer } from '../billing/index.ts';
import type { Logger } from '../log/index.ts';

/** Toss's answers that mean "slow down"; they leave the attempt UNKNOWN for the reconciler. */
const SLOW_DOWN_CODES: ReadonlySet<string> = new Set(['TOO_MANY_REQUESTS', 'FORBIDDEN_CONSECUTIVE_REQUEST']);

/**
 * Times one attempt is sent again after a rate-limit answer in one run; past it the attempt is
 * left UNKNOWN for the reconciler, so a Toss that keeps refusing cannot hold a run forever.
 */
const MAX_RATE_LIMITED_RESENDS = 20;

export interface SlowDownOptions {
  /** The first pause after a rate-limit answer; doubled on each further one up to `maxMs`. */
  readonly baseMs: number;
  readonly maxMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** The rate limiter's turn, taken by every request just before it leaves. */
  readonly beforeSend: () => Promise<void>;
  readonly isStopping: () => boolean;
  /** Where the run counts each slow-down. */
  readonly counts: { slowedDown: number };
  readonly log: Logger;
}

/**
 * One run's reaction to Toss's rate-limit answers. The pause is shared: a rate-limit answer slows
 * every request that has yet to leave, not just the next one.
 */
export interface SlowDown {
  /** Still slowed down (the last answers were rate-limit ones). */
  slowed(): boolean;
  /** Waits out the pause, if any, then the rate limiter: call just before a request leaves. */
  beforeRequest(): Promise<void>;
  /**
   * Reacts to Toss's answer as it arrives, before it is written, so the next request a worker
   * starts already sees the pause.
   */
  onAnswered(answer: ChargeAnswer): void;
  /**
   * Toss asked to slow down: waits (Toss's Retry-After, at least the shared pause, which grows with
   * each such answer) and resolves true to have the same request sent again under the same key, so a
   * rate-limited run takes longer but still charges every period (issue 17 item 8). False when the
   * run is stopping or this attempt (`resends`, one per attempt) was sent again too often.
   */
  onRateLimited(
    resends: { count: number },
    limit: { readonly retryAfterMs: number | null },
  ): Promise<boolean>;
}

export function createSlowDown({
  baseMs,
  maxMs,
  sleep,
  beforeSend,
  isStopping,
  counts,
  log,
}: SlowDownOptions): SlowDown {
  let pauseMs = 0;

  function grow(): void {
    pauseMs = Math.min(maxMs, pauseMs === 0 ? baseMs : pauseMs * 2);
    counts.slowedDown++;
  }

  return {
    slowed: () => pauseMs > 0,
    // Not async: with no pause, the request waits for the rate limiter's turn and nothing more.
    beforeRequest: () => (pauseMs > 0 ? sleep(pauseMs).then(beforeSend) : beforeSend()),
    onAnswered(answer) {
      if (answer.status === 'UNKNOWN' && SLOW_DOWN_CODES.has(answer.code ?? '')) {
        grow();
        log.warn('rate limited: slowing the run', { pauseMs, code: answer.code });
      } else if (answer.status !== 'UNKNOWN' && pauseMs > 0) {
        // Answers are coming through again: ease back towards full speed.
        pauseMs = pauseMs / 2 < baseMs ? 0 : pauseMs / 2;
      }
    },
    async onRateLimited(resends, limit) {
      if (isStopping() || resends.count >= MAX_RATE_LIMITED_RESENDS) return false;
      resends.count++;
      grow();
      const waitMs = Math.max(pauseMs, limit.retryAfterMs ?? 0);
      log.warn('rate limited: slowing the run and sending again', { pauseMs: waitMs });
      await sleep(waitMs);
      await beforeSend();
      return true;
    },
  };
}
