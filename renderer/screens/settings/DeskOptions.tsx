import { useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { CheckField } from '../../components/CheckField.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Training mode, launch at login and the key-in contract (owner). Both answer with the new app status, which the header
 * (training banner) and this screen read, so the switch and the banner cannot disagree.
 */
export function DeskOptions() {
  const { t } = useI18n();
  const { status, refresh } = useApp();
  // One owner setting stands for the three: they are all the owner's (contract, setTrainingMode…).
  const { allowed } = usePermission('setTrainingMode');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle(channel: 'setTrainingMode' | 'setLaunchAtLogin' | 'setKeyIn', enabled: boolean) {
    setBusy(true);
    const result = await call(channel, { enabled });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    await refresh();
  }

  return (
    <section className="panel" aria-labelledby="desk-options-title">
      <h2 id="desk-options-title">{t('settings.training.title')}</h2>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <PermissionHint action="setTrainingMode" />
      <CheckField
        id="training-mode"
        label={t('settings.training.toggle')}
        hint={t('settings.training.hint')}
        checked={status.training}
        disabled={busy || !allowed}
        onChange={(checked) => void toggle('setTrainingMode', checked)}
      />
      <CheckField
        id="launch-at-login"
        label={t('settings.training.launchAtLogin')}
        checked={status.launchAtLogin}
        disabled={busy || !allowed}
        onChange={(checked) => void toggle('setLaunchAtLogin', checked)}
      />
      <CheckField
        id="key-in-enabled"
        label={t('settings.training.keyIn')}
        hint={t('settings.training.keyInHint')}
        checked={status.keyInEnabled}
        disabled={busy || !allowed}
        onChange={(checked) => void toggle('setKeyIn', checked)}
      />
    </section>
  );
}
