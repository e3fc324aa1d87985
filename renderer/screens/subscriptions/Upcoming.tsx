import { useCallback } from 'react';
import { formatMaskedForDisplay } from '../../../shared/card/index.ts';
import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert } from '../../components/Alert.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { UpcomingCalendar } from './UpcomingCalendar.tsx';

const DAYS = 30;

/** Scheduled charges: a month calendar, then the next 30 days day by day with each day's total. */
export function Upcoming() {
  const { t, won } = useI18n();
  const { navigate } = useApp();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const load = useCallback(() => call('upcoming', { days: DAYS }), []);
  const { data, failure } = useLoad(load);

  return (
    <section aria-labelledby="upcoming-title" className="stack">
      <RouteLink to={{ name: 'subscriptions' }} back>
        {t('subs.title')}
      </RouteLink>
      <h1 id="upcoming-title" ref={titleRef} tabIndex={-1}>
        {t('subs.upcomingTitle', { days: DAYS })}
      </h1>
      <UpcomingCalendar />
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {data && (
        <>
          <p className="amount-large" data-testid="upcoming-total">
            {t('subs.upcomingTotal', { count: data.total.count, amount: won(data.total.amount) })}
          </p>
          <LapsingCards cards={data.cardsLapsing} />
          {data.byDay.length === 0 ? (
            <p className="empty">{t('subs.upcomingEmpty')}</p>
          ) : (
            <ol className="day-list" data-testid="upcoming-days">
              {data.byDay.map((day) => (
                <li key={day.date} className="panel">
                  <h2 className="day-head">
                    <span>{day.date}</span>
                    <span className="num">
                      {t('subs.dayTotal', { count: day.count, amount: won(day.amount) })}
                    </span>
                  </h2>
                  <ul className="plain">
                    {day.charges.map((charge) => (
                      <li key={`${charge.subscriptionId}-${charge.periodIndex}`}>
                        <button
                          type="button"
                          className="link"
                          onClick={() => navigate({ name: 'member', id: charge.memberId })}
                        >
                          {charge.memberName}
                        </button>{' '}
                        {charge.orderName} · {won(charge.amount)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** Cards whose expiry month ends before their subscription's next charge (whenever it is). */
function LapsingCards({ cards }: { cards: ResponseOf<'upcoming'>['cardsLapsing'] }) {
  const { t } = useI18n();
  const { navigate } = useApp();
  if (cards.length === 0) return null;
  return (
    <div className="panel" data-testid="upcoming-expiring">
      <h2>{t('upcoming.expiringTitle', { count: new Set(cards.map((card) => card.cardId)).size })}</h2>
      <ul className="plain">
        {cards.map((card) => (
          <li key={card.subscriptionId}>
            <button
              type="button"
              className="link"
              onClick={() => navigate({ name: 'member', id: card.memberId })}
            >
              {card.memberName}
            </button>{' '}
            {t('upcoming.expiringRow', {
              masked: formatMaskedForDisplay(card.maskedNumber),
              month: String(card.expiryMonth).padStart(2, '0'),
              year: String(card.expiryYear % 100).padStart(2, '0'),
              date: card.nextDate,
              orderName: card.orderName,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
