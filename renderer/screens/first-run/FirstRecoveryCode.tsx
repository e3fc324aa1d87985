import { useState } from 'react';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { type RecoveryCode, RecoverySheet } from '../../components/RecoverySheet.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The step after the owner is made: the recovery code, shown once on its printable sheet, which the
 * owner confirms they kept ("보관했습니다") before reaching home. Skipping is an explicit choice
 * ("나중에 만들기") that makes no code, so home keeps warning until one exists.
 */
export function FirstRecoveryCode({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const createRef = useFocusOnMount<HTMLButtonElement>();
  const [sheet, setSheet] = useState<RecoveryCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    const result = await call('createRecoveryCode', { replace: false });
    setBusy(false);
    if (result.ok) setSheet(result.value);
    else setFailure(result.error.message);
  }

  if (sheet) return <RecoverySheet sheet={sheet} onClose={() => void onDone()} />;
  return (
    <section className="panel" aria-labelledby="setup-recovery-title" data-testid="setup-recovery">
      <h1 id="setup-recovery-title">{t('setup.recoveryTitle')}</h1>
      <p>{t('setup.recoveryIntro')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      <div className="actions">
        <button
          ref={createRef}
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => void create()}
        >
          {t('setup.recoveryCreate')}
        </button>
        <button type="button" disabled={busy} onClick={() => void onDone()}>
          {t('setup.recoveryLater')}
        </button>
      </div>
      <p className="muted">{t('setup.recoveryLaterNote')}</p>
    </section>
  );
}
