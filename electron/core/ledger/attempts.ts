import type Database from 'better-sqlite3';
import type { ChargeViewData } from '../../../shared/ipc/index.ts';
import type { TaxFreeTreatment } from '../../../shared/money/index.ts';
import type { ChargeKind, ChargeStatus } from './charge-types.ts';
import { REFUSAL_SET, refusalColumns, type TossRefusal, UNRESOLVED_ROW } from './refusal-columns.ts';
import { statement } from './statement.ts';

/*
 * The home of the `charge_attempts` table: every statement that reads or writes an attempt row is
 * here, as a named function, and so are the queries about attempts that read members or cards
 * beside them. What an outcome means, and which state may move to which, are billing's rules;
 * these only read and write rows.
 */

/**
 * A charge attempt as the app and the CLI see it: the IPC contract's shape (shared/ipc/views.ts,
 * written once there), plus Toss's paymentKey, which the core needs and the renderer never gets.
 */
export type ChargeView = Readonly<ChargeViewData> & {
  readonly paymentKey: string | null;
};

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
  readonly kind: ChargeKind;
  /** When the request last left for Toss (the first send or a reconciler's resend). */
  readonly sentAt: number | null;
  /** The subscription period a scheduled attempt charges; null for a manual one. */
  readonly periodId: number | null;
}

export interface NewAttempt
  extends Omit<AttemptRow, 'id' | 'status' | 'createdAt' | 'kind' | 'sentAt' | 'periodId'> {
  readonly at: number;
}

const ATTEMPT_COLUMNS = `id, order_id AS orderId, idempotency_key AS idempotencyKey, request_id AS requestId,
  member_id AS memberId, card_id AS cardId, amount, tax_free_amount AS taxFreeAmount,
  order_name AS orderName, status, operator_id AS operatorId, created_at AS createdAt, kind,
  sent_at AS sentAt, subscription_period_id AS periodId`;
const ROW_BY_ID_SQL = `SELECT ${ATTEMPT_COLUMNS} FROM charge_attempts WHERE id = ?`;
const ROW_BY_REQUEST_ID_SQL = `SELECT ${ATTEMPT_COLUMNS} FROM charge_attempts WHERE request_id = ?`;

export function attemptRow(db: Database.Database, id: number): AttemptRow | undefined {
  return statement(db, ROW_BY_ID_SQL).get(id) as AttemptRow | undefined;
}

