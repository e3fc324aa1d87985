import { useCallback } from 'react';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { useConsentQueue } from './use-consent-queue.tsx';

/**
 * Subscriptions made before consents were kept: each member's consent to the terms they are
 * charged now, taken once. Shown only while there are some.
 */
export function Unconsented() {
  const { t, won } = useI18n();
  const load = useCallback(() => call('listUnconsentedSubscriptions', {}), []);
  const { data, failure, record, form, notice } = useConsentQueue(
    load,
    'subscription',
    'unconsented-consent',
  );
  if (!failure && (!data || data.length === 0) && !notice) return null;
  return (
    <ConsentPanel
      id="unconsented"
      title={t('consent.unconsentedTitle')}
      intro={t('consent.unconsentedIntro')}
      failures={[failure]}
      notice={notice}
    >
      {form}
      {data && data.length > 0 && (
        <table className="table" data-testid="unconsented-table">
          <thead>
            <tr>
              <th scope="col">{t('charges.colMember')}</th>
              <th scope="col">{t('charges.colOrder')}</th>
              <th scope="col" className="num">
                {t('charges.colAmount')}
              </th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.subscriptionId}>
                <td>{entry.memberName}</td>
                <td>{entry.orderName}</td>
                <td className="num">{won(entry.amount)}</td>
                <td className="row-actions">
                  <button type="button" className="button-primary" onClick={() => record(entry)}>
                    {t('consent.record')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsentPanel>
  );
}
