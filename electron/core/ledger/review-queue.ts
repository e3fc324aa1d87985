import type Database from 'better-sqlite3';
import type { ChargeView } from './attempts.ts';
import type { RefundView } from './refunds.ts';
import { statement } from './statement.ts';

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

type ChargeLabel = MemberLabel & { readonly orderName: string };

/**
 * The reconciler's queue (the charges and refunds that wait for a person) with each row's member
 * and, for a refund, the order name of the charge it cancels: one read of the charges the queue
 * names with their members, since the queue is small and the members table may hold thousands.
 */
export function reviewQueueWithMembers(
  db: Database.Database,
  queue: { readonly charges: readonly ChargeView[]; readonly refunds: readonly RefundView[] },
): ReviewQueue {
  const chargeIds = new Set([
    ...queue.charges.map((charge) => charge.id),
    ...queue.refunds.map((refund) => refund.chargeId),
  ]);
  const labels = new Map<number, ChargeLabel>();
  if (chargeIds.size > 0) {
    const rows = statement(
      db,
      `SELECT c.id, c.member_id AS memberId, coalesce(m.member_no, '') AS memberNo,
         coalesce(m.name, '') AS memberName, c.order_name AS orderName
       FROM charge_attempts AS c LEFT JOIN members AS m ON m.id = c.member_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify([...chargeIds])) as (ChargeLabel & { id: number })[];
    for (const { id, ...label } of rows) labels.set(id, label);
  }
  return {
    charges: queue.charges.map((charge) => {
      const label = labels.get(charge.id);
      return {
        ...charge,
        memberNo: label?.memberNo ?? '',
        memberName: label?.memberName ?? '',
      };
    }),
    refunds: queue.refunds.map((refund) => {
      const label = labels.get(refund.chargeId);
      return {
        ...refund,
        memberId: label?.memberId ?? 0,
        memberNo: label?.memberNo ?? '',
        memberName: label?.memberName ?? '',
        orderName: label?.orderName ?? '',
      };
    }),
  };
}