export function attemptByRequestId(db: Database.Database, requestId: string): AttemptRow | undefined {
  return statement(db, ROW_BY_REQUEST_ID_SQL).get(requestId) as AttemptRow | undefined;
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

/** What an approved charge writes onto its attempt: Toss's payment, as billing read it. */
export interface AttemptApproval {
  readonly status: 'DONE';
  readonly paymentKey: string;
  readonly approveNo: string | null;
  readonly suppliedAmount: number;
  readonly vat: number;
  readonly receiptUrl: string | null;
  readonly balanceAmount: number;
  /** The card as the payment reports it: Toss's masked number and the issuer's name. */
  readonly cardNumber: string | null;
  readonly cardCompany: string | null;
  readonly traceId?: string | null;
}

/** What a charge that was not approved, or whose approval is not known, writes onto its attempt. */
export interface AttemptRefusal extends TossRefusal {
  readonly status: 'DECLINED' | 'FAILED' | 'UNKNOWN';
}

export type AttemptOutcome = AttemptApproval | AttemptRefusal;

const APPROVAL_SQL = `UPDATE charge_attempts SET status = 'DONE', toss_code = NULL, toss_message = NULL,
             payment_key = @paymentKey, approve_no = @approveNo, supplied_amount = @suppliedAmount, vat = @vat,
             receipt_url = @receiptUrl, balance_amount = @balanceAmount, paid_card_number = @cardNumber,
             paid_card_company = @cardCompany, toss_trace_id = coalesce(@traceId, toss_trace_id),
             resolved_at = @at, updated_at = @at
           ${UNRESOLVED_ROW}`;
const REFUSAL_SQL = `UPDATE charge_attempts SET ${REFUSAL_SET} ${UNRESOLVED_ROW}`;

/**
 * Writes an outcome onto an unresolved attempt and tells whether it did: false when the attempt
 * was already resolved (by a concurrent path), which the triggers would refuse to change anyway.
 */
export function writeOutcome(
  db: Database.Database,
  id: number,
  outcome: AttemptOutcome,
  at: number,
): boolean {
  const written =
    outcome.status === 'DONE'
      ? statement(db, APPROVAL_SQL).run({
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
        })
      : statement(db, REFUSAL_SQL).run(refusalColumns(id, outcome, at));
  return written.changes === 1;
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
const UNRESOLVED_VIEWS_SQL = `${VIEW_SQL} WHERE c.status IN ('PENDING', 'UNKNOWN') ORDER BY c.created_at, c.id LIMIT ?`;

export function chargeView(db: Database.Database, id: number): ChargeView | undefined {
  return statement(db, VIEW_BY_ID_SQL).get(id) as ChargeView | undefined;
}

/** Attempts that wait for an answer (PENDING, UNKNOWN), oldest first. */
export function unresolvedChargeViews(db: Database.Database, limit: number): ChargeView[] {
  return statement(db, UNRESOLVED_VIEWS_SQL).all(limit) as ChargeView[];
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

/** The attempt of a period with this number, if one was ever written. */
export function periodAttemptId(
  db: Database.Database,
  periodId: number,
  attemptNo: number,
): number | undefined {
  return statement(db, 'SELECT id FROM charge_attempts WHERE subscription_period_id = ? AND attempt_no = ?')
    .pluck()
    .get(periodId, attemptNo) as number | undefined;
}

export interface NewPeriodAttempt {
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly memberId: number;
  readonly cardId: number;
  readonly periodId: number;
  readonly attemptNo: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly at: number;
}

/**
 * A scheduled (attempt 1) or retry (attempt 2+) attempt of a period, PENDING and marked sent
 * (sent_at = at: free to leave once committed). The caller commits it together with the period's
 * move to 'charging' and the audit row, before anything is sent, so after any crash sent_at still
 * means what it says (set: the request may have left; NULL: it never did).
 */
export function insertPeriodAttempt(db: Database.Database, attempt: NewPeriodAttempt): number {
  const result = statement(
    db,
    `INSERT INTO charge_attempts (order_id, idempotency_key, request_id, member_id, card_id,
         subscription_period_id, attempt_no, kind, amount, tax_free_amount, order_name, status,
         operator_id, created_at, sent_at, updated_at)
       VALUES (@orderId, @idempotencyKey, NULL, @memberId, @cardId, @periodId, @attemptNo,
         CASE WHEN @attemptNo = 1 THEN 'scheduled' ELSE 'retry' END, @amount, @taxFreeAmount,
         @orderName, 'PENDING', NULL, @at, @at, @at)`,
  ).run(attempt);
  return Number(result.lastInsertRowid);
}

/** A payment Toss lists that the ledger did not know (after a restore), recorded DONE as Toss has it. */
export interface RecoveredAttempt {
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly memberId: number;
  readonly cardId: number;
  readonly periodId: number | null;
  readonly attemptNo: number;
  readonly kind: ChargeKind;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly orderName: string;
  readonly paymentKey: string;
  readonly approveNo: string | null;
  readonly suppliedAmount: number;
  readonly vat: number;
  readonly receiptUrl: string | null;
  /** When Toss approved it. */
  readonly approvedAt: number;
  /** When it was recovered. */
  readonly now: number;
}

const INSERT_RECOVERED_SQL = `
  INSERT INTO charge_attempts (order_id, idempotency_key, member_id, card_id, subscription_period_id,
    attempt_no, kind, amount, tax_free_amount, order_name, status, payment_key, approve_no,
    supplied_amount, vat, receipt_url, balance_amount, created_at, sent_at, resolved_at, updated_at,
    recovered_at)
  VALUES (@orderId, @idempotencyKey, @memberId, @cardId, @periodId, @attemptNo, @kind, @amount,
    @taxFreeAmount, @orderName, 'DONE', @paymentKey, @approveNo, @suppliedAmount, @vat, @receiptUrl, @amount,
    @approvedAt, @approvedAt, @now, @now, @now)`;

export function insertRecoveredAttempt(db: Database.Database, attempt: RecoveredAttempt): number {
  return Number(statement(db, INSERT_RECOVERED_SQL).run(attempt).lastInsertRowid);
}

/** The attempt that carries this orderId, if the ledger has one. */
export function attemptByOrderId(
  db: Database.Database,
  orderId: string,
): Pick<AttemptRow, 'id' | 'status'> | undefined {
  return statement(db, 'SELECT id, status FROM charge_attempts WHERE order_id = ?').get(orderId) as
    | Pick<AttemptRow, 'id' | 'status'>
    | undefined;
}

/** Whether the ledger has any attempt at all. */
export function hasAttempts(db: Database.Database): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM charge_attempts)').pluck().get() === 1;
}

/** How many attempts the ledger holds, whatever their status. */
export function attemptCount(db: Database.Database): number {
  return statement(db, 'SELECT count(*) FROM charge_attempts').pluck().get() as number;
}

/** How many attempts are on their way to Toss or wait for an answer (PENDING, UNKNOWN). */
export function unresolvedAttemptCount(db: Database.Database): number {
  return statement(db, "SELECT count(*) FROM charge_attempts WHERE status IN ('PENDING', 'UNKNOWN')")
    .pluck()
    .get() as number;
}

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
  return statement(db, UNRESOLVED_ATTEMPTS_SQL).all({ limit }) as UnresolvedAttempt[];
}

