import {
  CHARGE_KINDS,
  type ChargeLogEntry,
  type ChargeTotals,
  chargeLogPage,
  monthTotals,
  type RefundTotals,
  refundTotals,
  subscriptionsNeedingAction,
} from '../ledger/index.ts';
import { storeDay, storeMonth, upcoming } from '../schedule/index.ts';
import type { Desk } from './open-desk.ts';

/** Approvals as Toss split them, the refunds given in the same days, and what the store kept. */
export interface PeriodTotals extends ChargeTotals {
  readonly refunds: RefundTotals;
  /** Approved minus refunded: the charges log's 순매출 for the same days. */
  readonly net: number;
}

export interface Dashboard {
  readonly today: PeriodTotals;
  readonly month: PeriodTotals;
  /** Scheduled charges still to come today: count and amount. */
  readonly dueToday: { readonly count: number; readonly amount: number };
  /** Declined and failed charges of the last 7 days, newest first (at most 20). */
  readonly attention: ChargeLogEntry[];
  /** Subscriptions waiting for a new card or past due after the last retry. */
  readonly subscriptionsNeedingAction: number;
  readonly needsReview: number;
  readonly catchUps: number;
  /** Active cards that lapse before a subscription's next charge (upcoming's cardsLapsing). */
  readonly cardsLapsing: number;
  /** The last 30 store-local days, oldest first: what was charged each day. */
  readonly last30Days: { readonly date: string; readonly count: number; readonly amount: number }[];
}

const ATTENTION_DAYS = 7;
const ATTENTION_LIMIT = 20;

/** The home screen in one call: every number comes from the ledger's indexes, none from a full scan. */
export function dashboard(desk: Desk, now: Date, timeZone: string): Dashboard {
  const db = desk.ledger.db;
  const today = storeDay(now, timeZone);
  const month = storeMonth(now, timeZone);
  const since = storeDay(now, timeZone, -ATTENTION_DAYS).start;
  const attention = (['DECLINED', 'FAILED'] as const)
    .flatMap(
      (status) =>
        chargeLogPage(db, { status, from: since, kinds: CHARGE_KINDS }, { limit: ATTENTION_LIMIT }).entries,
    )
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    .slice(0, ATTENTION_LIMIT);
  const nextDay = upcoming(desk.ledger, { now, days: 1 });
  const todayCharges = nextDay.byDay.find((day) => day.date === today.date);
  const review = desk.billing().reconciler.needsReview();
  return {
    today: periodTotals(db, today.start, today.end),
    month: periodTotals(db, month.start, month.end),
    dueToday: { count: todayCharges?.count ?? 0, amount: todayCharges?.amount ?? 0 },
    attention,
    subscriptionsNeedingAction: subscriptionsNeedingAction(db),
    needsReview: review.charges.length + review.refunds.length,
    catchUps: desk.catchUp.list().length,
    cardsLapsing: new Set(nextDay.cardsLapsing.map((card) => card.cardId)).size,
    last30Days: Array.from({ length: 30 }, (_, i) => {
      const day = storeDay(now, timeZone, i - 29);
      const totals = monthTotals(db, day.start, day.end);
      return { date: day.date, count: totals.count, amount: totals.amount };
    }),
  };
}

function periodTotals(db: Desk['ledger']['db'], from: number, to: number): PeriodTotals {
  const approved = monthTotals(db, from, to);
  const refunds = refundTotals(db, from, to);
  return { ...approved, refunds, net: approved.amount - refunds.amount };
}
