import { randomBytes } from 'node:crypto';
import type { Ledger } from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import type { Sealer } from '../secrets/index.ts';
import type { TossClient } from '../toss/index.ts';

/** What the billing services are built from: everything is passed in, nothing is global. */
export interface BillingDeps {
  readonly ledger: Ledger;
  /** Seals billingKeys and customerKeys with the ledger's data key (invariant 3). */
  readonly sealer: Sealer;
  readonly toss: TossClient;
  /** The mode of the configured secret key: live mode also checks card numbers with Luhn. */
  readonly tossMode: 'test' | 'live';
  readonly now: () => Date;
  /**
   * A fresh random URL-safe string of 22 to 60 characters `[A-Za-z0-9_-]` per call; the source
   * of every uid, customerKey, orderId and Idempotency-Key. Default: 24 random bytes, base64url.
   */
  readonly randomId?: () => string;
  readonly log: Logger;
  /** Waits between retries of an unknown outcome. Default: a real timer. Tests may shorten it. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Written as the audit `actor` when a call names none (e.g. 'desk', 'cli'). Default 'app'. */
  readonly actor?: string;
  readonly retry?: Partial<RetryPolicy>;
}

/**
 * How hard the services try when Toss's answer is unknown (toss-api.md §8.7, §10): each try is a
 * lookup and, if Toss never saw the request, a resend of the same request with the same key.
 */
export interface RetryPolicy {
  /** Tries per attempt per reconciliation run (and per card issue or delete). */
  readonly maxTries: number;
  /** The wait after the first unknown try; doubled after each further one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * An attempt older than this is looked up but never resent: a charge arriving days after the
   * member stood at the counter would surprise everyone (and the Idempotency-Key expires after
   * 15 days, toss-api.md §9). Such attempts wait for staff in the needs-review queue.
   */
  readonly resendWindowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  resendWindowMs: 24 * 60 * 60 * 1_000,
};

/** The deps with defaults filled in, shared by every billing module. */
export interface BillingContext {
  readonly ledger: Ledger;
  readonly sealer: Sealer;
  readonly toss: TossClient;
  readonly tossMode: 'test' | 'live';
  readonly now: () => Date;
  readonly randomId: () => string;
  readonly log: Logger;
  readonly sleep: (ms: number) => Promise<void>;
  readonly actor: string;
  readonly retry: RetryPolicy;
}

const RANDOM_ID = /^[A-Za-z0-9_-]{22,60}$/;

export function billingContext(deps: BillingDeps): BillingContext {
  const source = deps.randomId ?? (() => randomBytes(24).toString('base64url'));
  return {
    ledger: deps.ledger,
    sealer: deps.sealer,
    toss: deps.toss,
    tossMode: deps.tossMode,
    now: deps.now,
    // Checked on every use: an id that is short or not URL-safe would become a guessable
    // customerKey or an orderId that Toss refuses after the attempt was committed.
    randomId: () => {
      const id = source();
      if (!RANDOM_ID.test(id)) throw new Error('randomId must return 22 to 60 characters of [A-Za-z0-9_-]');
      return id;
    },
    log: deps.log.child({ module: 'billing' }),
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    actor: deps.actor ?? 'app',
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
  };
}

/** The wait before try number `tryNo` (1-based) of an unknown outcome. */
export function backoffMs(policy: RetryPolicy, tryNo: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, tryNo - 1));
}
