import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * What the store kept (approvals less the refunds given in the same days, as the charges log
 * totals them), then approvals and refunds, and the approvals' split as Toss recorded it: supplied
 * amount, VAT and tax-free.
 */
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
      <p className="amount-large" data-testid={`${testId}-net`}>
        {t('home.net', { amount: won(totals.net) })}
      </p>
      <p className="small" data-testid={`${testId}-flows`}>
        {t('home.approved', { amount: won(totals.amount) })} · {t('home.count', { count: totals.count })}
        <br />
        {t('home.refunded', { amount: won(totals.refunds.amount), count: totals.refunds.count })}
      </p>
      <dl className="facts small" aria-label={t('home.splitOfApproved')}>
        <dt>{t('home.supplied')}</dt>
        <dd className="num">{won(totals.suppliedAmount)}</dd>
        <dt>{t('home.vat')}</dt>
        <dd className="num">{won(totals.vat)}</dd>
        <dt>{t('home.taxFree')}</dt>
        <dd className="num">{won(totals.taxFreeAmount)}</dd>
      </dl>
    </div>
  );
}
