import { useState } from 'react';
import type { SubscriptionRowData, SubscriptionViewData } from '../../../shared/ipc/index.ts';
import { usePermission } from '../../app/use-permission.ts';
import { call } from '../../bridge.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useRefocus } from '../../components/use-refocus.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type MemberRequest, WithdrawalChoice } from '../consent/WithdrawalChoice.tsx';
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

/** What a finished action says, naming whose subscription it was. */
const DONE_MESSAGE = {
  pause: 'subs.paused',
  resume: 'subs.resumed',
  'cancel-now': 'subs.canceledNow',
  'cancel-at-end': 'subs.canceledAtEnd',
} as const satisfies Record<Action, string>;

/**
 * Subscriptions with whose they are (name and number, a link to the member) and their next charge;
 * the member page shows its own without the member column.
 */
export function SubscriptionTable({
  subscriptions,
  onChanged,
  showMember = true,
}: {
  subscriptions: readonly SubscriptionRowData[];
  onChanged: () => void;
  showMember?: boolean;
}) {
  const { t, won, dateTime } = useI18n();
  const periodLabel = usePeriodLabel();
  const [failure, setFailure] = useState<string | null>(null);
  const [canceling, setCanceling] = useState<number | null>(null);
  const mayChangePrice = usePermission('changeSubscriptionPrice').allowed;
  const [repricing, setRepricing] = useState<SubscriptionViewData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refocus = useRefocus();

  function closePriceForm(id: number) {
    setRepricing(null);
    refocus(`sub-price-open-${id}`);
  }

  const [memberRequest, setMemberRequest] = useState<MemberRequest>(null);

  // Each cancel question starts with no member request: one row's answer never carries to another.
  function askCancel(id: number | null) {
    setMemberRequest(null);
    setCanceling(id);
  }

  async function act(action: Action, sub: SubscriptionRowData) {
    setNotice(null);
    const withdrawn = memberRequest !== null && action !== 'pause' && action !== 'resume';
    const result = await send(action, sub.id, memberRequest);
    askCancel(null);
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    const done = t(DONE_MESSAGE[action], whose(sub));
    setNotice(withdrawn ? `${done} ${t('consent.withdrawalRecorded')}` : done);
    onChanged();
  }

  if (subscriptions.length === 0) {
    return (
      <>
        {notice && <Notice>{notice}</Notice>}
        <p className="muted">{t(showMember ? 'subs.empty' : 'subs.memberEmpty')}</p>
      </>
    );
  }
  return (
    <>
      {failure && <ErrorAlert>{failure}</ErrorAlert>}
      {notice && <Notice>{notice}</Notice>}
      <div className="table-scroll">
        <table className="table" data-testid={showMember ? 'subscriptions-table' : 'member-subscriptions'}>
          <thead>
            <tr>
              {showMember && <th scope="col">{t('subs.colMember')}</th>}
              <th scope="col">{t('charges.colOrder')}</th>
              <th scope="col" className="num">
                {t('charges.colAmount')}
              </th>
              <th scope="col">{t('plans.interval')}</th>
              <th scope="col">{t('subs.colNext')}</th>
              <th scope="col">{t('charges.colStatus')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((sub) => (
              <tr key={sub.id} data-testid={`subscription-${sub.id}`}>
                {showMember && (
                  <td className="nowrap">
                    <RouteLink to={{ name: 'member', id: sub.memberId }}>{sub.memberName}</RouteLink>
                    <span className="muted small"> {sub.memberNo}</span>
                  </td>
                )}
                <td>{sub.orderName}</td>
                <td className="num">{won(sub.amount)}</td>
                <td>
                  {periodLabel(sub.intervalUnit, sub.intervalCount)}
                  <span className="muted small">
                    {' '}
                    · {t('subs.anchorDate')} <span className="nowrap">{sub.anchorDate}</span>
                  </span>
                </td>
                <td className="nowrap">
                  {sub.nextChargeAt === null ? t('subs.noNext') : dateTime(sub.nextChargeAt)}
                </td>
                <td className="nowrap">
                  {t(`subs.status.${sub.status}`)}
                  {sub.cancelAtPeriodEnd && (
                    <span className="muted small"> · {t('subs.endsAtPeriodEnd')}</span>
                  )}
                </td>
                <td className="row-actions">
                  {sub.status === 'active' && (
                    <button type="button" onClick={() => void act('pause', sub)}>
                      {t('subs.pause')}
                    </button>
                  )}
                  {sub.status === 'active' && mayChangePrice && repricing?.id !== sub.id && (
                    <button
                      type="button"
                      id={`sub-price-open-${sub.id}`}
                      onClick={() => {
                        setNotice(null);
                        setRepricing(sub);
                      }}
                    >
                      {t('subPrice.open')}
                    </button>
                  )}
                  {sub.status === 'paused' && (
                    <button type="button" onClick={() => void act('resume', sub)}>
                      {t('subs.resume')}
                    </button>
                  )}
                  {sub.status !== 'canceled' && canceling !== sub.id && (
                    <button type="button" className="button-danger" onClick={() => askCancel(sub.id)}>
                      {t('subs.cancel')}
                    </button>
                  )}
                  {canceling === sub.id && (
                    <CancelChoice
                      question={t('subs.cancelWhom', whose(sub))}
                      memberRequest={memberRequest}
                      onMemberRequest={setMemberRequest}
                      onChoose={(action) => void act(action, sub)}
                      onBack={() => askCancel(null)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {repricing && (
        <SubscriptionPriceForm
          key={repricing.id}
          subscription={repricing}
          onCancel={() => closePriceForm(repricing.id)}
          onDone={(changed) => {
            // A raise waits for the member's consent, so the subscription comes back at its old price.
            setNotice(
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

/**
 * Canceling is asked twice, with the two ways it can go: now, or when the paid period ends; under
 * the question, whether the member asked for it (then it is recorded as their withdrawal).
 */
function CancelChoice({
  question,
  memberRequest,
  onMemberRequest,
  onChoose,
  onBack,
}: {
  question: string;
  memberRequest: MemberRequest;
  onMemberRequest: (value: MemberRequest) => void;
  onChoose: (action: Action) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const nowRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <fieldset className="row-actions inline-choice" data-testid="cancel-choice">
      <legend className="small">{question}</legend>
      <WithdrawalChoice value={memberRequest} onChange={onMemberRequest} />
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

/** The names a message about one subscription needs. */
function whose(sub: SubscriptionRowData) {
  return { name: sub.memberName, memberNo: sub.memberNo, orderName: sub.orderName };
}
