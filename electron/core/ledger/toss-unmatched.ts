import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/*
 * The home of the `toss_unmatched` table: Toss transactions of ours that the catch-up after a
 * restore could not tie to a member, a card or a recorded period, kept for a person to close.
 * Rows are closed, never deleted.
 */

export type UnmatchedReason = 'unknown_customer' | 'no_card' | 'unrecorded_period';

/** One transaction as Toss lists it (GET /v1/transactions). */
export interface UnmatchedTransaction {
  readonly transactionKey: string;
  readonly paymentKey: string;
  readonly orderId: string;
  readonly status: string;
  readonly amount: number;
  readonly transactionAt: string;
}

/** A kept transaction, with why it was not recorded and when it was found. */
export interface UnmatchedTossPayment extends UnmatchedTransaction {
  readonly id: number;
  readonly reason: UnmatchedReason;
  readonly foundAt: number;
}

/** Keeps the transaction for a person; false when it was kept already (by its transaction key). */
export function insertUnmatched(
  db: Database.Database,
  tx: UnmatchedTransaction,
  reason: UnmatchedReason,
  foundAt: number,
): boolean {
  return (
    statement(
      db,
      `INSERT OR IGNORE INTO toss_unmatched (transaction_key, payment_key, order_id, status, amount, transaction_at,
       reason, found_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      tx.transactionKey,
      tx.paymentKey,
      tx.orderId,
      tx.status,
      tx.amount,
      tx.transactionAt,
      reason,
      foundAt,
    ).changes === 1
  );
}

/**
 * The Toss transactions the catch-up could not record, still open, oldest first. One whose order
 * the ledger has recorded since (the schedule charged that period and the reconciler found it)
 * no longer needs anyone and is left out.
 */
export function unmatchedTossPayments(db: Database.Database): UnmatchedTossPayment[] {
  return statement(
    db,
    `SELECT u.id, u.transaction_key AS transactionKey, u.payment_key AS paymentKey, u.order_id AS orderId,
         u.status, u.amount, u.transaction_at AS transactionAt, u.reason, u.found_at AS foundAt
       FROM toss_unmatched AS u
       WHERE u.resolved_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM charge_attempts AS c WHERE c.order_id = u.order_id)
       ORDER BY u.found_at, u.id`,
  ).all() as UnmatchedTossPayment[];
}

/** Closes an open row with what a person found; false when it is closed already or not there. */
export function closeUnmatched(db: Database.Database, id: number, resolution: string, at: number): boolean {
  return (
    statement(
      db,
      'UPDATE toss_unmatched SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL',
    ).run(at, resolution, id).changes === 1
  );
}
