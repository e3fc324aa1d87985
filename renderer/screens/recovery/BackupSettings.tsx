import { useCallback, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The folder name only: the full path says nothing more to staff and shows the PC's user name. */
function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

export function BackupSettings() {
  const { t, dateTime } = useI18n();
  const load = useCallback(() => call('listBackups', {}), []);
  const { data, failure, reload } = useLoad(load);
  const [notice, setNotice] = useState<string | null>(null);
  const [runFailure, setRunFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const { allowed: mayRestore } = usePermission('restoreBackup');
  const { allowed: mayDeletePlain } = usePermission('deletePlainLegacyBackups');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // Old plain backups hold member names in the clear: offered for deletion once an encrypted one exists.
  const plainDeletable =
    (data?.some((entry) => entry.plainLegacy) ?? false) &&
    (data?.some((entry) => !entry.plainLegacy) ?? false);
  const { refresh } = useApp();

  async function restore(file: string) {
    setBusy(true);
    const result = await call('restoreBackup', { file });
    setBusy(false);
    setRestoring(null);
    if (!result.ok) return setRunFailure(result.error.message);
    // Everyone is signed out: the lock screen takes over from here.
    await refresh();
  }

  async function deletePlain() {
    setBusy(true);
    const result = await call('deletePlainLegacyBackups', {});
    setBusy(false);
    setConfirmingDelete(false);
    await reload();
    if (!result.ok) return setRunFailure(result.error.message);
    setRunFailure(null);
    setNotice(t('backups.deletePlainDone', { count: result.value.deleted }));
  }

  async function backup() {
    setBusy(true);
    const result = await call('backupNow', {});
    setBusy(false);
    // The list is read again either way: it shows what is on disk, whatever the answer said.
    await reload();
    if (!result.ok) return setRunFailure(result.error.message);
    setRunFailure(null);
    setNotice(t('settings.backup.done', { file: fileName(result.value.file) }));
  }

  return (
    <section className="panel" aria-labelledby="backup-title">
      <div className="panel-title">
        <h2 id="backup-title">{t('settings.backup.title')}</h2>
        <button type="button" disabled={busy} onClick={() => void backup()}>
          {t('settings.backup.run')}
        </button>
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {runFailure && <ErrorAlert>{runFailure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      {data && data.length === 0 && <p className="muted">{t('settings.backup.empty')}</p>}
      {restoring && (
        <div className="confirm-inline" data-testid="restore-confirm">
          <ErrorAlert>{t('settings.backup.restoreWarning', { file: fileName(restoring) })}</ErrorAlert>
          <div className="actions">
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() => void restore(restoring)}
            >
              {t('settings.backup.restoreConfirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setRestoring(null)}>
              {t('settings.secretClearCancel')}
            </button>
          </div>
        </div>
      )}
      {mayDeletePlain && plainDeletable && (
        <div className="confirm-inline" data-testid="plain-backups">
          <p>{t('backups.deletePlainWarning')}</p>
          {confirmingDelete ? (
            <div className="actions">
              <button
                type="button"
                className="button-danger"
                disabled={busy}
                onClick={() => void deletePlain()}
              >
                {t('backups.deletePlain')}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirmingDelete(false)}>
                {t('settings.secretClearCancel')}
              </button>
            </div>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirmingDelete(true)}>
              {t('backups.deletePlain')}
            </button>
          )}
        </div>
      )}
      {data && data.length > 0 && (
        <table className="table" data-testid="backups-table">
          <thead>
            <tr>
              <th scope="col">{t('charges.colDate')}</th>
              <th scope="col">{t('settings.backup.file')}</th>
              <th scope="col" className="num">
                {t('settings.backup.size')}
              </th>
              {mayRestore && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {data.map((backup) => (
              <tr key={backup.file}>
                <td>{dateTime(backup.createdAt)}</td>
                <td>
                  <span className="mono">{fileName(backup.file)}</span>
                  {backup.plainLegacy && (
                    <span className="badge" data-testid="backup-plain-legacy">
                      {' '}
                      {t('backups.plainLegacy')}
                    </span>
                  )}
                </td>
                <td className="num">{t('settings.backup.kb', { kb: Math.ceil(backup.bytes / 1024) })}</td>
                {mayRestore && (
                  <td>
                    <button type="button" disabled={busy} onClick={() => setRestoring(backup.file)}>
                      {t('settings.backup.restore')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
