import type { ResponseOf } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Revenue with the split a bookkeeper asks for: supplied amount, VAT and tax-free. */
export function RevenueTile({
  title,
  totals,
  testId,
}: {
  title: string;
  totals: ResponseOf<'getDashboard'>['today'];
  testId: string;
}) {
  const { t, won } = useI18n();
  return (
    <div className="panel tile" data-testid={testId}>
      <h2>{title}</h2>
      <p className="amount-large">{won(totals.amount)}</p>
      <dl className="facts small">
        <dt>{t('home.supplied')}</dt>
        <dd className="num">{won(totals.suppliedAmount)}</dd>
        <dt>{t('home.vat')}</dt>
        <dd className="num">{won(totals.vat)}</dd>
        <dt>{t('home.taxFree')}</dt>
        <dd className="num">{won(totals.taxFreeAmount)}</dd>
      </dl>
      <p className="muted small">{t('home.count', { count: totals.count })}</p>
    </div>
  );
}
