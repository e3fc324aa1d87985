import { useCallback, useState } from 'react';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { type RecoveryCode, RecoverySheet } from '../../components/RecoverySheet.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The recovery code (owner): make one, or a new one, and print the sheet it is shown on once. */
export function RecoverySettings() {
  const { t, dateTime } = useI18n();
  const load = useCallback(() => call('getRecoveryStatus', {}), []);
  const { data, failure, reload } = useLoad(load);
  const { allowed } = usePermission('createRecoveryCode');
  const [sheet, setSheet] = useState<RecoveryCode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [runFailure, setRunFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(replace: boolean) {
    setBusy(true);
    const result = await call('createRecoveryCode', { replace });
    setBusy(false);
    setConfirming(false);
    await reload();
    if (!result.ok) return setRunFailure(result.error.message);
    setRunFailure(null);
    setSheet(result.value);
  }

  return (
    <section className="panel" aria-labelledby="recovery-title" data-testid="recovery-settings">
      <div className="panel-title">
        <h2 id="recovery-title">{t('recovery.title')}</h2>
        {allowed && data && !sheet && (
          <button
            type="button"
            disabled={busy}
            onClick={() => (data.configured ? setConfirming(true) : void create(false))}
          >
            {data.configured ? t('recovery.replace') : t('recovery.create')}
          </button>
        )}
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {runFailure && <ErrorAlert>{runFailure}</ErrorAlert>}
      {data && (
        <p data-testid="recovery-status">
          {data.configured && data.createdAt !== null
            ? t('recovery.configured', { date: dateTime(data.createdAt) })
            : t('recovery.none')}
        </p>
      )}
      <p className="muted">{t('recovery.intro')}</p>
      <PermissionHint action="createRecoveryCode" />
      {confirming && (
        <div className="confirm-inline">
          <ErrorAlert>{t('recovery.replaceWarning')}</ErrorAlert>
          <div className="actions">
            <button type="button" className="button-danger" disabled={busy} onClick={() => void create(true)}>
              {t('recovery.replaceConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('settings.secretClearCancel')}
            </button>
          </div>
        </div>
      )}
      {sheet && <RecoverySheet sheet={sheet} onClose={() => setSheet(null)} />}
    </section>
  );
}
