import { type Ledger, scheduledSubscriptions } from '../ledger/index.ts';
import { firstChargeIndex, periodsBetween } from './periods.ts';
import type { Period } from './schedule-types.ts';

export const DEFAULT_UPCOMING_DAYS = 30;
/** A year and a day: a daily subscription then stays within one periodsBetween call. */
export const MAX_UPCOMING_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1_000;
/** The latest instant periodsBetween accepts: "no end" when looking for a subscription's next charge. */
const FAR_FUTURE_MS = 8.64e15;

export interface UpcomingOptions {
  /** The instant the preview is as of: charges due after it are listed. */
  readonly now: Date;
  /** The window is (now, now + days × 24 h]; default 30, 1 to 366. */
  readonly days?: number;
  /** Only this member's subscriptions (their page); default every member's. */
  readonly memberId?: number;
}

export interface UpcomingCharge {
  readonly subscriptionId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  readonly periodIndex: number;
  /** Store-local date the period starts on (its charge day), in the subscription's time zone. */
  readonly date: string;
  readonly dueAt: number;
  /** The subscription's amount now: a price change applies to every period written after it. */
  readonly amount: number;
}

export interface UpcomingSubscription {
  readonly subscriptionId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  /** The first charge not yet in the ledger and due after `now`, even beyond the window; null if none. */
  readonly next: UpcomingCharge | null;
  /** Charges of this subscription in the window. */
  readonly count: number;
  readonly amount: number;
  /** False when the member has no active card: the runner will skip the charge. */
  readonly hasCard: boolean;
  /** The active card's expiry lapses before `next`: the charge will fail unless the card is replaced. */
  readonly cardLapsesFirst: boolean;
}

/** A member's active card whose expiry month ends before a subscription's next charge. */
export interface LapsingCard {
  readonly subscriptionId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  readonly cardId: number;
  readonly maskedNumber: string;
  readonly expiryMonth: number;
  readonly expiryYear: number;
  /** The next charge's store-local date and due time. */
  readonly nextDate: string;
  readonly nextDueAt: number;
}

export interface UpcomingDay {
  readonly date: string;
  readonly count: number;
  readonly amount: number;
  readonly charges: UpcomingCharge[];
}

export interface UpcomingReport {
  readonly from: number;
  readonly until: number;
  readonly days: number;
  readonly subscriptions: UpcomingSubscription[];
  /** Days with at least one charge, in date order. */
  readonly byDay: UpcomingDay[];
  /** Active subscriptions whose periods could not be computed (left out of everything above). */
  readonly failed: number;
  readonly total: { readonly count: number; readonly amount: number };
  /**
   * Subscriptions whose member's card lapses before their next charge (whenever it is, even
   * beyond the window), soonest charge first. Cards of unknown expiry are not listed.
   */
  readonly cardsLapsing: LapsingCard[];
}

/**
 * The charges active subscriptions will make in the next `days` days, computed from each
 * schedule with the period module (not read from subscription_periods: periods are only written
 * once due). Periods already in the ledger are not counted again: the walk starts one past the
 * last recorded index, as the materializer does, so a `run-due --now` preview in the future does
 * not show charges it already made. Grouped per subscription and per store-local day.
 */
