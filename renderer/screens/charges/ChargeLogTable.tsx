import { formatMaskedForDisplay } from '../../../shared/card/index.ts';
import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { RouteLink } from '../../components/RouteLink.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import { tossMessageText } from '../../toss-message.ts';

export type LogEntry = ResponseOf<'listCharges'>['entries'][number];

/**
 * Money that moved in the rows on screen: what a cashier adds up when closing the till. Refunds
 * count on the day they were given, whichever day their charge was.
 */
function totalsOf(entries: readonly LogEntry[]) {
  const sum = (refund: boolean) =>
    entries
      .filter((entry) => entry.status === 'DONE' && (entry.kind === 'refund') === refund)
      .reduce((total, entry) => total + entry.amount, 0);
  const approved = sum(false);
  const refunded = sum(true);
  return { count: entries.length, approved, refunded, net: approved - refunded };
}

/** A refund is money going back: shown with a minus sign, so no one adds it to the takings. */
function logAmount(entry: LogEntry, won: I18n['won']): string {
  return entry.kind === 'refund' ? `−${won(entry.amount)}` : won(entry.amount);
}

/** The approval number of a charge, the reason of a refund, and Toss's message when it was refused. */
function logResult(entry: LogEntry): string {
  const message =
    entry.status === 'DONE' || entry.tossMessage === null ? null : tossMessageText(entry.tossMessage);
  return [entry.approveNo ?? entry.reason, message].filter(Boolean).join(' · ');
}

/**
 * The rows of a log, each opening its charge. `withMember` adds the member and the balance columns
 * (the whole store's log); a member's own history leaves them out.
 */
export function LogRows({ entries, withMember }: { entries: readonly LogEntry[]; withMember: boolean }) {
  const { t, won, dateTime } = useI18n();
  return entries.map((entry) => (
    // A refund and a charge may share an id.
    <tr
      key={`${entry.kind === 'refund' ? 'refund' : 'charge'}-${entry.id}`}
      className={entry.kind === 'refund' ? 'row-refund' : undefined}
    >
      <td>
        <RouteLink
          to={{ name: 'charge-detail', id: entry.chargeId }}
          label={t('charges.open', { orderId: entry.orderId })}
        >
          {dateTime(entry.createdAt)}
        </RouteLink>
      </td>
      {withMember && <td>{entry.memberName}</td>}
      <td>
        {entry.orderName}
        <span className="muted small"> · {formatMaskedForDisplay(entry.maskedNumber)}</span>
      </td>
      <td>{t(`charges.kind.${entry.kind}`)}</td>
      <td className="num amount">{logAmount(entry, won)}</td>
      {withMember && <td className="num">{entry.balanceAmount === null ? '' : won(entry.balanceAmount)}</td>}
      <td>
        <StatusBadge
          status={entry.status}
          refund={entry.kind === 'refund'}
          amount={entry.amount}
          balanceAmount={entry.balanceAmount}
        />
      </td>
      <td>{logResult(entry)}</td>
    </tr>
  ));
}

export function ChargeLogTable({ entries }: { entries: readonly LogEntry[] }) {
  const { t, won } = useI18n();
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
        <LogRows entries={entries} withMember />
      </tbody>
      <tfoot data-testid="charges-totals">
        <tr>
          <th scope="row" colSpan={4}>
            {t('charges.totals', { count: totals.count })}
          </th>
          <td className="num">{t('charges.totalApproved', { amount: won(totals.approved) })}</td>
          <td className="num">{t('charges.totalRefunded', { amount: won(totals.refunded) })}</td>
          <td colSpan={2}>{t('charges.totalNet', { amount: won(totals.net) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}
