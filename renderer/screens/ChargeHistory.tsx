import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { MemberDetailData } from '../../shared/ipc/index.ts';
import { RouteLink } from '../components/RouteLink.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function ChargeHistory({ charges }: { charges: MemberDetailData['recentCharges'] }) {
  const { t, won, dateTime } = useI18n();
  return (
    <div className="panel">
      <h2>{t('member.history')}</h2>
      {charges.length === 0 ? (
        <p className="muted">{t('member.noHistory')}</p>
      ) : (
        <table className="table" data-testid="charge-history">
          <thead>
            <tr>
              <th scope="col">{t('member.colDate')}</th>
              <th scope="col">{t('member.colOrder')}</th>
              <th scope="col" className="num">
                {t('member.colAmount')}
              </th>
              <th scope="col">{t('member.colStatus')}</th>
              <th scope="col">{t('member.colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {charges.map((charge) => (
              <tr key={charge.id}>
                <td>
                  <RouteLink
                    to={{ name: 'charge-detail', id: charge.id }}
                    label={t('charges.open', { orderId: charge.orderId })}
                  >
                    {dateTime(charge.createdAt)}
                  </RouteLink>
                </td>
                <td>
                  {charge.orderName}
                  <span className="muted small"> · {formatMaskedForDisplay(charge.maskedNumber)}</span>
                </td>
                <td className="num">{won(charge.amount)}</td>
                <td>
                  <StatusBadge status={charge.status} />
                </td>
                <td>{charge.approveNo ?? charge.tossMessage ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
