import { useCallback, useState } from 'react';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { useConsentQueue } from './use-consent-queue.tsx';

/**
 * Raises of existing subscriptions and who has agreed to them, with the notice to send each member
 * (new amount, from when, how to cancel) and the member's consent recorded here.
 */
export function PriceIncreases() {
  const { t, won, dateTime } = useI18n();
  const load = useCallback(() => call('listPriceIncreases', {}), []);
  const { data, failure, record, form, notice, setNotice } = useConsentQueue(
    load,
    'price-increase',
    'increase-consent',
  );

  const [copied, setCopied] = useState<string | null>(null);

  /** To the clipboard when the system allows it; shown below either way, to copy or print by hand. */
  async function copy(text: string) {
    const done = await navigator.clipboard?.writeText(text).then(
      () => true,
      () => false,
    );
    setCopied(text);
    setNotice(done ? t('consent.copied') : null);
  }

  return (
    <ConsentPanel
      id="price-increases"
      title={t('consent.increasesTitle')}
      intro={t('consent.increasesIntro')}
      failures={[failure]}
      notice={notice}
    >
      {form}
      {copied !== null && (
        <pre
          className="panel-inline"
          data-testid="copied-notice"
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}
        >
          {copied}
        </pre>
      )}
      {data && data.length === 0 && <p className="empty">{t('consent.increasesEmpty')}</p>}
      {data && data.length > 0 && (
        <table className="table" data-testid="price-increases-table">
          <thead>
            <tr>
              <th scope="col">{t('charges.colMember')}</th>
              <th scope="col">{t('charges.colOrder')}</th>
              <th scope="col">{t('consent.colChange')}</th>
              <th scope="col">{t('consent.colFrom')}</th>
              <th scope="col">{t('consent.colAgreed')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.priceChangeId}>
                <td>{entry.memberName}</td>
                <td>{entry.orderName}</td>
                <td>
                  {won(entry.fromAmount)} → {won(entry.amount)}
                </td>
                <td>{entry.effectiveFrom}</td>
                <td>
                  {entry.consented && entry.consentedAt !== null
                    ? t('consent.agreed', { date: dateTime(entry.consentedAt) })
                    : t('consent.notAgreed')}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => void copy(entry.notice)}>
                    {t('consent.copyNotice')}
                  </button>
                  {!entry.consented && (
                    <button type="button" className="button-primary" onClick={() => record(entry)}>
                      {t('consent.record')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsentPanel>
  );
}
