import { usePermission } from '../../app/use-permission.ts';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ConsentTemplateSettings } from '../consent/ConsentTemplateSettings.tsx';
import { BackupSettings } from '../recovery/BackupSettings.tsx';
import { OffsiteBackupSettings } from '../recovery/OffsiteBackupSettings.tsx';
import { RecoverySettings } from '../recovery/RecoverySettings.tsx';
import { ClientKeySettings } from './ClientKeySettings.tsx';
import { DeskOptions } from './DeskOptions.tsx';
import { ScheduleSettings } from './ScheduleSettings.tsx';
import { SecretKeySettings } from './SecretKeySettings.tsx';
import { StoreDetailsSettings } from './StoreDetailsSettings.tsx';

/**
 * Everyone may read the settings; what a role cannot change is shown read-only with who can,
 * instead of enabled and refused on save (one refusal per panel would stack up).
 */
export function Settings() {
  const { t } = useI18n();
  const mayBackUp = usePermission('listBackups').allowed;
  // Staff may not read the recovery status at all; they see who may instead of a refusal.
  const mayReadRecovery = usePermission('getRecoveryStatus').allowed;
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <SecretKeySettings />
      <ClientKeySettings />
      <StoreDetailsSettings />
      <ScheduleSettings />
      <ConsentTemplateSettings />
      {mayReadRecovery ? (
        <RecoverySettings />
      ) : (
        <section className="panel" aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t('recovery.title')}</h2>
          <PermissionHint action="getRecoveryStatus" />
        </section>
      )}
      <OffsiteBackupSettings />
      {mayBackUp ? (
        <BackupSettings />
      ) : (
        <section className="panel" aria-labelledby="backup-title">
          <h2 id="backup-title">{t('settings.backup.title')}</h2>
          <PermissionHint action="listBackups" />
        </section>
      )}
      <DeskOptions />
    </section>
  );
}
