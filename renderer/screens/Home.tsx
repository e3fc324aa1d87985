import { useCallback, useEffect } from 'react';
import type { Route } from '../app/app-context.tsx';
import { useApp } from '../app/app-context.tsx';
import { call } from '../bridge.ts';
import { ErrorAlert } from '../components/Alert.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useLoad } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AttentionList } from './AttentionList.tsx';
import { RevenueChart } from './RevenueChart.tsx';
import { RevenueTile } from './RevenueTile.tsx';

/** The first screen after sign-in: what came in, what is due, and what waits for a person. */
export function Home() {
  const { t, won } = useI18n();
  const { navigate } = useApp();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const load = useCallback(() => call('getDashboard', {}), []);
  const { data, failure, reload } = useLoad(load);

  // A scheduled run or a reconciliation can change every number here while the screen is open.
  useEffect(() => {
    const offAttention = window.autopay.on.attention(() => void reload());
    const offRun = window.autopay.on.runProgress((event) => {
      if (event.phase === 'finished') void reload();
    });
    return () => {
      offAttention();
      offRun();
    };
  }, [reload]);

  return (
    <section aria-labelledby="home-title" className="stack">
      <h1 id="home-title" ref={titleRef} tabIndex={-1}>
        {t('home.title')}
      </h1>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {data && (
        <>
          <div className="tiles">
            <RevenueTile title={t('home.today')} totals={data.today} testId="home-today" />
            <RevenueTile title={t('home.month')} totals={data.month} testId="home-month" />
            <div className="panel tile">
              <h2>{t('home.dueToday')}</h2>
              <p className="amount-large" data-testid="home-due-today">
                {won(data.dueToday.amount)}
              </p>
              <p className="muted">{t('home.count', { count: data.dueToday.count })}</p>
            </div>
          </div>
          <div className="tiles">
            <QueueLink
              label={t('home.needsReview')}
              count={data.needsReview}
              route={{ name: 'review' }}
              navigate={navigate}
              testId="home-needs-review"
            />
            <QueueLink
              label={t('home.catchUps')}
              count={data.catchUps}
              route={{ name: 'catch-ups' }}
              navigate={navigate}
              testId="home-catch-ups"
            />
            <QueueLink
              label={t('home.subscriptionsNeedingAction')}
              count={data.subscriptionsNeedingAction}
              route={{ name: 'subscriptions' }}
              navigate={navigate}
              testId="home-subscriptions"
            />
          </div>
          <RevenueChart days={data.last30Days} />
          <AttentionList entries={data.attention} />
        </>
      )}
    </section>
  );
}

/** A queue that waits for a person; a non-empty one is drawn as a warning. */
function QueueLink({
  label,
  count,
  route,
  navigate,
  testId,
}: {
  label: string;
  count: number;
  route: Route;
  navigate: (route: Route) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={count > 0 ? 'panel tile tile-link tile-warn' : 'panel tile tile-link'}
      onClick={() => navigate(route)}
      data-testid={testId}
    >
      <span className="tile-label">{label}</span>
      <span className="amount-large">{t('home.count', { count })}</span>
    </button>
  );
}