/**
 * What the operator has charged in [fromMs, toMs): attempts that charged or may have (DONE,
 * PENDING, UNKNOWN). Declined and failed attempts moved no money and do not count.
 */
export function chargedByOperator(
  db: Database.Database,
  operatorId: number,
  fromMs: number,
  toMs: number,
): number {
  return statement(
    db,
    `SELECT coalesce(sum(amount), 0) FROM charge_attempts
       WHERE operator_id = ? AND created_at >= ? AND created_at < ? AND status IN ('DONE', 'PENDING', 'UNKNOWN')`,
  )
    .pluck()
    .get(operatorId, fromMs, toMs) as number;
}

export interface ChargeNeedingAttention {
  readonly chargeId: number;
  readonly memberName: string;
  readonly amount: number;
  readonly status: 'DECLINED' | 'FAILED' | 'UNKNOWN';
  readonly tossMessage: string | null;
}

/**
 * Scheduled attempts created since `sinceMs` that were left declined, failed or unknown, with
 * their member's name, oldest first. Manual charges are left out.
 */
export function scheduledAttemptsNeedingAttention(
  db: Database.Database,
  sinceMs: number,
): ChargeNeedingAttention[] {
  return statement(
    db,
    `SELECT a.id AS chargeId, m.name AS memberName, a.amount, a.status, a.toss_message AS tossMessage
       FROM charge_attempts a JOIN members m ON m.id = a.member_id
       WHERE a.created_at >= ? AND a.kind <> 'manual' AND a.status IN ('DECLINED', 'FAILED', 'UNKNOWN')
       ORDER BY a.id`,
  ).all(sinceMs) as ChargeNeedingAttention[];
}

/** How far back the answer is looked for: a bound, so a store that never uses tax-free pays little. */
const RECENT_CHARGES = 5_000;

/**
 * What Toss did with the tax-free part of this merchant's latest approved charge that asked for
 * one: Toss has no call that names a merchant's tax type, but its answers show it (toss-api.md
 * §5.1: a taxable merchant's taxFreeAmount is ignored and recorded as 0). Only the latest
 * RECENT_CHARGES approved charges are read (newest first on the status index), so the screen
 * asking never walks a large ledger; 'unknown' when none of them had a tax-free part.
 */
export function taxFreeTreatment(db: Database.Database): TaxFreeTreatment {
  const recorded = statement(
    db,
    `SELECT amount - supplied_amount - vat FROM (
         SELECT amount, supplied_amount, vat, tax_free_amount, created_at, id
         FROM charge_attempts INDEXED BY charge_attempts_by_status_totals
         WHERE status = 'DONE' ORDER BY created_at DESC, id DESC LIMIT @recent)
       WHERE tax_free_amount > 0 ORDER BY created_at DESC, id DESC LIMIT 1`,
  )
    .pluck()
    .get({ recent: RECENT_CHARGES }) as number | undefined;
  if (recorded === undefined) return 'unknown';
  return recorded === 0 ? 'ignored' : 'applied';
}
