import { type FormEvent, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { Notice } from '../../components/Alert.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { TextField } from '../../components/TextField.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

/**
 * The Toss client key, which opens Toss's own card registration window (for stores without a
 * key-in contract). It is not a secret, but the screen still shows only its state: what matters to
 * staff is whether the window can open, which needs the secret key's mode.
 */
export function ClientKeySettings() {
  const { t } = useI18n();
  const { status, refresh } = useApp();
  const { allowed } = usePermission('setClientKey');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const client = status.clientKeyStatus;
  const state: MessageKey = !client.configured
    ? 'settings.client.none'
    : client.matchesKeyMode
      ? 'settings.client.ready'
      : 'settings.client.mismatch';

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    if (key.trim() === '') {
      setError(t('settings.client.required'));
      return;
    }
    setBusy(true);
    const result = await call('setClientKey', { clientKey: key.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.details?.fields?.clientKey?.message ?? result.error.message);
      document.getElementById('client-key')?.focus();
      return;
    }
    setKey('');
    setError(undefined);
    setNotice('settings.client.saved');
    await refresh();
  }

  async function clear() {
    setBusy(true);
    const result = await call('clearClientKey', {});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setNotice('settings.client.cleared');
    await refresh();
  }

  return (
    <section className="panel" aria-labelledby="client-key-title">
      <h2 id="client-key-title">{t('settings.client.title')}</h2>
      <p className="muted">{t('settings.client.intro')}</p>
      <p>
        {t('settings.secretState')}: <strong data-testid="client-key-state">{t(state)}</strong>
      </p>
      {notice && <Notice>{t(notice)}</Notice>}
      <PermissionHint action="setClientKey" />
      <form onSubmit={(event) => void save(event)} noValidate>
        <fieldset className="plain" disabled={!allowed}>
          <TextField
            id="client-key"
            label={t('settings.client.input')}
            hint={t('settings.client.hint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            error={error}
          />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {t('settings.client.save')}
            </button>
            {client.configured && (
              <button type="button" disabled={busy} onClick={() => void clear()}>
                {t('settings.client.clear')}
              </button>
            )}
          </div>
        </fieldset>
      </form>
    </section>
  );
}
