import { useCallback } from 'react';
import { useApp } from '../app/app-context.tsx';
import { call } from '../bridge.ts';
import { useLoad } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BackupWarnings } from './BackupWarnings.tsx';

/** On the home screen: the last verified off-PC backup and what threatens recovery (design.md "Recovery"). */
export function HomeBackupHealth() {
  const { t } = useI18n();
  const { navigate } = useApp();
  const load = useCallback(() => call('getBackupHealth', {}), []);
  const { data } = useLoad(load);
  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="home-backup-title" data-testid="home-backup">
      <div className="panel-title">
        <h2 id="home-backup-title">{t('offsite.homeTitle')}</h2>
        {data.warnings.length > 0 && (
          <button type="button" onClick={() => navigate({ name: 'settings' })}>
            {t('offsite.toSettings')}
          </button>
        )}
      </div>
      <BackupWarnings health={data} />
    </section>
  );
}
