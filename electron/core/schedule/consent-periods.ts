import { CONSENT_WINDOW_MS } from './consent-terms.ts';
import { firstChargeIndex, period as periodAt } from './periods.ts';
import type { Period, Schedule } from './schedule-types.ts';

/**
 * What consent does to a subscription's periods (design.md invariant 12, issue 20), read by the
 * materializer that writes them and by the "지금 결제 실행" preview that must say the same: a raise
 * the member consented to, and a trial's latest consent to paid charges.
 */
export interface ConsentState {
  /** A raise the member consented to (price_changes 'consented'), or nulls. */
  readonly changeId: number | null;
  readonly changeAmount: number | null;
  readonly changeTaxFreeAmount: number | null;
  readonly changeFrom: string | null;
  readonly changeConsentAt: number | null;
  /** With a trial only: the latest consent to paid charges (signup or trial notice). */
  readonly paidConsentAt: number | null;
}

/** The ConsentState columns, for a query over `subscriptions AS s` with the joins below. */
const CONSENT_COLUMNS = `pc.id AS changeId, pc.amount AS changeAmount,
    pc.tax_free_amount AS changeTaxFreeAmount, pc.effective_from AS changeFrom,
    pcc.recorded_at AS changeConsentAt,
    CASE WHEN s.trial_end IS NULL OR s.trial_end <= s.start_date THEN NULL ELSE
      (SELECT max(c.recorded_at) FROM consents AS c
       WHERE c.subscription_id = s.id AND c.kind IN ('subscription', 'trial-conversion')) END AS paidConsentAt`;

/** The open raise (at most one, price_changes_one_open), only once consented. */
const CONSENT_JOINS = `
  LEFT JOIN price_changes AS pc ON pc.subscription_id = s.id AND pc.status IN ('pending', 'consented')
    AND pc.consent_id IS NOT NULL
  LEFT JOIN consents AS pcc ON pcc.id = pc.consent_id`;

/** What a query selects and joins to read a subscription's ConsentState. */
export const CONSENT_SQL = { columns: CONSENT_COLUMNS, joins: CONSENT_JOINS } as const;

/**
 * A trial's paid periods may be charged only once consent to paid charges was recorded within the
 * 30 days before the first of them; skipping that period does not let the next one through.
 */
export function paidChargesConsented(sub: Schedule & ConsentState): boolean {
  return (
    sub.trialEnd === null ||
    sub.trialEnd <= sub.startDate ||
    (sub.paidConsentAt !== null &&
      sub.paidConsentAt >= periodAt(sub, firstChargeIndex(sub)).dueAt - CONSENT_WINDOW_MS)
  );
}

/**
 * The consented raise's price when it applies from this period: the first period due after the
 * consent that starts on or after the owner's date. Null when the period keeps the current price.
 */
export function raiseFrom(
  sub: ConsentState,
  period: Period,
): { amount: number; taxFreeAmount: number } | null {
  if (sub.changeConsentAt === null || sub.changeAmount === null || sub.changeTaxFreeAmount === null) {
    return null;
  }
  if (period.dueAt <= sub.changeConsentAt || period.start < (sub.changeFrom ?? '')) return null;
  return { amount: sub.changeAmount, taxFreeAmount: sub.changeTaxFreeAmount };
}
