import type Database from 'better-sqlite3';
import { statement } from '../ledger/index.ts';
import type { ChargeOutcome } from './charge-outcome.ts';
import type { ChargeStatus, ChargeView } from './views.ts';

/** The request columns of an attempt: exactly what is sent, and sent again on a resend. */
export interface AttemptRow {
  readonly id: number;
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly requestId: string | null;
  readonly memberId: number;
  readonly cardId: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly status: ChargeStatus;
  readonly operatorId: number | null;
  readonly createdAt: number;
  /** 'manual' for a charge a person asked for; the schedule's own kinds otherwise. */
  readonly kind: 'manual' | 'scheduled' | 'first' | 'retry';
  /** When the request last left for Toss (the first send or a reconciler's resend). */
  readonly sentAt: number | null;
  /** The subscription period a scheduled attempt charges; null for a manual one. */
  readonly periodId: number | null;
}

export interface NewAttempt {
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly requestId: string | null;
  readonly memberId: number;
  readonly cardId: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly operatorId: number | null;
  readonly at: number;
}

const ATTEMPT_COLUMNS = `id, order_id AS orderId, idempotency_key AS idempotencyKey, request_id AS requestId,
  member_id AS memberId, card_id AS cardId, amount, tax_free_amount AS taxFreeAmount,
  order_name AS orderName, status, operator_id AS operatorId, created_at AS createdAt, kind,
  sent_at AS sentAt, subscription_period_id AS periodId`;

export function attemptRow(db: Database.Database, id: number): AttemptRow | undefined {
  return statement(db, `SELECT ${ATTEMPT_COLUMNS} FROM charge_attempts WHERE id = ?`).get(id) as
    | AttemptRow
    | undefined;
}

export function attemptByRequestId(db: Database.Database, requestId: string): AttemptRow | undefined {
  return statement(db, `SELECT ${ATTEMPT_COLUMNS} FROM charge_attempts WHERE request_id = ?`).get(
    requestId,
  ) as AttemptRow | undefined;
}

/** A manual attempt, PENDING. The caller commits it (with its audit row) before sending anything. */
export function insertManualAttempt(db: Database.Database, attempt: NewAttempt): number {
  const result = statement(
    db,
    `INSERT INTO charge_attempts (order_id, idempotency_key, request_id, member_id, card_id, kind, amount,
         tax_free_amount, order_name, status, operator_id, created_at, updated_at)
       VALUES (@orderId, @idempotencyKey, @requestId, @memberId, @cardId, 'manual', @amount,
         @taxFreeAmount, @orderName, 'PENDING', @operatorId, @at, @at)`,
  ).run(attempt);
  return Number(result.lastInsertRowid);
}

/** Notes when the request left; only while PENDING (outcomes are final, and sent_at with them). */
export function markSent(db: Database.Database, id: number, at: number): void {
  statement(
    db,
    "UPDATE charge_attempts SET sent_at = @at, updated_at = @at WHERE id = @id AND status = 'PENDING'",
  ).run({ id, at });
}

/**
 * Notes that the reconciler sent the request again, while the attempt is unresolved: staff may
 * call it "결제 안 됨" only once Toss's longest approval time has passed since this send too.
 */
export function markResent(db: Database.Database, id: number, at: number): void {
  statement(
    db,
    "UPDATE charge_attempts SET sent_at = @at, updated_at = @at WHERE id = @id AND status IN ('PENDING', 'UNKNOWN')",
  ).run({ id, at });
}

/**
 * Writes an outcome onto an unresolved attempt and tells whether it did: false when the attempt
 * was already resolved (by a concurrent path), which the triggers would refuse to change anyway.
 */
