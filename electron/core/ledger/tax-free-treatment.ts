import type Database from 'better-sqlite3';
import type { TaxFreeTreatment } from '../../../shared/money/index.ts';

/**
 * What Toss did with the tax-free part of this merchant's latest approved charge that asked for
 * one: Toss has no call that names a merchant's tax type, but its answers show it (toss-api.md
 * §5.1: a taxable merchant's taxFreeAmount is ignored and recorded as 0). Walks charges newest
 * first until one asked for a tax-free part; stores that never use one pay a scan only when the
 * cashier types a tax-free amount.
 */
export function taxFreeTreatment(db: Database.Database): TaxFreeTreatment {
  const recorded = db
    .prepare(
      `SELECT amount - supplied_amount - vat FROM charge_attempts INDEXED BY charge_attempts_by_created
       WHERE status = 'DONE' AND tax_free_amount > 0 ORDER BY created_at DESC LIMIT 1`,
    )
    .pluck()
    .get() as number | undefined;
  if (recorded === undefined) return 'unknown';
  return recorded === 0 ? 'ignored' : 'applied';
}
