import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { MemberDetailData } from '../../shared/ipc/index.ts';
import { RouteLink } from '../components/RouteLink.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { logAmount, logEntryKey, logResult } from './ChargeLogTable.tsx';

/** The member's charges and refunds, newest first; each opens its charge. */
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
              <th scope="col">{t('charges.colKind')}</th>
              <th scope="col" className="num">
                {t('member.colAmount')}
              </th>
              <th scope="col">{t('member.colStatus')}</th>
              <th scope="col">{t('member.colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {charges.map((entry) => (
              <tr key={logEntryKey(entry)} className={entry.kind === 'refund' ? 'row-refund' : undefined}>
                <td>
                  <RouteLink
                    to={{ name: 'charge-detail', id: entry.chargeId }}
                    label={t('charges.open', { orderId: entry.orderId })}
                  >
                    {dateTime(entry.createdAt)}
                  </RouteLink>
                </td>
                <td>
                  {entry.orderName}
                  <span className="muted small"> · {formatMaskedForDisplay(entry.maskedNumber)}</span>
                </td>
                <td>{t(`charges.kind.${entry.kind}`)}</td>
                <td className="num amount">{logAmount(entry, won)}</td>
                <td>
                  <StatusBadge status={entry.status} refund={entry.kind === 'refund'} />
                </td>
                <td>{logResult(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
