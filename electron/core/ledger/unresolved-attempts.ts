import type Database from 'better-sqlite3';
import type { ChargeKind } from './charge-types.ts';

/** What reconciliation needs to look an attempt up by orderId and, if Toss never saw it, resend it. */
export interface UnresolvedAttempt {
  readonly id: number;
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly status: 'PENDING' | 'UNKNOWN';
  readonly kind: ChargeKind;
  readonly memberId: number;
  readonly cardId: number;
  readonly subscriptionPeriodId: number | null;
  readonly attemptNo: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly createdAt: number;
  readonly sentAt: number | null;
}

export const UNRESOLVED_ATTEMPTS_SQL = `
  SELECT id, order_id AS orderId, idempotency_key AS idempotencyKey, status, kind,
    member_id AS memberId, card_id AS cardId, subscription_period_id AS subscriptionPeriodId,
    attempt_no AS attemptNo, amount, tax_free_amount AS taxFreeAmount, order_name AS orderName,
    created_at AS createdAt, sent_at AS sentAt
  FROM charge_attempts INDEXED BY charge_attempts_unresolved
  WHERE status IN ('PENDING', 'UNKNOWN')
  ORDER BY created_at, id
  LIMIT @limit`;

/** The PENDING and UNKNOWN attempts, oldest first: the queue reconciliation works through. */
export function unresolvedAttempts(db: Database.Database, limit = 1_000): UnresolvedAttempt[] {
  return db.prepare(UNRESOLVED_ATTEMPTS_SQL).all({ limit }) as UnresolvedAttempt[];
}
