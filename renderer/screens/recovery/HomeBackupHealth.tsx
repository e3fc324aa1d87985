import { useCallback, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { type RecoveryCode, RecoverySheet } from '../../components/RecoverySheet.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BackupWarnings } from './BackupWarnings.tsx';

/**
 * On the home screen: the last verified off-PC backup and what threatens recovery (design.md
 * "Recovery"). A store without a recovery code is asked to make one right here.
 */
export function HomeBackupHealth() {
  const { t } = useI18n();
  const { navigate } = useApp();
  const load = useCallback(() => call('getBackupHealth', {}), []);
  const { data, reload } = useLoad(load);
  const { allowed: mayCreateCode } = usePermission('createRecoveryCode');
  const [sheet, setSheet] = useState<RecoveryCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function createCode() {
    const result = await call('createRecoveryCode', { replace: false });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setSheet(result.value);
    await reload();
  }

  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="home-backup-title" data-testid="home-backup">
      <div className="panel-title">
        <h2 id="home-backup-title">{t('offsite.homeTitle')}</h2>
        <div className="actions">
          {mayCreateCode && !data.recoveryCode && !sheet && (
            <button type="button" className="button-primary" onClick={() => void createCode()}>
              {t('recovery.create')}
            </button>
          )}
          {data.warnings.length > 0 && (
            <button type="button" onClick={() => navigate({ name: 'settings' })}>
              {t('offsite.toSettings')}
            </button>
          )}
        </div>
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <BackupWarnings health={data} />
      {sheet && <RecoverySheet sheet={sheet} onClose={() => setSheet(null)} />}
    </section>
  );
}
