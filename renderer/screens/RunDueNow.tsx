import { useState } from 'react';
import type { RunSummaryData } from '../../shared/ipc/index.ts';
import { call } from '../bridge.ts';
import { ErrorAlert, Notice } from '../components/Alert.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Runs what is due now instead of waiting for the minute loop, and says what happened. */
export function RunDueNow({ onFinished }: { onFinished: () => void }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState<RunSummaryData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    if (running) return;
    setRunning(true);
    const result = await call('runDueNow', {});
    setRunning(false);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setSummary(result.value);
    onFinished();
  }

  return (
    <div className="panel">
      <div className="panel-title">
        <h2>{t('subs.runTitle')}</h2>
        <button type="button" className="button-primary" disabled={running} onClick={() => void run()}>
          {running ? t('subs.running') : t('subs.runNow')}
        </button>
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {summary && (
        <Notice>
          <span data-testid="run-summary">
            {t('subs.runSummary', {
              done: summary.charged.DONE,
              declined: summary.charged.DECLINED + summary.charged.FAILED,
              unknown: summary.charged.UNKNOWN,
              // Trials' first paid charges held for consent wait too.
              waiting: summary.awaitingConfirmation + (summary.awaitingConsent ?? 0),
            })}
          </span>
        </Notice>
      )}
    </div>
  );
}
