import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/** Sums over DONE charges as approved (refunds are not netted out here). */
export interface ChargeTotals {
  readonly count: number;
  readonly amount: number;
  readonly suppliedAmount: number;
  readonly vat: number;
  /** What Toss left out of the VAT base: amount − supplied − vat (design.md invariant 7). */
  readonly taxFreeAmount: number;
}

/**
 * Answered from the covering index alone (status, created_at and the money columns), so a
 * month of a large ledger is one index range and no table reads. taxFreeAmount is derived from
 * Toss's own split rather than from what was asked, because a taxable merchant's Toss answers
 * tax-free 0 whatever the request said.
 */
export const MONTH_TOTALS_SQL = `
  SELECT count(*) AS count, coalesce(sum(amount), 0) AS amount,
    coalesce(sum(supplied_amount), 0) AS suppliedAmount, coalesce(sum(vat), 0) AS vat,
    coalesce(sum(amount - supplied_amount - vat), 0) AS taxFreeAmount
  FROM charge_attempts INDEXED BY charge_attempts_by_status_totals
  WHERE status = 'DONE' AND created_at >= @from AND created_at < @to`;

/** Totals of the DONE charges created in [fromMs, toMs): a month is its two store-local midnights. */
export function monthTotals(db: Database.Database, fromMs: number, toMs: number): ChargeTotals {
  return statement(db, MONTH_TOTALS_SQL).get({ from: fromMs, to: toMs }) as ChargeTotals;
}

/** Refunds given (DONE) in [fromMs, toMs), counted on the day they were given, whichever day their charge was. */
export interface RefundTotals {
  readonly count: number;
  readonly amount: number;
}

export function refundTotals(db: Database.Database, fromMs: number, toMs: number): RefundTotals {
  return statement(
    db,
    `SELECT count(*) AS count, coalesce(sum(amount), 0) AS amount
       FROM refunds INDEXED BY refunds_by_status
       WHERE status = 'DONE' AND created_at >= @from AND created_at < @to`,
  ).get({ from: fromMs, to: toMs }) as RefundTotals;
}
