import type { Ledger } from '../ledger/index.ts';
import { CONSENT_SQL, type ConsentState, paidChargesConsented, raiseFrom } from './consent-periods.ts';
import { MAX_PERIODS_PER_CALL, periodsBetween } from './periods.ts';
import type { Schedule } from './schedule-types.ts';

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

interface ActiveRow extends Schedule, ConsentState {
  readonly id: number;
  readonly amount: number;
  readonly lastIndex: number | null;
  readonly hasCard: 0 | 1;
}

// Like the runner: active subscriptions of active members (those set to end with their period are
// charged only up to it, so the preview leaves their new periods out rather than overcount).
const ACTIVE_SQL = `
  SELECT s.id, s.amount, s.interval_unit AS intervalUnit, s.interval_count AS intervalCount,
    s.charge_time AS chargeTime, s.anchor_date AS anchorDate, s.start_date AS startDate,
    s.trial_end AS trialEnd, s.time_zone AS timeZone,
    (SELECT max(p.period_index) FROM subscription_periods AS p WHERE p.subscription_id = s.id) AS lastIndex,
    EXISTS (SELECT 1 FROM cards AS c WHERE c.member_id = s.member_id AND c.status = 'active') AS hasCard,
    ${CONSENT_SQL.columns}
  FROM subscriptions AS s JOIN members AS m ON m.id = s.member_id ${CONSENT_SQL.joins}
  WHERE s.status = 'active' AND s.cancel_at_period_end = 0 AND m.status = 'active'
  ORDER BY s.id`;

// Periods already written and waiting to be charged (an approved catch-up, a run cut short).
const PENDING_SQL = `
  SELECT p.amount,
    EXISTS (SELECT 1 FROM cards AS c WHERE c.member_id = s.member_id AND c.status = 'active') AS hasCard
  FROM subscription_periods AS p JOIN subscriptions AS s ON s.id = p.subscription_id
  WHERE p.status = 'pending' AND p.due_at <= @now AND s.status = 'active'`;

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
  for (const row of ledger.db.prepare(PENDING_SQL).all({ now: nowMs }) as {
    amount: number;
    hasCard: 0 | 1;
  }[]) {
    add(row.amount, row.hasCard === 1);
  }
  for (const row of ledger.db.prepare(ACTIVE_SQL).all() as ActiveRow[]) {
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
