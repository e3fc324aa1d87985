import { useI18n } from '../i18n/i18n.tsx';
import { BackupSettings } from './BackupSettings.tsx';
import { ClientKeySettings } from './ClientKeySettings.tsx';
import { ConsentTemplateSettings } from './consent/ConsentTemplateSettings.tsx';
import { DeskOptions } from './DeskOptions.tsx';
import { OffsiteBackupSettings } from './OffsiteBackupSettings.tsx';
import { RecoverySettings } from './RecoverySettings.tsx';
import { ScheduleSettings } from './ScheduleSettings.tsx';
import { SecretKeySettings } from './SecretKeySettings.tsx';
import { StoreDetailsSettings } from './StoreDetailsSettings.tsx';

export function Settings() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <SecretKeySettings />
      <ClientKeySettings />
      <StoreDetailsSettings />
      <ScheduleSettings />
      <ConsentTemplateSettings />
      <RecoverySettings />
      <OffsiteBackupSettings />
      <BackupSettings />
      <DeskOptions />
    </section>
  );
}
