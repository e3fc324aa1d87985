/**
 * Charge requests the runner starts per second at most (0 = no limit). Toss does not publish its
 * live rate limits; its test environment is reported at 100 requests per minute per API, and a
 * 429 there (or FORBIDDEN_CONSECUTIVE_REQUEST) leaves the attempt UNKNOWN for the reconciler. 10/s
 * keeps a store's monthly run (hundreds of members) to well under a minute while staying clear of
 * bursts that a card issuer or Toss would read as hammering; the 429 slow-down stays as the
 * backstop. Configurable per store: a test-key desk may need ~1.6/s (100/min).
 */
export const DEFAULT_RATE_PER_SECOND = 10;

export interface TokenBucketOptions {
  /** Tokens added per second; 0 turns the limiter off. */
  readonly ratePerSecond: number;
  /**
   * Tokens the bucket holds at most (default 1): starts are then evenly spaced, so no window of one
   * second ever holds more than ratePerSecond of them. A larger burst allows catch-up bursts.
   */
  readonly burst?: number;
  /** Epoch ms; injected so tests run on a simulated clock. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface TokenBucket {
  /** Resolves when a token is taken. Callers are served first come, first served. */
  take(): Promise<void>;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond } = options;
  if (!Number.isFinite(ratePerSecond) || ratePerSecond < 0) {
    throw new RangeError('rate limit: ratePerSecond must be a finite number >= 0');
  }
  if (ratePerSecond === 0) return { take: () => Promise.resolve() };
  const burst = options.burst ?? 1;
  if (!Number.isSafeInteger(burst) || burst < 1) throw new RangeError('rate limit: burst must be >= 1');
  const msPerToken = 1_000 / ratePerSecond;
  let tokens = burst;
  let refilledAt = options.now();
  // One taker at a time: concurrent workers would otherwise all see the same refill and all go.
  let tail: Promise<void> = Promise.resolve();

  function refill(): void {
    const at = options.now();
    // A clock that steps back (NTP) adds nothing rather than taking tokens away.
    if (at > refilledAt) {
      tokens = Math.min(burst, tokens + (at - refilledAt) / msPerToken);
      refilledAt = at;
    }
  }

  async function acquire(): Promise<void> {
    refill();
    if (tokens < 1) {
      // Rounded up, so the wait never ends a hair short of the token (float error would then
      // let two starts share one slot).
      const waitMs = Math.ceil((1 - tokens) * msPerToken);
      await options.sleep(waitMs);
      // The sleep itself earns the token, not only the clock: a sleep that returns early or a
      // clock that stands still (a preview run "as of" a fixed instant) must not spin forever.
      // The bucket's own time runs ahead of the clock then, so the next start still waits.
      tokens = Math.min(burst, Math.max(1, tokens + waitMs / msPerToken));
      refilledAt += waitMs;
      refill();
    }
    tokens -= 1;
  }

  return {
    take() {
      const turn = tail.then(acquire);
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
