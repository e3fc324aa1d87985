import type { z } from 'zod';
import type { backupHealthView } from '../../../shared/ipc/views.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

type BackupHealth = z.infer<typeof backupHealthView>;

const WARNING_TEXT: Record<BackupHealth['warnings'][number], MessageKey> = {
  no_recovery_code: 'offsite.warnNoCode',
  no_folder: 'offsite.warnNoFolder',
  unreachable: 'offsite.warnUnreachable',
  stale: 'offsite.warnStale',
  failed: 'offsite.warnFailed',
};

/** When the last verified off-PC backup was made, and what is wrong with recovery right now. */
export function BackupWarnings({ health }: { health: BackupHealth }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="stack" data-testid="backup-health">
      <p data-testid="backup-last">
        {health.lastVerifiedAt === null
          ? t('offsite.never')
          : t('offsite.last', { date: dateTime(health.lastVerifiedAt) })}
      </p>
      {health.warnings.length > 0 && (
        <ul className="alert alert-error" data-testid="backup-warnings">
          {health.warnings.map((warning) => (
            <li key={warning} data-warning={warning}>
              {t(WARNING_TEXT[warning])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
