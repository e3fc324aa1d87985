import { useState } from 'react';
import type { SubscriptionViewData } from '../../shared/ipc/index.ts';
import { usePermission } from '../app/use-permission.ts';
import { call } from '../bridge.ts';
import { ActionsHeader } from '../components/ActionsHeader.tsx';
import { ErrorAlert, Notice } from '../components/Alert.tsx';
import { RouteLink } from '../components/RouteLink.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { useRefocus } from '../components/use-refocus.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { type MemberRequest, WithdrawalChoice } from './consent/WithdrawalChoice.tsx';
import { SubscriptionPriceForm } from './SubscriptionPriceForm.tsx';
import { usePeriodLabel } from './use-period-label.ts';

type Action = 'pause' | 'resume' | 'cancel-now' | 'cancel-at-end';

function send(action: Action, id: number, request: MemberRequest) {
  // Canceling at the member's request records the withdrawal of their consent (invariant 12).
  const withdrawal = request === null ? {} : { withdrawal: { method: request } };
  switch (action) {
    case 'pause':
      return call('pauseSubscription', { id });
    case 'resume':
      return call('resumeSubscription', { id });
    case 'cancel-now':
      return call('cancelSubscription', { id, ...withdrawal });
    case 'cancel-at-end':
      return call('cancelSubscription', { id, atPeriodEnd: true, ...withdrawal });
  }
}

export function SubscriptionTable({
  subscriptions,
  onChanged,
}: {
  subscriptions: readonly SubscriptionViewData[];
  onChanged: () => void;
}) {
  const { t, won } = useI18n();
  const periodLabel = usePeriodLabel();
  const [failure, setFailure] = useState<string | null>(null);
  const [canceling, setCanceling] = useState<number | null>(null);
  const mayChangePrice = usePermission('changeSubscriptionPrice').allowed;
  const [repricing, setRepricing] = useState<SubscriptionViewData | null>(null);
  const [repriced, setRepriced] = useState<string | null>(null);

  const refocus = useRefocus();

  function closePriceForm(id: number) {
    setRepricing(null);
    refocus(`sub-price-open-${id}`);
  }

  const [memberRequest, setMemberRequest] = useState<MemberRequest>(null);

  async function act(action: Action, id: number) {
    const result = await send(action, id, memberRequest);
    setMemberRequest(null);
    setCanceling(null);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    onChanged();
  }

  if (subscriptions.length === 0) return <p className="muted">{t('subs.empty')}</p>;
  return (
    <>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {repriced && <Notice>{repriced}</Notice>}
      <table className="table" data-testid="subscriptions-table">
        <thead>
          <tr>
            <th scope="col">{t('charges.colOrder')}</th>
            <th scope="col" className="num">
              {t('charges.colAmount')}
            </th>
            <th scope="col">{t('plans.interval')}</th>
            <th scope="col">{t('subs.anchorDate')}</th>
            <th scope="col">{t('charges.colStatus')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {subscriptions.map((sub) => (
            <tr key={sub.id}>
              <td>
                <RouteLink to={{ name: 'member', id: sub.memberId }}>{sub.orderName}</RouteLink>
              </td>
              <td className="num">{won(sub.amount)}</td>
              <td>{periodLabel(sub.intervalUnit, sub.intervalCount)}</td>
              <td>{sub.anchorDate}</td>
              <td>
                {t(`subs.status.${sub.status}`)}
                {sub.cancelAtPeriodEnd && <span className="muted small"> · {t('subs.endsAtPeriodEnd')}</span>}
              </td>
              <td className="row-actions">
                {sub.status === 'active' && (
                  <button type="button" onClick={() => void act('pause', sub.id)}>
                    {t('subs.pause')}
                  </button>
                )}
                {sub.status === 'active' && mayChangePrice && repricing?.id !== sub.id && (
                  <button
                    type="button"
                    id={`sub-price-open-${sub.id}`}
                    onClick={() => {
                      setRepriced(null);
                      setRepricing(sub);
                    }}
                  >
                    {t('subPrice.open')}
                  </button>
                )}
                {sub.status === 'paused' && (
                  <button type="button" onClick={() => void act('resume', sub.id)}>
                    {t('subs.resume')}
                  </button>
                )}
                {sub.status !== 'canceled' && canceling !== sub.id && (
                  <button type="button" className="button-danger" onClick={() => setCanceling(sub.id)}>
                    {t('subs.cancel')}
                  </button>
                )}
                {canceling === sub.id && (
                  <WithdrawalChoice value={memberRequest} onChange={setMemberRequest} />
                )}
                {canceling === sub.id && (
                  <CancelChoice
                    onChoose={(action) => void act(action, sub.id)}
                    onBack={() => setCanceling(null)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {repricing && (
        <SubscriptionPriceForm
          key={repricing.id}
          subscription={repricing}
          onCancel={() => closePriceForm(repricing.id)}
          onDone={(changed) => {
            // A raise waits for the member's consent, so the subscription comes back at its old price.
            setRepriced(
              changed.amount === repricing.amount && changed.taxFreeAmount === repricing.taxFreeAmount
                ? t('consent.raisePending', { orderName: changed.orderName })
                : t('subPrice.done', { orderName: changed.orderName, amount: won(changed.amount) }),
            );
            closePriceForm(changed.id);
            onChanged();
          }}
        />
      )}
    </>
  );
}

/** Canceling is asked twice, with the two ways it can go: now, or when the paid period ends. */
function CancelChoice({ onChoose, onBack }: { onChoose: (action: Action) => void; onBack: () => void }) {
  const { t } = useI18n();
  const nowRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <fieldset className="row-actions inline-choice">
      <legend className="visually-hidden">{t('subs.cancelQuestion')}</legend>
      <button type="button" ref={nowRef} className="button-danger" onClick={() => onChoose('cancel-now')}>
        {t('subs.cancelNow')}
      </button>
      <button type="button" onClick={() => onChoose('cancel-at-end')}>
        {t('subs.cancelAtEnd')}
      </button>
      <button type="button" className="button-quiet" onClick={onBack}>
        {t('review.cancel')}
      </button>
    </fieldset>
  );
}
