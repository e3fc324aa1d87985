import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

export interface DuePeriod {
  readonly id: number;
  readonly subscriptionId: number;
  readonly periodIndex: number;
  readonly dueAt: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
}

export const DUE_PERIODS_SQL = `
  SELECT id, subscription_id AS subscriptionId, period_index AS periodIndex, due_at AS dueAt,
    period_start AS periodStart, period_end AS periodEnd, amount, tax_free_amount AS taxFreeAmount
  FROM subscription_periods INDEXED BY subscription_periods_due
  WHERE status = 'pending' AND due_at <= @until
  ORDER BY due_at, id
  LIMIT @limit`;

/** Pending periods due at or before `untilMs`, earliest first: what the scheduler charges next. */
export function duePeriods(db: Database.Database, untilMs: number, limit = 1_000): DuePeriod[] {
  return statement(db, DUE_PERIODS_SQL).all({ until: untilMs, limit }) as DuePeriod[];
}
