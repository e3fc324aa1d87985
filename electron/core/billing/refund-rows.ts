import type Database from 'better-sqlite3';
import type { RefundStatus, RefundView } from './views.ts';

export interface RefundRow {
  readonly id: number;
  readonly chargeId: number;
  readonly idempotencyKey: string;
  readonly requestId: string | null;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly reason: string;
  readonly status: RefundStatus;
  readonly operatorId: number;
  readonly createdAt: number;
}

const ROW_COLUMNS = `id, charge_attempt_id AS chargeId, idempotency_key AS idempotencyKey,
  request_id AS requestId, amount, tax_free_amount AS taxFreeAmount, reason, status,
  operator_id AS operatorId, created_at AS createdAt`;

export function refundRow(db: Database.Database, id: number): RefundRow | undefined {
  return db.prepare(`SELECT ${ROW_COLUMNS} FROM refunds WHERE id = ?`).get(id) as RefundRow | undefined;
}

export function refundByRequestId(db: Database.Database, requestId: string): RefundRow | undefined {
  return db.prepare(`SELECT ${ROW_COLUMNS} FROM refunds WHERE request_id = ?`).get(requestId) as
    | RefundRow
    | undefined;
}

export interface NewRefund {
  readonly chargeId: number;
  readonly idempotencyKey: string;
  readonly requestId: string | null;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly reason: string;
  readonly operatorId: number;
  readonly at: number;
}

/** A PENDING refund; the caller commits it (with its audit row) before the cancel request leaves. */
export function insertRefund(db: Database.Database, refund: NewRefund): number {
  return Number(
    db
      .prepare(
        `INSERT INTO refunds (charge_attempt_id, idempotency_key, request_id, amount, tax_free_amount, reason,
           status, operator_id, created_at, updated_at)
         VALUES (@chargeId, @idempotencyKey, @requestId, @amount, @taxFreeAmount, @reason, 'PENDING',
           @operatorId, @at, @at)`,
      )
      .run(refund).lastInsertRowid,
  );
}

/** The balance a new refund may take: the DONE charge's balance less the refunds still in flight. */
export function refundableBalance(db: Database.Database, chargeId: number): number {
  return db
    .prepare(
      `SELECT coalesce((SELECT balance_amount FROM charge_attempts WHERE id = @chargeId AND status = 'DONE'), 0)
         - (SELECT coalesce(sum(amount), 0) FROM refunds
            WHERE charge_attempt_id = @chargeId AND status IN ('PENDING', 'UNKNOWN'))`,
    )
    .pluck()
    .get({ chargeId }) as number;
}

/** Transaction keys already recorded for the charge: a cancel Toss lists is matched to one refund only. */
export function recordedTransactionKeys(db: Database.Database, chargeId: number): Set<string> {
  return new Set(
    db
      .prepare(
        'SELECT transaction_key FROM refunds WHERE charge_attempt_id = ? AND transaction_key IS NOT NULL',
      )
      .pluck()
      .all(chargeId) as string[],
  );
}

/** A refund that Toss refused, or whose outcome is not known. */
export interface RefundRefusal {
  readonly status: 'FAILED' | 'UNKNOWN';
  readonly code: string;
  readonly message: string;
  /** Toss's X-TossPayments-Trace-Id of the answer this was learned from. */
  readonly traceId?: string | null;
}

export type RefundOutcome =
  | {
      readonly status: 'DONE';
      readonly transactionKey: string;
      readonly balanceAfter: number;
      readonly traceId?: string | null;
    }
  | RefundRefusal;

/** Writes an outcome onto an unresolved refund; false when it was already resolved. */
export function writeRefundOutcome(
  db: Database.Database,
  id: number,
  outcome: RefundOutcome,
  at: number,
): boolean {
  const where = "WHERE id = @id AND status IN ('PENDING', 'UNKNOWN')";
  if (outcome.status === 'DONE') {
    return (
      db
        .prepare(
          `UPDATE refunds SET status = 'DONE', toss_code = NULL, toss_message = NULL,
             transaction_key = @transactionKey, balance_after = @balanceAfter,
             toss_trace_id = coalesce(@traceId, toss_trace_id), resolved_at = @at, updated_at = @at
           ${where}`,
        )
        .run({
          id,
          at,
          transactionKey: outcome.transactionKey,
          balanceAfter: outcome.balanceAfter,
          traceId: outcome.traceId ?? null,
        }).changes === 1
    );
  }
  return (
    db
      .prepare(
        `UPDATE refunds SET status = @status, toss_code = @code, toss_message = @message,
           toss_trace_id = coalesce(@traceId, toss_trace_id), resolved_at = @resolvedAt, updated_at = @at ${where}`,
      )
      .run({
        id,
        at,
        traceId: outcome.traceId ?? null,
        status: outcome.status,
        code: outcome.code,
        message: outcome.message,
        resolvedAt: outcome.status === 'UNKNOWN' ? null : at,
      }).changes === 1
  );
}

const VIEW_SQL = `
  SELECT r.id, r.charge_attempt_id AS chargeId, r.request_id AS requestId, r.amount,
    r.tax_free_amount AS taxFreeAmount, r.reason, r.status, r.toss_code AS tossCode,
    r.toss_message AS tossMessage, r.toss_trace_id AS tossTraceId, r.transaction_key AS transactionKey, r.balance_after AS balanceAfter,
    c.balance_amount AS chargeBalance, r.operator_id AS operatorId, r.created_at AS createdAt,
    r.resolved_at AS resolvedAt
  FROM refunds AS r JOIN charge_attempts AS c ON c.id = r.charge_attempt_id`;

export function refundView(db: Database.Database, id: number): RefundView | undefined {
  return db.prepare(`${VIEW_SQL} WHERE r.id = ?`).get(id) as RefundView | undefined;
}

export function refundViewsOf(db: Database.Database, chargeId: number): RefundView[] {
  return db
    .prepare(`${VIEW_SQL} WHERE r.charge_attempt_id = ? ORDER BY r.created_at, r.id`)
    .all(chargeId) as RefundView[];
}

export function unresolvedRefundViews(db: Database.Database, limit: number): RefundView[] {
  return db
    .prepare(`${VIEW_SQL} WHERE r.status IN ('PENDING', 'UNKNOWN') ORDER BY r.created_at, r.id LIMIT ?`)
    .all(limit) as RefundView[];
}
