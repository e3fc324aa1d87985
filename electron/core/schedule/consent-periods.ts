import type { ConsentState } from '../ledger/index.ts';
import { CONSENT_WINDOW_MS } from './consent-terms.ts';
import { firstChargeIndex, period as periodAt } from './periods.ts';
import type { Period, Schedule } from './schedule-types.ts';

/*
 * What consent does to a subscription's periods (design.md invariant 12, issue 20), for the
 * materializer that writes them and the "지금 결제 실행" preview that must say the same. The
 * ConsentState they read comes with the subscription's row (ledger/subscriptions.ts).
 */

/**
 * A trial's paid periods may be charged only once consent to paid charges was recorded within the
 * 30 days before the first of them; skipping that period does not let the next one through.
 */
export function paidChargesConsented(sub: Schedule & Pick<ConsentState, 'paidConsentAt'>): boolean {
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
