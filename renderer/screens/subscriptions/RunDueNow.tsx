import { useEffect, useRef, useState } from 'react';
import type { RunDuePreviewData, RunSummaryData } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A charge count of zero: nothing was sent, so the summary says why instead of only "0건". */
const chargedNothing = (summary: RunSummaryData) =>
  summary.charged.DONE + summary.charged.DECLINED + summary.charged.FAILED + summary.charged.UNKNOWN === 0;

/**
 * Runs what is due now instead of waiting for the minute loop. It asks first, with the count and
 * total a run would charge, and afterwards says what happened (and, for a run that charged
 * nothing, when the next charges fall). The result goes away once the person moves on to anything
 * else on the screen.
 */
export function RunDueNow({ onFinished }: { onFinished: () => void }) {
  const { t } = useI18n();
  const [preview, setPreview] = useState<RunDuePreviewData | null>(null);
  const [summary, setSummary] = useState<{ run: RunSummaryData; after: RunDuePreviewData | null } | null>(
    null,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);

  // Clicking or tabbing anywhere outside this panel is moving on: the old result is cleared. Not
  // on pointerdown (nor the focus a press gives): the banner leaving would move the page under the
  // pointer, and the click would land on something else.
  useEffect(() => {
    if (!summary && !failure) return;
    let pressing = false;
    const outside = (event: Event) =>
      !(event.target instanceof Node && panelRef.current?.contains(event.target));
    const clear = () => {
      setSummary(null);
      setFailure(null);
    };
    const press = () => {
      pressing = true;
    };
    const release = () => {
      pressing = false;
    };
    const click = (event: Event) => {
      if (outside(event)) clear();
    };
    const focus = (event: Event) => {
      if (!pressing && outside(event)) clear();
    };
    const listeners = [
      ['pointerdown', press],
      ['pointerup', release],
      ['click', click],
      ['focusin', focus],
    ] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
    };
  }, [summary, failure]);

  async function ask() {
    setSummary(null);
    setFailure(null);
    const result = await call('previewRunDue', {});
    if (!result.ok) return setFailure(result.error.message);
    setPreview(result.value);
  }

  async function run() {
    if (running) return;
    setRunning(true);
    const result = await call('runDueNow', {});
    setRunning(false);
    setPreview(null);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    const after = chargedNothing(result.value) ? await call('previewRunDue', {}) : null;
    setSummary({ run: result.value, after: after?.ok ? after.value : null });
    onFinished();
  }

  return (
    <div className="panel" ref={panelRef}>
      <div className="panel-title">
        <h2>{t('subs.runTitle')}</h2>
        {!preview && (
          <button type="button" className="button-primary" disabled={running} onClick={() => void ask()}>
            {t('subs.runNow')}
          </button>
        )}
      </div>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {preview && (
        <RunConfirm
          preview={preview}
          running={running}
          onRun={() => void run()}
          onCancel={() => setPreview(null)}
        />
      )}
      {summary && (
        <Notice>
          <span data-testid="run-summary">
            {t('subs.runSummary', {
              done: summary.run.charged.DONE,
              declined: summary.run.charged.DECLINED + summary.run.charged.FAILED,
              unknown: summary.run.charged.UNKNOWN,
              waiting: summary.run.awaitingConfirmation,
            })}
          </span>
          {(summary.run.awaitingConsent ?? 0) > 0 && (
            <span className="block" data-testid="run-held-consent">
              {t('subs.runHeldForConsent', { count: summary.run.awaitingConsent ?? 0 })}
            </span>
          )}
          {summary.run.slowedDown > 0 && (
            <span data-testid="run-slowed"> {t('subs.runSlowed', { count: summary.run.slowedDown })}</span>
          )}
          {summary.after && (
            <span className="block" data-testid="run-why">
              <NextLaterToday preview={summary.after} />
            </span>
          )}
        </Notice>
      )}
    </div>
  );
}

function RunConfirm({
  preview,
  running,
  onRun,
  onCancel,
}: {
  preview: RunDuePreviewData;
  running: boolean;
  onRun: () => void;
  onCancel: () => void;
}) {
  const { t, won } = useI18n();
  const runRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <div className="confirm-inline" data-testid="run-confirm">
      <p>
        <strong>{t('subs.runConfirm', { count: preview.count, amount: won(preview.amount) })}</strong>
      </p>
      {preview.awaitingApproval > 0 && (
        <p>{t('subs.runConfirmAwaiting', { count: preview.awaitingApproval })}</p>
      )}
      {preview.withoutCard > 0 && <p>{t('subs.runConfirmNoCard', { count: preview.withoutCard })}</p>}
      {preview.awaitingConsent > 0 && (
        <p>{t('subs.runConfirmConsent', { count: preview.awaitingConsent })}</p>
      )}
      {preview.count === 0 && (
        <p>
          <NextLaterToday preview={preview} />
        </p>
      )}
      <div className="actions">
        <button type="button" ref={runRef} className="button-primary" disabled={running} onClick={onRun}>
          {running ? t('subs.running') : t('subs.runConfirmButton', { count: preview.count })}
        </button>
        <button type="button" disabled={running} onClick={onCancel}>
          {t('subs.runCancel')}
        </button>
      </div>
    </div>
  );
}

/** "10:00에 결제 예정 3건: 아직 시간이 안 됨", or that nothing is due at all. */
function NextLaterToday({ preview }: { preview: RunDuePreviewData }) {
  const { t, locale } = useI18n();
  const { status } = useApp();
  const next = preview.laterToday[0];
  if (!next) return <>{t('subs.runNothing')}</>;
  const time = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
    timeZone: status.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(next.dueAt);
  return <>{t('subs.runNotYet', { time, count: next.count })}</>;
}
