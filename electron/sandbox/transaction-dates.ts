/**
 * How GET /v1/transactions reads a startDate/endDate that carries an offset (§3.8, §12).
 * Toss documents offset-free KST times only. A live run saw `+00:00` accepted but a payment made a
 * moment earlier missing from a one-hour window, which fits Toss reading the wall time as KST and
 * dropping the offset: that is `wall-time`, the default. `strict` refuses an offset with
 * INVALID_DATE, the documented form taken literally. A client that sends offset-free KST times
 * (as ours does) gets the same answer under both.
 */
export type TransactionDateMode = 'wall-time' | 'strict';

export const TRANSACTION_DATE_MODES: readonly TransactionDateMode[] = ['wall-time', 'strict'];

/** Switched at run time through the control API (`/__sandbox/transaction-dates`). */
export interface TransactionDateSwitch {
  mode: TransactionDateMode;
  readonly initial: TransactionDateMode;
}

export function createTransactionDateSwitch(
  initial: TransactionDateMode = 'wall-time',
): TransactionDateSwitch {
  return { mode: initial, initial };
}

export function isTransactionDateMode(value: unknown): value is TransactionDateMode {
  return TRANSACTION_DATE_MODES.includes(value as TransactionDateMode);
}
