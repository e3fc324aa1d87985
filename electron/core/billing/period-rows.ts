import type Database from 'better-sqlite3';
import { statement } from './statements.ts';
import type { ChargeStatus } from './views.ts';

/** The period and subscription columns a scheduled charge is made from. */
export interface ChargeablePeriodRow {
  readonly periodId: number;
  readonly periodIndex: number;
  readonly periodStatus: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly subscriptionId: number;
  readonly subscriptionStatus: string;
  readonly orderName: string;
  readonly memberId: number;
  readonly memberUid: string;
  readonly memberStatus: string;
  readonly memberName: string;
}

export function chargeablePeriodRow(
  db: Database.Database,
  periodId: number,
): ChargeablePeriodRow | undefined {
  return statement(
    db,
    `SELECT p.id AS periodId, p.period_index AS periodIndex, p.status AS periodStatus, p.amount,
         p.tax_free_amount AS taxFreeAmount, s.id AS subscriptionId, s.status AS subscriptionStatus,
         s.order_name AS orderName, m.id AS memberId, m.uid AS memberUid, m.status AS memberStatus,
         m.name AS memberName
       FROM subscription_periods AS p
       JOIN subscriptions AS s ON s.id = p.subscription_id
       JOIN members AS m ON m.id = s.member_id
       WHERE p.id = ?`,
  ).get(periodId) as ChargeablePeriodRow | undefined;
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

/** The period's attempts so far: how many, the highest number, and whether one is live. */
export function periodAttemptsSummary(
  db: Database.Database,
  periodId: number,
): { lastNo: number; live: number } {
  return statement(
    db,
    `SELECT coalesce(max(attempt_no), 0) AS lastNo,
         coalesce(sum(status IN ('PENDING', 'UNKNOWN', 'DONE')), 0) AS live
       FROM charge_attempts WHERE subscription_period_id = ?`,
  ).get(periodId) as { lastNo: number; live: number };
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
 * A scheduled (attempt 1) or retry (attempt 2+) attempt of a period, PENDING. The caller commits
 * it together with the period's move to 'charging' and the audit row, before anything is sent.
 */
export function insertPeriodAttempt(db: Database.Database, attempt: NewPeriodAttempt): number {
  const result = statement(
    db,
    `INSERT INTO charge_attempts (order_id, idempotency_key, request_id, member_id, card_id,
         subscription_period_id, attempt_no, kind, amount, tax_free_amount, order_name, status,
         operator_id, created_at, updated_at)
       VALUES (@orderId, @idempotencyKey, NULL, @memberId, @cardId, @periodId, @attemptNo,
         CASE WHEN @attemptNo = 1 THEN 'scheduled' ELSE 'retry' END, @amount, @taxFreeAmount,
         @orderName, 'PENDING', NULL, @at, @at)`,
  ).run(attempt);
  return Number(result.lastInsertRowid);
}

/** Moves a period to 'charging' from the status its attempt may start from; false if it was not there. */
export function markPeriodCharging(
  db: Database.Database,
  periodId: number,
  from: string,
  at: number,
): boolean {
  return (
    statement(
      db,
      "UPDATE subscription_periods SET status = 'charging', updated_at = @at WHERE id = @periodId AND status = @from",
    ).run({ periodId, from, at }).changes === 1
  );
}

/**
 * Makes an attempt's period follow the attempt's outcome, in the transaction that records it:
 * DONE → 'paid' (money was taken, so whatever the period said, it is paid now); DECLINED or
 * FAILED → 'failed', but only from 'charging' (a period another attempt has moved on is left).
 * UNKNOWN changes nothing: the period stays 'charging' until the reconciler knows. A manual
 * attempt has no period and nothing happens.
 */
export function followPeriodOutcome(
  db: Database.Database,
  attemptId: number,
  status: ChargeStatus,
  at: number,
): void {
  if (status !== 'DONE' && status !== 'DECLINED' && status !== 'FAILED') return;
  const periodId = statement(db, 'SELECT subscription_period_id FROM charge_attempts WHERE id = ?')
    .pluck()
    .get(attemptId) as number | null | undefined;
  if (periodId === null || periodId === undefined) return;
  if (status === 'DONE') {
    statement(
      db,
      "UPDATE subscription_periods SET status = 'paid', updated_at = @at WHERE id = @periodId AND status <> 'paid'",
    ).run({ periodId, at });
  } else {
    statement(
      db,
      "UPDATE subscription_periods SET status = 'failed', updated_at = @at WHERE id = @periodId AND status = 'charging'",
    ).run({ periodId, at });
  }
}
