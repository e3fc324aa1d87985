import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { ResponseOf } from '../../shared/ipc/index.ts';
import { RouteLink } from '../components/RouteLink.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/i18n.tsx';

type Entry = ResponseOf<'listCharges'>['entries'][number];

/** Approved money of the rows on screen: what a cashier adds up when closing the till. */
function totalsOf(entries: readonly Entry[]) {
  const done = entries.filter((entry) => entry.status === 'DONE');
  const approved = done.reduce((sum, entry) => sum + entry.amount, 0);
  const balance = done.reduce((sum, entry) => sum + (entry.balanceAmount ?? entry.amount), 0);
  return { count: entries.length, approved, refunded: approved - balance, balance };
}

export function ChargeLogTable({ entries }: { entries: readonly Entry[] }) {
  const { t, won, dateTime } = useI18n();
  const totals = totalsOf(entries);
  if (entries.length === 0) return <p className="empty">{t('charges.empty')}</p>;
  return (
    <table className="table" data-testid="charges-table">
      <thead>
        <tr>
          <th scope="col">{t('charges.colDate')}</th>
          <th scope="col">{t('charges.colMember')}</th>
          <th scope="col">{t('charges.colOrder')}</th>
          <th scope="col">{t('charges.colKind')}</th>
          <th scope="col" className="num">
            {t('charges.colAmount')}
          </th>
          <th scope="col" className="num">
            {t('charges.colBalance')}
          </th>
          <th scope="col">{t('charges.colStatus')}</th>
          <th scope="col">{t('charges.colResult')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <RouteLink
                to={{ name: 'charge-detail', id: entry.id }}
                label={t('charges.open', { orderId: entry.orderId })}
              >
                {dateTime(entry.createdAt)}
              </RouteLink>
            </td>
            <td>{entry.memberName}</td>
            <td>
              {entry.orderName}
              <span className="muted small"> · {formatMaskedForDisplay(entry.maskedNumber)}</span>
            </td>
            <td>{t(`charges.kind.${entry.kind}`)}</td>
            <td className="num">{won(entry.amount)}</td>
            <td className="num">{entry.balanceAmount === null ? '' : won(entry.balanceAmount)}</td>
            <td>
              <StatusBadge status={entry.status} />
            </td>
            <td>{entry.approveNo ?? entry.tossMessage ?? ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot data-testid="charges-totals">
        <tr>
          <th scope="row" colSpan={4}>
            {t('charges.totals', { count: totals.count })}
          </th>
          <td className="num">{t('charges.totalApproved', { amount: won(totals.approved) })}</td>
          <td className="num">{won(totals.balance)}</td>
          <td colSpan={2}>{t('charges.totalRefunded', { amount: won(totals.refunded) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}
