import { useCallback, useState } from 'react';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentSlip } from './ConsentSlip.tsx';
import { kindLabel, methodLabel } from './consent-labels.ts';

/** A member's consents, newest first (kind, when, how, who), each with its printable slip. */
export function ConsentHistory({ memberId }: { memberId: number }) {
  const { t, dateTime } = useI18n();
  const load = useCallback(() => call('listConsents', { memberId }), [memberId]);
  const { data, failure } = useLoad(load);
  const [slip, setSlip] = useState<number | null>(null);
  return (
    <section className="panel stack" aria-labelledby="consent-history-title" data-testid="consent-history">
      <h2 id="consent-history-title">{t('consent.historyTitle')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {slip !== null && <ConsentSlip consentId={slip} onClose={() => setSlip(null)} />}
      {data && data.length === 0 && <p className="empty">{t('consent.historyEmpty')}</p>}
      {data && data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('consent.colDate')}</th>
              <th scope="col">{t('consent.colKind')}</th>
              <th scope="col">{t('charges.colOrder')}</th>
              <th scope="col">{t('consent.colMethod')}</th>
              <th scope="col">{t('consent.colOperator')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {data.map((consent) => (
              <tr key={consent.id}>
                <td>{dateTime(consent.recordedAt)}</td>
                <td>{t(kindLabel(consent.kind))}</td>
                <td>{consent.terms.orderName}</td>
                <td>{t(methodLabel(consent.method))}</td>
                <td>{consent.operatorName}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setSlip(consent.id)}>
                    {t('consent.viewSlip')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
