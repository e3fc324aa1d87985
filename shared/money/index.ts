/*
 * KRW arithmetic every layer shares: Toss's VAT formula (design.md invariant 7) and what a
 * charge's balance says about its refunds. Integers only; nothing here rounds money but the VAT.
 */

export interface VatSplit {
  readonly suppliedAmount: number;
  readonly vat: number;
  readonly taxFreeAmount: number;
}

/** vat = round((amount − taxFree) / 11), supplied = amount − taxFree − vat: the three add up to amount. */
export function vatSplit(amount: number, taxFreeAmount: number): VatSplit {
  const vat = Math.round((amount - taxFreeAmount) / 11);
  return { suppliedAmount: amount - taxFreeAmount - vat, vat, taxFreeAmount };
}

/** What refunds have done to an approved charge: none, some (부분 환불) or all of it (전액 환불). */
export type RefundState = 'none' | 'partial' | 'full';

/**
 * "Fully refunded" means balance 0, never Toss's status (a partial cancel followed by the rest
 * stays PARTIAL_CANCELED); a charge that is not approved has no refund state.
 */
export function refundStateOf(charge: {
  readonly status: string;
  readonly amount: number;
  readonly balanceAmount: number | null;
}): RefundState {
  if (charge.status !== 'DONE' || charge.balanceAmount === null) return 'none';
  if (charge.balanceAmount === 0) return 'full';
  return charge.balanceAmount < charge.amount ? 'partial' : 'none';
}

/**
 * Whether Toss applies a tax-free part for this merchant, as its own answers showed: a taxable
 * merchant's Toss ignores taxFreeAmount and records 0 (toss-api.md §5.1), a tax-free or mixed one
 * keeps it. 'unknown' until a charge with a tax-free part has been approved.
 */
export type TaxFreeTreatment = 'applied' | 'ignored' | 'unknown';
