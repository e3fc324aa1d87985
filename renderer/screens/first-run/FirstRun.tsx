import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { FirstRunRestore } from './FirstRunRestore.tsx';
import { OwnerSetup } from './OwnerSetup.tsx';

/**
 * No store in this data folder yet: start a new one (the default, the owner's name and PIN) or
 * bring one back from a backup made on a PC that was lost.
 */
export function FirstRun({
  onDone,
  onSettingUp,
}: {
  onDone: () => Promise<void>;
  onSettingUp: (settingUp: boolean) => void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<'new' | 'restore'>('new');
  return (
    <div className="stack">
      <fieldset className="inline-choice actions" aria-label={t('firstRun.title')}>
        <button type="button" aria-pressed={choice === 'new'} onClick={() => setChoice('new')}>
          {t('firstRun.new')}
        </button>
        <button type="button" aria-pressed={choice === 'restore'} onClick={() => setChoice('restore')}>
          {t('firstRun.restoreChoice')}
        </button>
      </fieldset>
      {choice === 'new' ? (
        <OwnerSetup onDone={onDone} onSettingUp={onSettingUp} />
      ) : (
        <FirstRunRestore onDone={onDone} onCancel={() => setChoice('new')} />
      )}
    </div>
  );
}
