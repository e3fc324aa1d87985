import { appendAudit, lastAuditAt } from '../audit/index.ts';
import {
  type DueSubscription,
  dueSubscriptionsPage,
  endSubscription,
  insertPeriod,
  type Ledger,
  markPriceChangeApplied,
  setNextDueAt,
  setSubscriptionPrice,
  skipOpenPeriods,
} from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import { paidChargesConsented, raiseFrom } from './consent-periods.ts';
import { periodRow } from './period-lifecycle.ts';
import { periodsBetween } from './periods.ts';

/** Periods due longer ago than this wait for a manager instead of being charged (issue 5, catch-up). */
export const DEFAULT_CATCH_UP_THRESHOLD_MS = 3 * 24 * 60 * 60 * 1_000;
/** Most periods one call writes: a run calls again while `more` is true. */
export const DEFAULT_MATERIALIZE_LIMIT = 1_000;

export interface MaterializeOptions {
  /** The instant the run is as of: periods due at or before it are written. */
  readonly now: Date;
  readonly catchUpThresholdMs?: number;
  /** At most this many periods per call (default 1,000). */
  readonly limit?: number;
  readonly log?: Logger;
}

export interface MaterializeResult {
  /** Periods written by this call, whatever their status. */
  readonly inserted: number;
  /** Of those, the ones written 'awaiting_confirmation' (the confirm catch-up queue). */
  readonly awaitingConfirmation: number;
  /** Of those, trials' first paid periods held for the member's consent (hold 'consent'). */
  readonly awaitingConsent: number;
  /** Subscriptions whose consented raise took effect with a period written by this call. */
  readonly priceIncreasesApplied: number;
  /** True when the limit was reached: call again for the rest. */
  readonly more: boolean;
  /** Subscriptions whose periods could not be computed (logged; their rows need fixing). */
  readonly failed: number;
  /** Subscriptions marked cancel_at_period_end whose last period ended: now 'canceled'. */
  readonly canceled: number;
}

/** Subscriptions read at a time. */
const PAGE_SIZE = 500;
/** Later than any period can be due (the last instant a Date holds). */
const LAST_INSTANT = 8.64e15;
/** next_due_at of a subscription that has no period left to write (its next would start after 9999). */
const NO_NEXT_DUE = Number.MAX_SAFE_INTEGER;

/**
 * When the materialiser next has work for a subscription whose periods up to now are written:
 * the due instant of its next period, `fromIndex` or the first charged one after it. For a
 * subscription that is not active but ends at its period end (a paused one), the first period due
 * after the flag, which ends it. Never later than the work, so never late (next-due-schema.ts).
 */
function nextDueAfter(sub: DueSubscription, fromIndex: number, flaggedAt: number | undefined): number {
  const [next] = periodsBetween(sub, {
    fromIndex,
    ...(flaggedAt !== undefined && sub.status !== 'active' ? { fromMs: flaggedAt + 1 } : {}),
    untilMs: LAST_INSTANT,
    limit: 1,
  });
  return next === undefined ? NO_NEXT_DUE : Math.max(0, next.dueAt);
}

/**
 * Writes the periods of active subscriptions that have come due and are not in the ledger yet
 * (design.md invariant 6). Each period is computed from the anchor (periodsBetween) starting one
 * past the subscription's last recorded period, or at firstChargeIndex; it takes the
 * subscription's amount as it is now, so a price change applies to periods written after it.
 * A period due more than `catchUpThresholdMs` before `now` (missed while the PC was off) is
 * written 'awaiting_confirmation' for a manager; the others 'pending', for the runner.
 *
 * Idempotent: UNIQUE(subscription_id, period_index) and INSERT OR IGNORE mean a second call, or
 * one racing on another connection, writes nothing twice. One transaction per call, bounded by
 * `limit`. Paused, canceled, past_due and needs_card subscriptions get no periods here.
 *
 * cancel_at_period_end (issue 5): periods due up to the moment the flag was set (its audit row;
 * the subscription's updated_at if there is none) are written as usual, so the period the member
 * is in keeps its charge; the first period due after that is never written, and once it comes due
 * (the current period has ended) the subscription becomes 'canceled', with its audit row, in this
 * transaction, and any period still 'pending' or 'awaiting_confirmation' becomes 'skipped'. This
 * applies to a flagged subscription in any status but canceled (a paused one ends too).
 *
 * Consent (design.md invariant 12, issue 20): a raise the member consented to applies from the
 * first period due after the consent and starting on or after the owner's date; that period makes
 * it the subscription's price (audited). A trial's paid periods are written held
 * ('awaiting_confirmation', hold 'consent') unless the member's consent to paid charges was
 * recorded within the 30 days before the first of them is due; staff record consent (which
 * releases them), skip or cancel. Both come with the subscription's row (dueSubscriptionsPage), so
 * the runner pays nothing per charge for them.
 */
