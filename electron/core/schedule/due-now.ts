import { type Ledger, pendingDuePeriods, runnableSubscriptions } from '../ledger/index.ts';
import { paidChargesConsented, raiseFrom } from './consent-periods.ts';
import { MAX_PERIODS_PER_CALL, periodsBetween } from './periods.ts';

export interface DueNowPreview {
  /** Periods a run at `now` would charge: due, within the catch-up threshold, member with a card. */
  readonly count: number;
  readonly amount: number;
  /** Due periods missed by more than the threshold: a run only sets them aside for a manager. */
  readonly awaitingApproval: number;
  /** Due periods of members without an active card: a run skips them. */
  readonly withoutCard: number;
  /** Trials' first paid periods without the member's consent: a run holds them, charging nothing. */
  readonly awaitingConsent: number;
}

/**
 * What "지금 결제 실행" would charge at `now`, read without writing anything, by the runner's own
 * rules (materializeDuePeriods' threshold, its consent rules, the period module's dates), so a
 * person can confirm a count and a total before money moves: a trial period held for consent is
 * not counted as a charge, and a consented raise is counted at its new price. Dunning retries are not counted: they are tries of charges
 * already made, shown in the log.
 */
export function dueNowPreview(ledger: Ledger, now: Date, catchUpThresholdMs: number): DueNowPreview {
  const nowMs = now.getTime();
  let count = 0;
  let amount = 0;
  let awaitingApproval = 0;
  let withoutCard = 0;
  let awaitingConsent = 0;
  const add = (periodAmount: number, hasCard: boolean) => {
    if (!hasCard) {
      withoutCard++;
      return;
    }
    count++;
    amount += periodAmount;
  };
  for (const row of pendingDuePeriods(ledger.db, nowMs)) add(row.amount, row.hasCard === 1);
  for (const row of runnableSubscriptions(ledger.db)) {
    let due: ReturnType<typeof periodsBetween>;
    let consented: boolean;
    try {
      due = periodsBetween(row, {
        fromIndex: row.lastIndex === null ? 0 : row.lastIndex + 1,
        untilMs: nowMs,
        limit: MAX_PERIODS_PER_CALL,
      });
      consented = due.length === 0 || paidChargesConsented(row);
    } catch {
      // Terms that cannot be computed are the runner's to report; they charge nothing.
      continue;
    }
    let periodAmount = row.amount;
    let raised = false;
    for (const period of due) {
      const raise = raised ? null : raiseFrom(row, period);
      if (raise) {
        periodAmount = raise.amount;
        raised = true;
      }
      if (!consented) awaitingConsent++;
      else if (nowMs - period.dueAt > catchUpThresholdMs) awaitingApproval++;
      else add(periodAmount, row.hasCard === 1);
    }
  }
  return { count, amount, awaitingApproval, withoutCard, awaitingConsent };
}
