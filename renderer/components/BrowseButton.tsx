import { call } from '../bridge.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Opens the system's picker for a backup file or a folder and hands back the chosen path. */
export function BrowseButton({
  kind,
  onPath,
}: {
  kind: 'backupFile' | 'folder';
  onPath: (path: string) => void;
}) {
  const { t } = useI18n();
  async function browse() {
    const result = await call('choosePath', { kind });
    if (result.ok && result.value.path !== null) onPath(result.value.path);
  }
  return (
    <button type="button" onClick={() => void browse()}>
      {t('recovery.browse')}
    </button>
  );
}
