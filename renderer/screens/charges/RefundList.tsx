import type { RefundViewData } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function RefundList({ refunds }: { refunds: readonly RefundViewData[] }) {
  const { t, won, dateTime } = useI18n();
  if (refunds.length === 0) return null;
  return (
    <div className="panel">
      <h2>{t('refund.history')}</h2>
      <table className="table" data-testid="refund-history">
        <thead>
          <tr>
            <th scope="col">{t('charges.colDate')}</th>
            <th scope="col" className="num">
              {t('charges.colAmount')}
            </th>
            <th scope="col">{t('review.reason')}</th>
            <th scope="col">{t('charges.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {refunds.map((refund) => (
            <tr key={refund.id}>
              <td>{dateTime(refund.createdAt)}</td>
              <td className="num">{won(refund.amount)}</td>
              <td>{refund.reason}</td>
              <td>{t(`refund.status.${refund.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
