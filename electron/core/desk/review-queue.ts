import type Database from 'better-sqlite3';
import type { ChargeView, RefundView } from '../billing/index.ts';
import { memberLabels } from '../ledger/index.ts';

/** Who a row of the "확인 필요" queue concerns: staff decide by the member, not by an order id. */
interface MemberLabel {
  readonly memberId: number;
  readonly memberNo: string;
  readonly memberName: string;
}

export interface ReviewQueue {
  readonly charges: (ChargeView & MemberLabel)[];
  readonly refunds: (RefundView & MemberLabel & { readonly orderName: string })[];
}

/**
 * The reconciler's queue with each row's member (and, for a refund, the charge it cancels), read
 * in one query per table: the queue is small, the members table may hold thousands.
 */
export function reviewQueueWithMembers(
  db: Database.Database,
  queue: { readonly charges: readonly ChargeView[]; readonly refunds: readonly RefundView[] },
): ReviewQueue {
  const chargeOf = new Map<number, { memberId: number; orderName: string }>();
  const refundChargeIds = [...new Set(queue.refunds.map((refund) => refund.chargeId))];
  if (refundChargeIds.length > 0) {
    const rows = db
      .prepare(
        `SELECT id, member_id AS memberId, order_name AS orderName FROM charge_attempts
         WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(refundChargeIds)) as { id: number; memberId: number; orderName: string }[];
    for (const row of rows) chargeOf.set(row.id, row);
  }
  const members = memberLabels(db, [
    ...queue.charges.map((charge) => charge.memberId),
    ...[...chargeOf.values()].map((charge) => charge.memberId),
  ]);
  const label = (memberId: number): MemberLabel => {
    const member = members.get(memberId);
    return { memberId, memberNo: member?.memberNo ?? '', memberName: member?.name ?? '' };
  };
  return {
    charges: queue.charges.map((charge) => ({ ...charge, ...label(charge.memberId) })),
    refunds: queue.refunds.map((refund) => {
      const charge = chargeOf.get(refund.chargeId);
      return { ...refund, ...label(charge?.memberId ?? 0), orderName: charge?.orderName ?? '' };
    }),
  };
}
