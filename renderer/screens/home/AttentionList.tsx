import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { RouteLink } from '../../components/RouteLink.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { tossMessageText } from '../../toss-message.ts';

type Entry = ResponseOf<'getDashboard'>['attention'][number];

/** Declines and failures of the last days, each a way to the member whose card needs a look. */
export function AttentionList({ entries }: { entries: readonly Entry[] }) {
  const { t, won, dateTime } = useI18n();
  return (
    <div className="panel">
      <h2>{t('home.attention')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('home.attentionNone')}</p>
      ) : (
        <table className="table" data-testid="home-attention">
          <thead>
            <tr>
              <th scope="col">{t('charges.colDate')}</th>
              <th scope="col">{t('charges.colMember')}</th>
              <th scope="col" className="num">
                {t('charges.colAmount')}
              </th>
              <th scope="col">{t('charges.colStatus')}</th>
              <th scope="col">{t('charges.colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.createdAt)}</td>
                <td>
                  <RouteLink to={{ name: 'member', id: entry.memberId }}>{entry.memberName}</RouteLink>
                </td>
                <td className="num">{won(entry.amount)}</td>
                <td>
                  <StatusBadge status={entry.status} />
                </td>
                <td>{tossMessageText(entry.tossMessage ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
