import type Database from 'better-sqlite3';

/**
 * Whether Toss applies the tax-free part of a charge for this store: it does for tax-free and
 * mixed merchants and ignores it for ordinary taxable ones, charging VAT on the whole amount
 * (toss-api.md, the VAT formula). The contract is not something the API reports, so the ledger's
 * latest approved charge that asked for a tax-free part tells: Toss's VAT on the whole amount
 * means it was ignored. Null until such a charge exists.
 */
export function tossAppliesTaxFree(db: Database.Database): boolean | null {
  const last = db
    .prepare(
      `SELECT amount, tax_free_amount AS taxFree, supplied_amount AS supplied, vat FROM charge_attempts
       WHERE status = 'DONE' AND tax_free_amount > 0 ORDER BY resolved_at DESC, id DESC LIMIT 1`,
    )
    .get() as { amount: number; taxFree: number; supplied: number; vat: number } | undefined;
  if (!last) return null;
  return last.supplied + last.vat < last.amount;
}
