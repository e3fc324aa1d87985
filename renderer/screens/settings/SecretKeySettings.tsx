import { type FormEvent, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

/**
 * Enter, replace or clear the Toss secret key. The key goes to main once and is never shown again:
 * the field is emptied after every attempt, and the screen knows only "configured" and test/live.
 */
export function SecretKeySettings() {
  const { t } = useI18n();
  const { status, refresh } = useApp();
  const { allowed } = usePermission('setSecretKey');
  const inputRef = useFocusOnMount<HTMLInputElement>();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [busy, setBusy] = useState(false);
  const secret = status.keyStatus;
  const state: MessageKey = !secret.configured
    ? 'settings.secretNone'
    : secret.mode === 'live'
      ? 'settings.secretLive'
      : 'settings.secretTest';

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (key.trim() === '') {
      setError(t('settings.secretRequired'));
      return;
    }
    setBusy(true);
    const result = await call('setSecretKey', { secretKey: key.trim() });
    setKey('');
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      document.getElementById('secret-key')?.focus();
      return;
    }
    setError(undefined);
    setNotice('settings.secretSaved');
    await refresh();
  }

  async function clear() {
    setBusy(true);
    const result = await call('clearSecretKey', {});
    setBusy(false);
    setConfirmingClear(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setNotice('settings.secretCleared');
    await refresh();
  }

  return (
    <section className="panel" aria-labelledby="secret-title">
      <h2 id="secret-title">{t('settings.secretTitle')}</h2>
      <p className="muted">{t('settings.secretIntro')}</p>
      <p>
        {t('settings.secretState')}:{' '}
        <strong data-testid="secret-state" className={secret.mode === 'live' ? 'danger' : undefined}>
          {t(state)}
        </strong>
      </p>
      {notice && <Notice>{t(notice)}</Notice>}
      <PermissionHint action="setSecretKey" />
      {/* Everyone may look; only the owner may change it (main refuses the others anyway). */}
      <form onSubmit={(event) => void save(event)} noValidate>
        <fieldset className="plain" disabled={!allowed}>
          <TextField
            id="secret-key"
            ref={inputRef}
            label={t('settings.secretInput')}
            hint={t('settings.secretHint')}
            type="password"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            error={error}
          />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {secret.configured ? t('settings.secretReplace') : t('settings.secretSave')}
            </button>
            {secret.configured && !confirmingClear && (
              <button
                type="button"
                className="button-danger"
                disabled={busy}
                onClick={() => setConfirmingClear(true)}
              >
                {t('settings.secretClear')}
              </button>
            )}
          </div>
        </fieldset>
      </form>
      {confirmingClear && (
        <div className="confirm-inline">
          <ErrorAlert>{t('settings.secretClearWarning')}</ErrorAlert>
          <div className="actions">
            <button type="button" className="button-danger" disabled={busy} onClick={() => void clear()}>
              {t('settings.secretClearConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmingClear(false)}>
              {t('settings.secretClearCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
