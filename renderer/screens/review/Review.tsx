import { useCallback, useState } from 'react';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { useRefocus } from '../../components/use-refocus.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ResolveForm, type Resolving } from './ResolveForm.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { UnmatchedTossList } from './UnmatchedTossList.tsx';

/**
 * "확인 필요": attempts whose outcome Toss never told us. The screen's one primary action,
 * "확인하기", looks each one up by its order (design.md, invariant 4) and is always safe; what
 * still cannot be known is decided by a manager with a reason.
 */
export function Review() {
  const { t } = useI18n();
  const checkRef = useFocusOnMount<HTMLButtonElement>();
  const load = useCallback(() => call('listNeedsReview', {}), []);
  const { data, failure, reload } = useLoad(load);
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checkFailure, setCheckFailure] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // "3분 전" is counted from when the list was read, so it does not tick between renders.
  const [now, setNow] = useState(() => Date.now());
  const refocus = useRefocus();

  async function refresh() {
    await reload();
    setNow(Date.now());
  }

  async function check() {
    if (checking) return;
    setChecking(true);
    setNotice(null);
    setCheckFailure(null);
    const result = await call('reconcile', {});
    setChecking(false);
    if (!result.ok) return setCheckFailure(result.error.message);
    setNotice(
      t('review.checked', {
        checked: result.value.checked,
        resolved: result.value.resolved.length,
        remaining: result.value.needsReview.length,
      }),
    );
    await refresh();
  }

  const empty = data !== null && data.charges.length === 0 && data.refunds.length === 0;
  return (
    <section aria-labelledby="review-title" className="stack" aria-busy={checking}>
      <div className="screen-title">
        <h1 id="review-title">{t('review.title')}</h1>
        <button
          type="button"
          ref={checkRef}
          id="review-check"
          className="button-primary"
          disabled={checking || resolving !== null}
          onClick={() => void check()}
        >
          {checking ? t('review.checking') : t('review.check')}
        </button>
      </div>
      <p className="muted">{t('review.intro')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {checkFailure && <ErrorAlert>{checkFailure}</ErrorAlert>}
      {checking && <Notice>{t('review.checking')}</Notice>}
      {notice && <Notice>{notice}</Notice>}
      {resolving && (
        <ResolveForm
          key={`${resolving.kind}-${resolving.id}`}
          resolving={resolving}
          onCancel={() => {
            setResolving(null);
            refocus(`review-resolve-${resolving.kind}-${resolving.id}`);
          }}
          onDone={(message) => {
            setResolving(null);
            setNotice(message);
            void refresh();
            refocus('review-check');
          }}
        />
      )}
      {empty && <p className="empty">{t('review.empty')}</p>}
      {data && !empty && (
        <ReviewTable
          queue={data}
          now={now}
          onResolve={(next) => {
            setNotice(null);
            setResolving(next);
          }}
        />
      )}
      <UnmatchedTossList />
    </section>
  );
}
