import { useCallback, useState } from 'react';
import { call } from '../bridge.ts';
import { ErrorAlert, Notice } from '../components/Alert.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useLoad } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ResolveForm, type Resolving } from './ResolveForm.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { UnmatchedTossList } from './UnmatchedTossList.tsx';

/**
 * "확인 필요": attempts whose outcome Toss never told us. "확인하기" looks each one up by its order
 * (design.md, invariant 4); what still cannot be known is resolved by a manager with a reason.
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

  async function check() {
    setChecking(true);
    setNotice(null);
    const result = await call('reconcile', {});
    setChecking(false);
    if (!result.ok) return setCheckFailure(result.error.message);
    setCheckFailure(null);
    setNotice(
      t('review.checked', {
        checked: result.value.checked,
        resolved: result.value.resolved.length,
        remaining: result.value.needsReview.length,
      }),
    );
    await reload();
  }

  const empty = data !== null && data.charges.length === 0 && data.refunds.length === 0;
  return (
    <section aria-labelledby="review-title" className="stack">
      <div className="screen-title">
        <h1 id="review-title">{t('review.title')}</h1>
        <button
          type="button"
          ref={checkRef}
          className="button-primary"
          disabled={checking}
          onClick={() => void check()}
        >
          {t('review.check')}
        </button>
      </div>
      <p className="muted">{t('review.intro')}</p>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {checkFailure && <ErrorAlert>{checkFailure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      {resolving && (
        <ResolveForm
          key={`${resolving.kind}-${resolving.id}`}
          resolving={resolving}
          onCancel={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            setNotice(t('review.resolved'));
            void reload();
          }}
        />
      )}
      {empty && <p className="empty">{t('review.empty')}</p>}
      {data && !empty && <ReviewTable queue={data} onResolve={setResolving} />}
      <UnmatchedTossList />
    </section>
  );
}
