import { useCallback, useState } from 'react';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { ReasonForm } from '../../components/ReasonForm.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Periods missed while the PC was off and older than the threshold (design.md, invariant 6): they
 * are charged only when a manager approves, or skipped with a reason.
 */
export function CatchUps() {
  const { t, won } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const load = useCallback(() => call('listCatchUps', {}), []);
  const { data, failure, reload } = useLoad(load);
  const [skipping, setSkipping] = useState<number | null>(null);
  const [actionFailure, setActionFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function approve(periodId: number) {
    const result = await call('approveCatchUp', { periodId });
    if (!result.ok) return setActionFailure(result.error.message);
    setActionFailure(null);
    setNotice(t('subs.catchUpApproved'));
    await reload();
  }

  async function skip(periodId: number, reason: string): Promise<string | null> {
    const result = await call('skipCatchUp', { periodId, reason });
    if (!result.ok) return result.error.message;
    setSkipping(null);
    setNotice(t('subs.catchUpSkipped'));
    await reload();
    return null;
  }

  return (
    <section aria-labelledby="catch-ups-title" className="stack">
      <RouteLink to={{ name: 'subscriptions' }} back>
        {t('subs.title')}
      </RouteLink>
      <h1 id="catch-ups-title" ref={titleRef} tabIndex={-1}>
        {t('subs.catchUpsTitle')}
      </h1>
      <p className="muted">{t('subs.catchUpsIntro')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {actionFailure && <ErrorAlert>{actionFailure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      {skipping !== null && (
        <ReasonForm
          id="skip"
          title={t('subs.skipTitle')}
          confirmLabel={t('subs.skip')}
          danger
          onConfirm={(reason) => skip(skipping, reason)}
          onCancel={() => setSkipping(null)}
        />
      )}
      {data && data.length === 0 && <p className="empty">{t('subs.catchUpsEmpty')}</p>}
      {data && data.length > 0 && (
        <table className="table" data-testid="catch-ups-table">
          <thead>
            <tr>
              <th scope="col">{t('charges.colMember')}</th>
              <th scope="col">{t('charges.colOrder')}</th>
              <th scope="col">{t('subs.period')}</th>
              <th scope="col" className="num">
                {t('charges.colAmount')}
              </th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {data.map((entry) => (
              <tr key={entry.periodId}>
                <td>{entry.memberName}</td>
                <td>{entry.orderName}</td>
                <td>
                  {entry.periodStart} ~ {entry.periodEnd}
                </td>
                <td className="num">{won(entry.amount)}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button-primary"
                    onClick={() => void approve(entry.periodId)}
                  >
                    {t('subs.approve')}
                  </button>
                  <button type="button" onClick={() => setSkipping(entry.periodId)}>
                    {t('subs.skip')}
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
