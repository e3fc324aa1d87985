import { useI18n } from '../i18n/i18n.tsx';
import { SecretKeySettings } from './SecretKeySettings.tsx';

export function Settings() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <SecretKeySettings />
    </section>
  );
}
