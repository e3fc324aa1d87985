import { randomBytes } from 'node:crypto';
import type { Ledger } from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import type { Sealer } from '../secrets/index.ts';
import type { TossClient } from '../toss/index.ts';
import type { ChargeGate } from './charge-gate.ts';

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
  /**
   * The owner's caps and manager approvals for charges people make. The desk's one way of opening
   * a data folder always passes it; without it (tests of the billing core alone) there are no caps.
   */
  readonly gate?: ChargeGate;
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
  /**
   * The same for a charge a person asked for (at the counter, by the CLI): only within minutes of
   * the request, since the customer may have paid another way since. After that the reconciler
   * only looks it up and leaves it in "확인 필요".
   */
  readonly personResendWindowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  resendWindowMs: 24 * 60 * 60 * 1_000,
  personResendWindowMs: 5 * 60 * 1_000,
};

/** Toss may take up to 60 s to approve a billing charge (toss-api.md): an answer can still come until then. */
export const TOSS_LONGEST_APPROVAL_MS = 60_000;

/**
 * How long after a charge was last sent staff may record it as "결제 안 됨": Toss's longest
 * approval time with a margin, so a request still being approved cannot turn into a payment the
 * ledger calls failed.
 */
export const DECIDE_NOT_CHARGED_AFTER_MS = TOSS_LONGEST_APPROVAL_MS + 30_000;

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
  readonly gate: ChargeGate | undefined;
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
    gate: deps.gate,
  };
}

/** The wait before try number `tryNo` (1-based) of an unknown outcome. */
export function backoffMs(policy: RetryPolicy, tryNo: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, tryNo - 1));
}
