import type { MemberDetailData } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LogRows } from './ChargeLogTable.tsx';

/** The member's charges and refunds, newest first; each opens its charge. */
export function ChargeHistory({ charges }: { charges: MemberDetailData['recentCharges'] }) {
  const { t } = useI18n();
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
            <LogRows entries={charges} withMember={false} />
          </tbody>
        </table>
      )}
    </div>
  );
}
