import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { BrowseButton } from '../../components/BrowseButton.tsx';
import { PermissionHint } from '../../components/PermissionHint.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BackupWarnings } from './BackupWarnings.tsx';

/** The off-PC backup folder (USB drive, NAS, synced cloud folder) and its daily time. */
export function OffsiteBackupSettings() {
  const { t } = useI18n();
  const load = useCallback(() => call('getBackupHealth', {}), []);
  const { data, failure, reload } = useLoad(load);
  const { allowed: mayChange } = usePermission('setBackupFolder');
  const { allowed: mayRun } = usePermission('runOffsiteBackup');
  const [folder, setFolder] = useState('');
  const [time, setTime] = useState('23:00');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'folder' | 'time', string>>>({});
  const [runFailure, setRunFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data) return;
    setFolder(data.folder ?? '');
    setTime(data.time);
  }, [data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await call('setBackupFolder', { folder: folder.trim() || null, time });
    setBusy(false);
    if (!result.ok) {
      const fields = result.error.details?.fields as Record<string, { message: string }> | undefined;
      setFieldErrors({ folder: fields?.folder?.message, time: fields?.time?.message });
      if (!fields) setRunFailure(result.error.message);
      return;
    }
    setFieldErrors({});
    setRunFailure(null);
    setNotice(t('offsite.saved'));
    await reload();
  }

  async function runNow() {
    setBusy(true);
    const result = await call('runOffsiteBackup', {});
    setBusy(false);
    await reload();
    if (!result.ok) return setRunFailure(result.error.message);
    setRunFailure(null);
    setNotice(t('offsite.done'));
  }

  return (
    <section className="panel" aria-labelledby="offsite-title" data-testid="offsite-settings">
      <div className="panel-title">
        <h2 id="offsite-title">{t('offsite.title')}</h2>
        {mayRun && data?.folder && (
          <button type="button" disabled={busy} onClick={() => void runNow()}>
            {t('offsite.run')}
          </button>
        )}
      </div>
      <p className="muted">{t('offsite.intro')}</p>
      <PermissionHint action="setBackupFolder" />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {runFailure && <ErrorAlert>{runFailure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      {data && <BackupWarnings health={data} />}
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField
          id="offsite-folder"
          label={t('offsite.folder')}
          hint={t('offsite.folderHint')}
          value={folder}
          maxLength={1000}
          disabled={!mayChange}
          onChange={(event) => setFolder(event.target.value)}
          error={fieldErrors.folder}
        />
        {mayChange && <BrowseButton kind="folder" onPath={setFolder} />}
        <TextField
          id="offsite-time"
          label={t('offsite.time')}
          type="time"
          value={time}
          disabled={!mayChange}
          onChange={(event) => setTime(event.target.value)}
          error={fieldErrors.time}
        />
        {mayChange && (
          <button type="submit" className="button-primary" disabled={busy}>
            {t('offsite.save')}
          </button>
        )}
      </form>
    </section>
  );
}
