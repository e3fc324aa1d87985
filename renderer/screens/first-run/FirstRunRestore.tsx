import { type FormEvent, useState } from 'react';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { BrowseButton } from '../../components/BrowseButton.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * "백업에서 복원" on first run: the backup file and the recovery code from the sheet. A wrong code
 * says so and keeps what was typed; nothing is written until the file opens. Afterwards the
 * owner signs in and enters the Toss secret key again (a backup never holds it).
 */
export function FirstRunRestore({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const fileRef = useFocusOnMount<HTMLInputElement>();
  const [file, setFile] = useState('');
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('restoreFromFile', { file: file.trim(), code });
    setBusy(false);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setRestored(true);
  }

  if (restored) {
    return (
      <section className="panel" aria-labelledby="restore-done-title" data-testid="restore-done">
        <h1 id="restore-done-title">{t('firstRun.restoredTitle')}</h1>
        <p>{t('firstRun.restoredNext')}</p>
        <button type="button" className="button-primary" onClick={() => void onDone()}>
          {t('firstRun.toSignIn')}
        </button>
      </section>
    );
  }
  return (
    <form
      className="panel"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="restore-title"
    >
      <h1 id="restore-title">{t('firstRun.restoreTitle')}</h1>
      <p>{t('firstRun.restoreIntro')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <TextField
        id="restore-file"
        ref={fileRef}
        label={t('firstRun.file')}
        hint={t('firstRun.fileHint')}
        value={file}
        maxLength={1000}
        onChange={(event) => setFile(event.target.value)}
      />
      <BrowseButton kind="backupFile" onPath={setFile} />
      <TextField
        id="restore-code"
        label={t('firstRun.code')}
        hint={t('firstRun.codeHint')}
        value={code}
        maxLength={60}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setCode(event.target.value)}
      />
      <div className="actions">
        <button
          type="submit"
          className="button-primary"
          disabled={busy || file.trim() === '' || code.trim() === ''}
        >
          {t('firstRun.restore')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('firstRun.back')}
        </button>
      </div>
    </form>
  );
}
