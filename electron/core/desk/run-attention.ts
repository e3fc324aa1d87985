import type { Desk } from './open-desk.ts';

export interface ChargeNeedingAttention {
  readonly chargeId: number;
  readonly memberName: string;
  readonly amount: number;
  readonly status: 'DECLINED' | 'FAILED' | 'UNKNOWN';
  readonly tossMessage: string | null;
}

/**
 * Scheduled attempts that a run made and left declined, failed or unknown: what staff are told about after
 * the run (a notification each, and the home screen's list). Manual charges are left out: the
 * cashier saw their outcome on the screen already.
 */
export function chargesNeedingAttention(desk: Desk, sinceMs: number): ChargeNeedingAttention[] {
  return desk.ledger.db
    .prepare(
      `SELECT a.id AS chargeId, m.name AS memberName, a.amount, a.status, a.toss_message AS tossMessage
       FROM charge_attempts a JOIN members m ON m.id = a.member_id
       WHERE a.created_at >= ? AND a.kind <> 'manual' AND a.status IN ('DECLINED', 'FAILED', 'UNKNOWN')
       ORDER BY a.id`,
    )
    .all(sinceMs) as ChargeNeedingAttention[];
}

/** How much waits for a person: catch-ups to approve and outcomes to check by hand. */
export function attentionCounts(desk: Desk): { catchUps: number; needsReview: number } {
  const review = desk.billing().reconciler.needsReview();
  return { catchUps: desk.catchUp.list().length, needsReview: review.charges.length + review.refunds.length };
}
