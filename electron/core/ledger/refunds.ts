import type Database from 'better-sqlite3';
import { REFUSAL_SET, refusalColumns, type TossRefusal, UNRESOLVED_ROW } from './refusal-columns.ts';
import { statement } from './statement.ts';

/*
 * The home of the `refunds` table: every statement that reads or writes a refund row is here, as a
 * named function. What an outcome means and when a refund may be asked for are billing's rules;
 * these only read and write rows.
 */

export type RefundStatus = 'PENDING' | 'DONE' | 'FAILED' | 'UNKNOWN';

/** A refund as the app and the CLI see it, with what its charge has left. */
export interface RefundView {
  readonly id: number;
  readonly chargeId: number;
  readonly requestId: string | null;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly reason: string;
  readonly status: RefundStatus;
  readonly tossCode: string | null;
  readonly tossMessage: string | null;
  /** Toss's X-TossPayments-Trace-Id of the last answer about this refund. */
  readonly tossTraceId: string | null;
  readonly transactionKey: string | null;
  /** Toss's balance right after this cancel. */
  readonly balanceAfter: number | null;
  /** The charge's balance now, as Toss last reported it; 0 means fully refunded. */
  readonly chargeBalance: number | null;
  readonly operatorId: number;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
}

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
  return statement(db, `SELECT ${ROW_COLUMNS} FROM refunds WHERE id = ?`).get(id) as RefundRow | undefined;
}

export function refundByRequestId(db: Database.Database, requestId: string): RefundRow | undefined {
  return statement(db, `SELECT ${ROW_COLUMNS} FROM refunds WHERE request_id = ?`).get(requestId) as
    | RefundRow
    | undefined;
}

export interface NewRefund extends Omit<RefundRow, 'id' | 'status' | 'createdAt'> {
  readonly at: number;
}

const INSERT_SQL = `
  INSERT INTO refunds (charge_attempt_id, idempotency_key, request_id, amount, tax_free_amount, reason,
    status, operator_id, created_at, updated_at)
  VALUES (@chargeId, @idempotencyKey, @requestId, @amount, @taxFreeAmount, @reason, 'PENDING',
    @operatorId, @at, @at)`;

/** A PENDING refund; the caller commits it (with its audit row) before the cancel request leaves. */
export function insertRefund(db: Database.Database, refund: NewRefund): number {
  return Number(statement(db, INSERT_SQL).run(refund).lastInsertRowid);
}

/** A cancel Toss lists that the ledger did not know (after a restore), recorded DONE as Toss has it. */
export interface RecoveredRefund extends Omit<NewRefund, 'requestId'> {
  readonly transactionKey: string;
  readonly balanceAfter: number;
  /** When it was recovered (`at` is when Toss gave it). */
  readonly now: number;
}

const INSERT_RECOVERED_SQL = `
  INSERT INTO refunds (charge_attempt_id, idempotency_key, amount, tax_free_amount, reason, status,
    transaction_key, balance_after, operator_id, created_at, resolved_at, updated_at, recovered_at)
  VALUES (@chargeId, @idempotencyKey, @amount, @taxFreeAmount, @reason, 'DONE', @transactionKey,
    @balanceAfter, @operatorId, @at, @now, @now, @now)`;

export function insertRecoveredRefund(db: Database.Database, refund: RecoveredRefund): number {
  return Number(statement(db, INSERT_RECOVERED_SQL).run(refund).lastInsertRowid);
}

/** The balance a new refund may take: the DONE charge's balance less the refunds still in flight. */
export function refundableBalance(db: Database.Database, chargeId: number): number {
  return statement(
    db,
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
    statement(
      db,
      'SELECT transaction_key FROM refunds WHERE charge_attempt_id = ? AND transaction_key IS NOT NULL',
    )
      .pluck()
      .all(chargeId) as string[],
  );
}

/** Whether a refund of the ledger carries this Toss transaction key. */
export function transactionKeyRecorded(db: Database.Database, transactionKey: string): boolean {
  return statement(db, 'SELECT 1 FROM refunds WHERE transaction_key = ?').get(transactionKey) !== undefined;
}

