import type { ChargeViewData } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Supplied amount, VAT and tax-free exactly as Toss recorded them for the payment (they add up to
 * its amount); never what the cashier asked for, which a taxable merchant's Toss ignores.
 */
export function RecordedSplit({ charge }: { charge: ChargeViewData }) {
  const { t, won } = useI18n();
  if (charge.suppliedAmount === null || charge.vat === null) return null;
  return (
    <>
      {t('charge.recordedSplit', {
        supplied: won(charge.suppliedAmount),
        vat: won(charge.vat),
        taxFree: won(charge.tossTaxFreeAmount ?? 0),
      })}
    </>
  );
}
