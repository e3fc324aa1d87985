/**
 * How Toss splits a card payment (toss-api.md §5.1, design.md invariant 7): vat = round((amount −
 * taxFree) / 11), supplied = amount − taxFree − vat. For integer KRW x/11 never ends in .5, so
 * Math.round is exact.
 *
 * `taxFreeApplies` is false for an ordinary taxable merchant: Toss ignores the tax-free part it
 * is sent and records 0 (toss-api.md §5.1), so the receipt shows VAT on the whole amount. The
 * confirm screen and the receipt both compute through here, so they always agree.
 */
export interface VatBreakdown {
  readonly suppliedAmount: number;
  readonly vat: number;
  readonly taxFreeAmount: number;
}

export function vatBreakdown(amount: number, taxFreeAmount: number, taxFreeApplies = true): VatBreakdown {
  const taxFree = taxFreeApplies ? taxFreeAmount : 0;
  const vat = Math.round((amount - taxFree) / 11);
  return { suppliedAmount: amount - taxFree - vat, vat, taxFreeAmount: taxFree };
}