/** True when the charge has a refund whose outcome is not known yet. */
export function hasUnresolvedRefunds(db: Database.Database, chargeId: number): boolean {
  return (
    statement(
      db,
      "SELECT 1 FROM refunds WHERE charge_attempt_id = ? AND status IN ('PENDING', 'UNKNOWN')",
    ).get(chargeId) !== undefined
  );
}

/** How many refunds are on their way to Toss or wait for an answer (PENDING, UNKNOWN). */
export function unresolvedRefundCount(db: Database.Database): number {
  return statement(db, "SELECT count(*) FROM refunds WHERE status IN ('PENDING', 'UNKNOWN')")
    .pluck()
    .get() as number;
}

/** A refund that Toss refused, or whose outcome is not known. */
export interface RefundRefusal extends TossRefusal {
  readonly status: 'FAILED' | 'UNKNOWN';
}

export type RefundOutcome =
  | {
      readonly status: 'DONE';
      readonly transactionKey: string;
      readonly balanceAfter: number;
      readonly traceId?: string | null;
    }
  | RefundRefusal;

const APPROVAL_SQL = `UPDATE refunds SET status = 'DONE', toss_code = NULL, toss_message = NULL,
             transaction_key = @transactionKey, balance_after = @balanceAfter,
             toss_trace_id = coalesce(@traceId, toss_trace_id), resolved_at = @at, updated_at = @at
           ${UNRESOLVED_ROW}`;
const REFUSAL_SQL = `UPDATE refunds SET ${REFUSAL_SET} ${UNRESOLVED_ROW}`;

/** Writes an outcome onto an unresolved refund; false when it was already resolved. */
export function writeRefundOutcome(
  db: Database.Database,
  id: number,
  outcome: RefundOutcome,
  at: number,
): boolean {
  if (outcome.status === 'DONE') {
    return (
      statement(db, APPROVAL_SQL).run({
        id,
        at,
        transactionKey: outcome.transactionKey,
        balanceAfter: outcome.balanceAfter,
        traceId: outcome.traceId ?? null,
      }).changes === 1
    );
  }
  return statement(db, REFUSAL_SQL).run(refusalColumns(id, outcome, at)).changes === 1;
}

const VIEW_SQL = `
  SELECT r.id, r.charge_attempt_id AS chargeId, r.request_id AS requestId, r.amount,
    r.tax_free_amount AS taxFreeAmount, r.reason, r.status, r.toss_code AS tossCode,
    r.toss_message AS tossMessage, r.toss_trace_id AS tossTraceId, r.transaction_key AS transactionKey, r.balance_after AS balanceAfter,
    c.balance_amount AS chargeBalance, r.operator_id AS operatorId, r.created_at AS createdAt,
    r.resolved_at AS resolvedAt
  FROM refunds AS r JOIN charge_attempts AS c ON c.id = r.charge_attempt_id`;
const VIEW_BY_ID_SQL = `${VIEW_SQL} WHERE r.id = ?`;
const VIEWS_OF_CHARGE_SQL = `${VIEW_SQL} WHERE r.charge_attempt_id = ? ORDER BY r.created_at, r.id`;
const UNRESOLVED_VIEWS_SQL = `${VIEW_SQL} WHERE r.status IN ('PENDING', 'UNKNOWN') ORDER BY r.created_at, r.id LIMIT ?`;

export function refundView(db: Database.Database, id: number): RefundView | undefined {
  return statement(db, VIEW_BY_ID_SQL).get(id) as RefundView | undefined;
}

export function refundViewsOf(db: Database.Database, chargeId: number): RefundView[] {
  return statement(db, VIEWS_OF_CHARGE_SQL).all(chargeId) as RefundView[];
}

/** Refunds that wait for an answer (PENDING, UNKNOWN), oldest first. */
export function unresolvedRefundViews(db: Database.Database, limit: number): RefundView[] {
  return statement(db, UNRESOLVED_VIEWS_SQL).all(limit) as RefundView[];
}
