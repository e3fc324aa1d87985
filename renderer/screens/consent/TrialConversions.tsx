import { useCallback, useState } from 'react';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { ReasonForm } from '../../components/ReasonForm.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentPanel } from './ConsentPanel.tsx';
import { useConsentQueue } from './use-consent-queue.tsx';

/**
 * Trials turning paid within 30 days and which still lack the member's consent; a first paid
 * charge that came due without it waits here: record consent, skip it, or cancel.
 */
export function TrialConversions() {
  const { t, won, dateTime } = useI18n();
  const load = useCallback(() => call('listTrialConversions', {}), []);
  const { data, failure, reload, record, form, notice, setNotice } = useConsentQueue(
    load,
    'trial-conversion',
    'trial-consent',
  );
  const [skipping, setSkipping] = useState<number | null>(null);
  const [actionFailure, setActionFailure] = useState<string | null>(null);

  async function done(message: string) {
    setNotice(message);
    setActionFailure(null);
    await reload();
  }

  async function cancel(subscriptionId: number) {
    const result = await call('cancelSubscription', { id: subscriptionId });
    if (!result.ok) return setActionFailure(result.error.message);
    await done(t('consent.canceled'));
  }

  return (
    <ConsentPanel
      id="trial-conversions"
      title={t('consent.trialsTitle')}
      intro={t('consent.trialsIntro')}
      failures={[failure, actionFailure]}
      notice={notice}
    >
      {form}
      {skipping !== null && (
        <ReasonForm
          id="trial-skip"
          title={t('consent.skipTitle')}
          confirmLabel={t('consent.skip')}
          danger
          onConfirm={async (reason) => {
            const result = await call('skipCatchUp', { periodId: skipping, reason });
            if (!result.ok) return result.error.message;
            setSkipping(null);
            await done(t('consent.skipped'));
            return null;
          }}
          onCancel={() => setSkipping(null)}
        />
      )}
      {data && data.length === 0 && <p className="empty">{t('consent.trialsEmpty')}</p>}
      {data && data.length > 0 && (
        <table className="table" data-testid="trial-conversions-table">
          <thead>
            <tr>
              <th scope="col">{t('charges.colMember')}</th>
              <th scope="col">{t('charges.colOrder')}</th>
              <th scope="col">{t('consent.firstPaid')}</th>
              <th scope="col" className="num">
                {t('charges.colAmount')}
              </th>
              <th scope="col">{t('consent.colAgreed')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.subscriptionId}>
                <td>{entry.memberName}</td>
                <td>{entry.orderName}</td>
                <td>{entry.firstPaidDate}</td>
                <td className="num">{won(entry.amount)}</td>
                <td>
                  {entry.consentedAt !== null
                    ? t('consent.agreed', { date: dateTime(entry.consentedAt) })
                    : entry.heldPeriodId !== null
                      ? `${t('consent.missing')} · ${t('consent.waiting')}`
                      : t('consent.missing')}
                </td>
                <td className="row-actions">
                  {entry.consentedAt === null && (
                    <button type="button" className="button-primary" onClick={() => record(entry)}>
                      {t('consent.record')}
                    </button>
                  )}
                  {entry.heldPeriodId !== null && (
                    <>
                      <button type="button" onClick={() => setSkipping(entry.heldPeriodId)}>
                        {t('consent.skip')}
                      </button>
                      <button
                        type="button"
                        className="button-danger"
                        onClick={() => void cancel(entry.subscriptionId)}
                      >
                        {t('consent.cancelSub')}
                      </button>
                    </>
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