export function materializeDuePeriods(ledger: Ledger, options: MaterializeOptions): MaterializeResult {
  const db = ledger.db;
  const nowMs = options.now.getTime();
  const threshold = options.catchUpThresholdMs ?? DEFAULT_CATCH_UP_THRESHOLD_MS;
  const limit = options.limit ?? DEFAULT_MATERIALIZE_LIMIT;
  if (!Number.isFinite(nowMs)) throw new RangeError('materializeDuePeriods: now is not a valid date');
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('materializeDuePeriods: bad limit');
  if (!(threshold >= 0)) throw new RangeError('materializeDuePeriods: bad catchUpThresholdMs');

  let inserted = 0;
  let awaitingConfirmation = 0;
  let awaitingConsent = 0;
  let priceIncreasesApplied = 0;
  let failed = 0;
  let canceled = 0;
  let more = false;

  db.transaction(() => {
    // Read inside the transaction, so the last indexes and the inserts see one state. A
    // subscription whose periods are written gets its next due instant, past `now`, and drops out
    // of the query; one whose terms could not be computed keeps its own, and the cursor moves past it.
    let cursor = { afterDue: -1, afterId: 0 };
    pages: for (;;) {
      const page = dueSubscriptionsPage(db, { now: nowMs, ...cursor, page: PAGE_SIZE });
      for (const sub of page) {
        const room = limit - inserted;
        if (room <= 0) {
          more = true;
          break pages;
        }
        const flaggedAt =
          sub.cancelAtPeriodEnd === 1
            ? (lastAuditAt(db, `subscription:${sub.id}`, 'subscription.cancel_at_period_end') ??
              sub.updatedAt)
            : undefined;
        let periods: ReturnType<typeof periodsBetween>;
        let endsNow = false;
        let nextDueAt: number;
        try {
          // periodsBetween starts no earlier than firstChargeIndex by itself.
          const fromIndex = sub.lastIndex === null ? 0 : sub.lastIndex + 1;
          periods =
            sub.status !== 'active'
              ? []
              : periodsBetween(sub, {
                  fromIndex,
                  untilMs: flaggedAt === undefined ? nowMs : Math.min(nowMs, flaggedAt),
                  limit: Math.min(room, 10_000),
                });
          if (flaggedAt !== undefined && periods.length < room) {
            const after = periods.at(-1)?.index ?? fromIndex - 1;
            // The first period due after the flag: when it comes due, the current period has ended.
            const ending = periodsBetween(sub, {
              fromIndex: after + 1,
              fromMs: flaggedAt + 1,
              untilMs: nowMs,
              limit: 1,
            });
            endsNow = ending.length > 0;
          }
          nextDueAt = nextDueAfter(sub, (periods.at(-1)?.index ?? fromIndex - 1) + 1, flaggedAt);
        } catch (error) {
          // One subscription with terms that cannot be computed must not stop every other charge.
          failed++;
          options.log?.error('subscription periods not computed', { subscriptionId: sub.id, error });
          continue;
        }
        const trialConsented = paidChargesConsented(sub);
        let price = { amount: sub.amount, taxFreeAmount: sub.taxFreeAmount };
        let raiseApplied = false;
        for (const period of periods) {
          const raised = raiseApplied ? null : raiseFrom(sub, period);
          const raise = raised !== null;
          if (raised) price = raised;
          const held = !trialConsented;
          const status = held || nowMs - period.dueAt > threshold ? 'awaiting_confirmation' : 'pending';
          if (!insertPeriod(db, periodRow(sub.id, period, price, status, nowMs, held ? 'consent' : null)))
            continue;
          inserted++;
          if (held) awaitingConsent++;
          else if (status === 'awaiting_confirmation') awaitingConfirmation++;
          if (raise) {
            raiseApplied = true;
            priceIncreasesApplied++;
            applyRaise(db, sub, price, period.index, nowMs);
          }
        }
        if (periods.length === room) more = true;
        // After this call's periods are written, so a period due before the flag that is written
        // now (awaiting confirmation) is skipped along with the rest.
        if (endsNow) {
          endSubscription(db, sub.id, nowMs);
          const skipped = skipOpenPeriods(db, sub.id, nowMs);
          appendAudit(
            db,
            {
              actor: 'scheduler',
              action: 'subscription.canceled_at_period_end',
              subject: `subscription:${sub.id}`,
              details: { from: sub.status, to: 'canceled', skippedPeriods: skipped },
            },
            () => new Date(nowMs),
          );
          canceled++;
        }
        // The subscription is materialised up to now: nothing to do for it until its next period.
        if (!endsNow && nextDueAt !== sub.nextDueAt) setNextDueAt(db, sub.id, nextDueAt);
      }
      const last = page.at(-1);
      if (!last || page.length < PAGE_SIZE) break;
      cursor = { afterDue: last.nextDueAt, afterId: last.id };
    }
  })();

  if (inserted > 0 || failed > 0 || canceled > 0) {
    options.log?.info('periods materialized', {
      inserted,
      awaitingConfirmation,
      awaitingConsent,
      priceIncreasesApplied,
      failed,
      canceled,
      more,
    });
  }
  return { inserted, awaitingConfirmation, awaitingConsent, priceIncreasesApplied, more, failed, canceled };
}

/** The consented raise becomes the subscription's price with the first period written at it. */
function applyRaise(
  db: Ledger['db'],
  sub: DueSubscription,
  price: { amount: number; taxFreeAmount: number },
  periodIndex: number,
  nowMs: number,
): void {
  setSubscriptionPrice(db, sub.id, price, nowMs);
  // A consented raise is read with its price_changes row (ConsentState): changeId is set.
  markPriceChangeApplied(db, sub.changeId as number, nowMs);
  appendAudit(
    db,
    {
      actor: 'scheduler',
      action: 'subscription.price_increase_applied',
      subject: `subscription:${sub.id}`,
      details: {
        priceChangeId: sub.changeId,
        fromAmount: sub.amount,
        amount: price.amount,
        taxFreeAmount: price.taxFreeAmount,
        periodIndex,
      },
    },
    () => new Date(nowMs),
  );
}
