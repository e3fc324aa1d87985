import type Database from 'better-sqlite3';
import type { TaxFreeTreatment } from '../../../shared/money/index.ts';

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
  const recorded = db
    .prepare(
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
