import { type FormEvent, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const MAX_MINUTES = 240;

/** How long the counter may sit untouched before it locks; main applies it to every call at once. */
export function IdleLockSetting() {
  const { t } = useI18n();
  const { status, refresh } = useApp();
  const [minutes, setMinutes] = useState(String(status.idleLockMinutes));
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const value = Number(minutes);
    if (minutes === '' || value > MAX_MINUTES) {
      setError(t('staff.idleInvalid'));
      return;
    }
    setError(undefined);
    setBusy(true);
    const result = await call('setIdleLock', { minutes: value });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setSaved(true);
    await refresh();
  }

  return (
    <form className="panel" onSubmit={(event) => void save(event)} noValidate aria-labelledby="idle-title">
      <h2 id="idle-title">{t('staff.idleTitle')}</h2>
      <TextField
        id="idle-minutes"
        label={t('staff.idleMinutes')}
        hint={t('staff.idleHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={3}
        className="field-short"
        value={minutes}
        onChange={(event) => setMinutes(event.target.value.replace(/\D/g, ''))}
        error={error}
      />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {saved && <Notice>{t('staff.idleSaved', { minutes: status.idleLockMinutes })}</Notice>}
      <button type="submit" disabled={busy}>
        {t('staff.save')}
      </button>
    </form>
  );
}
