// §5.1: vat = round((amount − taxFree − taxExemption) / 11), supplied = the taxable rest minus vat.
// Subtracting taxExemptionAmount is the emulator's reading of an [U] point (§5.1): a cup deposit
// carries no VAT. For integer KRW, x/11 never ends in exactly .5, so Math.round's half-up is exact.

export interface VatSplit {
  readonly suppliedAmount: number;
  readonly vat: number;
}

export function splitVat(amount: number, taxFreeAmount: number, taxExemptionAmount: number): VatSplit {
  const taxable = amount - taxFreeAmount - taxExemptionAmount;
  const vat = Math.round(taxable / 11);
  return { suppliedAmount: taxable - vat, vat };
}