export function upcoming(ledger: Ledger, options: UpcomingOptions): UpcomingReport {
  const days = options.days ?? DEFAULT_UPCOMING_DAYS;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_UPCOMING_DAYS) {
    throw new RangeError(`upcoming: days must be 1 to ${MAX_UPCOMING_DAYS}`);
  }
  const from = options.now.getTime();
  if (!Number.isFinite(from)) throw new RangeError('upcoming: now is not a valid date');
  const until = from + days * DAY_MS;

  const rows = scheduledSubscriptions(ledger.db, options.memberId ?? null);
  const cardsLapsing: LapsingCard[] = [];
  const subscriptions: UpcomingSubscription[] = [];
  const byDate = new Map<string, UpcomingCharge[]>();
  let failed = 0;
  for (const row of rows) {
    // Strictly after now: a charge due at `now` or before is the runner's, not upcoming.
    const fromIndex = Math.max(firstChargeIndex(row), row.lastIndex === null ? 0 : row.lastIndex + 1);
    const charge = (p: Period): UpcomingCharge => ({
      subscriptionId: row.id,
      memberId: row.memberId,
      memberName: row.memberName,
      orderName: row.orderName,
      periodIndex: p.index,
      date: p.start,
      dueAt: p.dueAt,
      // The same rule as the materialiser: a consented raise from the first period due after the
      // consent and starting on or after the owner's date.
      amount:
        row.raisedAmount !== null &&
        row.raiseConsentAt !== null &&
        p.dueAt > row.raiseConsentAt &&
        p.start >= (row.raisedFrom ?? '')
          ? row.raisedAmount
          : row.amount,
    });
    let periods: Period[];
    let first: Period | undefined;
    try {
      periods = periodsBetween(row, { fromIndex, fromMs: from + 1, untilMs: until });
      first =
        periods[0] ??
        periodsBetween(row, { fromIndex, fromMs: from + 1, untilMs: FAR_FUTURE_MS, limit: 1 })[0];
    } catch {
      // Terms that cannot be computed (the materializer logs them): one must not hide the others.
      failed++;
      continue;
    }
    const inWindow = periods.map(charge);
    const next = first === undefined ? null : charge(first);
    subscriptions.push({
      subscriptionId: row.id,
      memberId: row.memberId,
      memberName: row.memberName,
      orderName: row.orderName,
      next,
      count: inWindow.length,
      amount: inWindow.reduce((sum, c) => sum + c.amount, 0),
      hasCard: row.hasCard === 1,
      cardLapsesFirst: next !== null && lapsesBefore(row, next.date),
    });
    if (next !== null && lapsesBefore(row, next.date) && row.cardId !== null && row.maskedNumber !== null) {
      cardsLapsing.push({
        subscriptionId: row.id,
        memberId: row.memberId,
        memberName: row.memberName,
        orderName: row.orderName,
        cardId: row.cardId,
        maskedNumber: row.maskedNumber,
        expiryMonth: row.expiryMonth ?? 0,
        expiryYear: row.expiryYear ?? 0,
        nextDate: next.date,
        nextDueAt: next.dueAt,
      });
    }
    for (const c of inWindow) {
      const list = byDate.get(c.date);
      if (list) list.push(c);
      else byDate.set(c.date, [c]);
    }
  }

  const byDay = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, charges]) => ({
      date,
      count: charges.length,
      amount: charges.reduce((sum, c) => sum + c.amount, 0),
      charges: charges.sort((a, b) => a.dueAt - b.dueAt || a.subscriptionId - b.subscriptionId),
    }));
  return {
    from,
    until,
    days,
    subscriptions,
    failed,
    byDay,
    total: {
      count: byDay.reduce((sum, d) => sum + d.count, 0),
      amount: byDay.reduce((sum, d) => sum + d.amount, 0),
    },
    cardsLapsing: cardsLapsing.sort(
      (a, b) => a.nextDueAt - b.nextDueAt || a.subscriptionId - b.subscriptionId,
    ),
  };
}

/**
 * A card is valid through the last day of its expiry month; a charge dated in a later month finds
 * it lapsed. Dates are 'YYYY-MM-DD', so comparing 'YYYY-MM' text orders them. Unknown expiry: no.
 */
function lapsesBefore(
  card: { expiryMonth: number | null; expiryYear: number | null },
  date: string,
): boolean {
  if (card.expiryMonth === null || card.expiryYear === null) return false;
  const through = `${card.expiryYear}-${String(card.expiryMonth).padStart(2, '0')}`;
  return date.slice(0, 7) > through;
}
