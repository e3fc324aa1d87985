import { useCallback, useEffect } from 'react';
import type { CallOptions } from '../../../shared/ipc/index.ts';
import type { Route } from '../../app/app-context.tsx';
import { useApp } from '../../app/app-context.tsx';
import { BACKGROUND, call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { HomeTrials } from '../consent/HomeTrials.tsx';
import { HomeBackupHealth } from '../recovery/HomeBackupHealth.tsx';
import { AttentionList } from './AttentionList.tsx';
import { RevenueChart } from './RevenueChart.tsx';
import { RevenueTile } from './RevenueTile.tsx';

const QUEUES: readonly {
  label: MessageKey;
  count: 'needsReview' | 'catchUps' | 'subscriptionsNeedingAction' | 'cardsLapsing';
  route: Route;
  testId: string;
}[] = [
  { label: 'home.needsReview', count: 'needsReview', route: { name: 'review' }, testId: 'home-needs-review' },
  { label: 'home.catchUps', count: 'catchUps', route: { name: 'catch-ups' }, testId: 'home-catch-ups' },
  {
    label: 'home.subscriptionsNeedingAction',
    count: 'subscriptionsNeedingAction',
    route: { name: 'subscriptions' },
    testId: 'home-subscriptions',
  },
  {
    label: 'home.cardsLapsing',
    count: 'cardsLapsing',
    route: { name: 'upcoming' },
    testId: 'home-cards-expiring',
  },
];

/** The first screen after sign-in: what came in, what is due, and what waits for a person. */
export function Home() {
  const { t, won } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const load = useCallback((options?: CallOptions) => call('getDashboard', {}, options), []);
  const { data, failure, reload } = useLoad(load);

  // A scheduled run or a reconciliation can change every number here while the screen is open.
  useEffect(() => {
    // The screen's own refreshes: a counter left on this screen must still lock when idle.
    const offAttention = window.autopay.on.attention(() => void reload(BACKGROUND));
    const offRun = window.autopay.on.runProgress((event) => {
      if (event.phase === 'finished') void reload(BACKGROUND);
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
            {QUEUES.map((queue) => (
              <QueueLink
                key={queue.testId}
                label={t(queue.label)}
                count={data[queue.count]}
                route={queue.route}
                testId={queue.testId}
              />
            ))}
          </div>
          <RevenueChart days={data.last30Days} />
          <AttentionList entries={data.attention} />
          <HomeTrials />
          <HomeBackupHealth />
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
  testId,
}: {
  label: string;
  count: number;
  route: Route;
  testId: string;
}) {
  const { t } = useI18n();
  const { navigate } = useApp();
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
