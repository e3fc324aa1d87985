import { useCallback, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Plans } from './Plans.tsx';
import { RunDueNow } from './RunDueNow.tsx';
import { SubscribeForm } from './SubscribeForm.tsx';
import { SubscriptionTable } from './SubscriptionTable.tsx';
import { usePeriodLabel } from './use-period-label.ts';

/** Plans, who is subscribed to what, and the run of due charges, on one screen. */
export function Subscriptions() {
  const { t, won, dateTime } = useI18n();
  const { navigate } = useApp();
  const periodLabel = usePeriodLabel();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const loadPlans = useCallback(() => call('listPlans', {}), []);
  const plans = useLoad(loadPlans);
  const loadSubscriptions = useCallback(() => call('listSubscriptions', {}), []);
  const subscriptions = useLoad(loadSubscriptions);
  const [subscribing, setSubscribing] = useState(false);
  // The subscription just made, described from the reloaded list (its next charge comes from main).
  const [createdId, setCreatedId] = useState<number | null>(null);
  const created = subscriptions.data?.find((sub) => sub.id === createdId);

  return (
    <section aria-labelledby="subs-title" className="stack">
      <div className="screen-title">
        <h1 id="subs-title" ref={titleRef} tabIndex={-1}>
          {t('subs.title')}
        </h1>
        <div className="actions title-actions">
          <button type="button" onClick={() => navigate({ name: 'upcoming' })}>
            {t('subs.upcoming')}
          </button>
          <button type="button" onClick={() => navigate({ name: 'catch-ups' })}>
            {t('subs.catchUps')}
          </button>
          <button type="button" onClick={() => navigate({ name: 'consents' })}>
            {t('consent.nav')}
          </button>
        </div>
      </div>
      <RunDueNow onFinished={() => void subscriptions.reload()} />
      {plans.failure && <ErrorAlert>{plans.failure}</ErrorAlert>}
      {plans.data && (
        <Plans
          plans={plans.data}
          onChanged={() => {
            void plans.reload();
            // A plan edit may have repriced the subscriptions listed below.
            void subscriptions.reload();
          }}
        />
      )}
      <div className="panel">
        <div className="panel-title">
          <h2>{t('subs.listTitle')}</h2>
          {!subscribing && (
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setCreatedId(null);
                setSubscribing(true);
              }}
            >
              {t('subs.subscribe')}
            </button>
          )}
        </div>
        {/* Above the consent slip, which follows the subscription it records. */}
        {created && (
          <Notice>
            <span data-testid="subscription-created">
              {t('subs.created', {
                name: created.memberName,
                memberNo: created.memberNo,
                orderName: created.orderName,
                amount: won(created.amount),
                interval: periodLabel(created.intervalUnit, created.intervalCount),
                next: created.nextChargeAt === null ? t('subs.noNext') : dateTime(created.nextChargeAt),
              })}
            </span>
          </Notice>
        )}
        {subscribing && plans.data && (
          <SubscribeForm
            plans={plans.data.filter((plan) => plan.active)}
            onCancel={() => setSubscribing(false)}
            onCreated={(subscription) => {
              setCreatedId(subscription.id);
              void subscriptions.reload();
            }}
            onDone={() => setSubscribing(false)}
          />
        )}
        {subscriptions.failure && <ErrorAlert>{subscriptions.failure}</ErrorAlert>}
        {subscriptions.data && (
          <SubscriptionTable
            subscriptions={subscriptions.data}
            onChanged={() => void subscriptions.reload()}
          />
        )}
      </div>
    </section>
  );
}
