import { type ChargeNeedingAttention, scheduledAttemptsNeedingAttention } from '../ledger/index.ts';
import type { Desk } from './open-desk.ts';

/**
 * Scheduled attempts that a run made and left declined, failed or unknown: what staff are told about after
 * the run (a notification each, and the home screen's list). Manual charges are left out: the
 * cashier saw their outcome on the screen already.
 */
export function chargesNeedingAttention(desk: Desk, sinceMs: number): ChargeNeedingAttention[] {
  return scheduledAttemptsNeedingAttention(desk.ledger.db, sinceMs);
}

/** How much waits for a person: catch-ups to approve and outcomes to check by hand. */
export function attentionCounts(desk: Desk): { catchUps: number; needsReview: number } {
  const review = desk.billing().reconciler.needsReview();
  return { catchUps: desk.catchUp.list().length, needsReview: review.charges.length + review.refunds.length };
}

/** What the OS is told after a run; member names and amounts only while someone is signed in. */
export type RunNotice =
  | ({ readonly kind: 'charge' } & ChargeNeedingAttention)
  | { readonly kind: 'needs-check'; readonly count: number }
  | { readonly kind: 'catch-up'; readonly count: number };

export interface AfterRun {
  readonly notices: RunNotice[];
  /** The chargeResult events for the window: none while nobody is signed in. */
  readonly chargeResults: ChargeNeedingAttention[];
  readonly attention: { catchUps: number; needsReview: number };
}

/**
 * What staff are told after a run. A PC left locked at the counter must not show who was charged
 * how much: with nobody signed in, the OS hears only "결제 3건 확인 필요" and the window gets the
 * counts, not the charges.
 */
export function afterRun(desk: Desk, sinceMs: number, signedIn: boolean): AfterRun {
  const charges = chargesNeedingAttention(desk, sinceMs);
  const attention = attentionCounts(desk);
  const notices: RunNotice[] = signedIn
    ? charges.map((charge) => ({ kind: 'charge' as const, ...charge }))
    : charges.length > 0
      ? [{ kind: 'needs-check', count: charges.length }]
      : [];
  if (attention.catchUps > 0) notices.push({ kind: 'catch-up', count: attention.catchUps });
  return { notices, chargeResults: signedIn ? charges : [], attention };
}

/** The tray's line about what waits for a person, counts only (the tray shows whoever is signed in or not). */
export function attentionLabel(desk: Desk): string | null {
  const { catchUps, needsReview } = attentionCounts(desk);
  const count = catchUps + needsReview;
  return count > 0 ? `결제 ${new Intl.NumberFormat('ko-KR').format(count)}건 확인 필요` : null;
}