export function writeOutcome(db: Database.Database, id: number, outcome: ChargeOutcome, at: number): boolean {
  const where = "WHERE id = @id AND status IN ('PENDING', 'UNKNOWN')";
  if (outcome.status === 'DONE') {
    return (
      statement(
        db,
        `UPDATE charge_attempts SET status = 'DONE', toss_code = NULL, toss_message = NULL,
             payment_key = @paymentKey, approve_no = @approveNo, supplied_amount = @suppliedAmount, vat = @vat,
             receipt_url = @receiptUrl, balance_amount = @balanceAmount, paid_card_number = @cardNumber,
             paid_card_company = @cardCompany, toss_trace_id = coalesce(@traceId, toss_trace_id),
             resolved_at = @at, updated_at = @at
           ${where}`,
      ).run({
        id,
        at,
        cardNumber: outcome.cardNumber,
        cardCompany: outcome.cardCompany,
        traceId: outcome.traceId ?? null,
        paymentKey: outcome.paymentKey,
        approveNo: outcome.approveNo,
        suppliedAmount: outcome.suppliedAmount,
        vat: outcome.vat,
        receiptUrl: outcome.receiptUrl,
        balanceAmount: outcome.balanceAmount,
      }).changes === 1
    );
  }
  const resolvedAt = outcome.status === 'UNKNOWN' ? null : at;
  return (
    statement(
      db,
      `UPDATE charge_attempts SET status = @status, toss_code = @code, toss_message = @message,
           toss_trace_id = coalesce(@traceId, toss_trace_id), resolved_at = @resolvedAt, updated_at = @at ${where}`,
    ).run({
      id,
      at,
      status: outcome.status,
      code: outcome.code,
      message: outcome.message,
      traceId: outcome.traceId ?? null,
      resolvedAt,
    }).changes === 1
  );
}

/** Lowers a charge's balance to what Toss reports after a cancel; never raises it. */
export function lowerBalance(db: Database.Database, chargeId: number, balance: number, at: number): void {
  statement(
    db,
    `UPDATE charge_attempts SET balance_amount = @balance, updated_at = @at
     WHERE id = @chargeId AND status = 'DONE' AND balance_amount > @balance`,
  ).run({ chargeId, balance, at });
}

// The card's columns through subqueries, not a join: with the SQLite that better-sqlite3 bundles a
// join made this one-row read cost 25–30 µs instead of 3 (bench/PROFILING.md), once per charge.
const VIEW_SQL = `
  SELECT c.id, c.order_id AS orderId, c.request_id AS requestId, c.member_id AS memberId, c.card_id AS cardId,
    coalesce(c.paid_card_number, (SELECT masked_number FROM cards WHERE id = c.card_id)) AS maskedNumber,
    coalesce(c.paid_card_company, (SELECT company_name FROM cards WHERE id = c.card_id)) AS company,
    c.toss_trace_id AS tossTraceId, c.kind,
    c.order_name AS orderName, c.amount, c.tax_free_amount AS taxFreeAmount, c.status,
    c.toss_code AS tossCode, c.toss_message AS tossMessage, c.payment_key AS paymentKey,
    c.approve_no AS approveNo, c.supplied_amount AS suppliedAmount, c.vat,
    c.amount - c.supplied_amount - c.vat AS tossTaxFreeAmount, c.receipt_url AS receiptUrl, c.balance_amount AS balanceAmount, c.operator_id AS operatorId, c.created_at AS createdAt,
    c.resolved_at AS resolvedAt
  FROM charge_attempts AS c`;

const VIEW_BY_ID_SQL = `${VIEW_SQL} WHERE c.id = ?`;

export function chargeView(db: Database.Database, id: number): ChargeView | undefined {
  return statement(db, VIEW_BY_ID_SQL).get(id) as ChargeView | undefined;
}

/** Attempts that wait for an answer (PENDING, UNKNOWN), oldest first. */
export function unresolvedChargeViews(db: Database.Database, limit: number): ChargeView[] {
  return statement(
    db,
    `${VIEW_SQL} WHERE c.status IN ('PENDING', 'UNKNOWN') ORDER BY c.created_at, c.id LIMIT ?`,
  ).all(limit) as ChargeView[];
}

/** True when the member has a charge whose outcome is not known yet. */
export function hasUnresolvedCharges(db: Database.Database, memberId: number): boolean {
  return (
    statement(
      db,
      "SELECT 1 FROM charge_attempts WHERE member_id = ? AND status IN ('PENDING', 'UNKNOWN') LIMIT 1",
    )
      .pluck()
      .get(memberId) !== undefined
  );
}
