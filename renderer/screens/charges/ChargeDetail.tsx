import { useCallback, useState } from 'react';
import { formatMaskedForDisplay } from '../../../shared/card/index.ts';
import { useApp } from '../../app/app-context.tsx';
import { call } from '../../bridge.ts';
import { ErrorAlert, Notice } from '../../components/Alert.tsx';
import { RecordedSplit } from '../../components/RecordedSplit.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFocusOnMount } from '../../components/use-focus-on-mount.ts';
import { useLoad } from '../../components/use-load.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { tossMessageText } from '../../toss-message.ts';
import { RefundForm } from './RefundForm.tsx';
import { RefundList } from './RefundList.tsx';

/** One charge with its refunds; from here a manager refunds it and anyone prints its receipt. */
export function ChargeDetail({ id }: { id: number }) {
  const { t, won, dateTime } = useI18n();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const load = useCallback(() => call('getCharge', { id }), [id]);
  const { data, failure, reload } = useLoad(load);
  const [refunding, setRefunding] = useState(false);
  const { navigate, status } = useApp();
  const staffRefund = status.operator?.role === 'staff';
  const [notice, setNotice] = useState<string | null>(null);

  if (failure) return <ErrorAlert>{failure}</ErrorAlert>;
  if (!data) return null;
  const { charge, refunds, member } = data;
  const balance = charge.balanceAmount ?? charge.amount;
  const refundable = charge.status === 'DONE' && balance > 0;

  return (
    <section aria-labelledby="charge-detail-title" className="stack">
      <RouteLink to={{ name: 'charges' }} back>
        {t('charges.title')}
      </RouteLink>
      <div className="screen-title">
        <h1 id="charge-detail-title" ref={titleRef} tabIndex={-1}>
          {charge.orderName}
        </h1>
        <StatusBadge status={charge.status} amount={charge.amount} balanceAmount={charge.balanceAmount} />
      </div>
      {notice && <Notice>{notice}</Notice>}
      <div className="panel">
        <dl className="facts">
          <dt>{t('charges.colDate')}</dt>
          <dd>{dateTime(charge.createdAt)}</dd>
          <dt>{t('charges.colMember')}</dt>
          <dd>
            <RouteLink to={{ name: 'member', id: charge.memberId }}>
              <span data-testid="charge-member">
                {member.name} ({member.memberNo})
              </span>
            </RouteLink>
          </dd>
          <dt>{t('charges.colAmount')}</dt>
          <dd className="amount-large">{won(charge.amount)}</dd>
          <dt>{t('charges.colBalance')}</dt>
          <dd data-testid="charge-balance">{won(balance)}</dd>
          {charge.suppliedAmount !== null && (
            <>
              <dt>{t('charges.colSplit')}</dt>
              <dd data-testid="charge-split">
                <RecordedSplit charge={charge} />
              </dd>
            </>
          )}
          <dt>{t('receipt.card')}</dt>
          <dd className="mono">
            {charge.company ?? ''} {formatMaskedForDisplay(charge.maskedNumber)}
          </dd>
          <dt>{t('receipt.approveNo')}</dt>
          <dd className="mono">{charge.approveNo ?? tossMessageText(charge.tossMessage ?? '')}</dd>
          <dt>{t('charge.orderId')}</dt>
          <dd className="mono">{charge.orderId}</dd>
          {charge.tossTraceId && (
            <>
              <dt>{t('toss.traceId')}</dt>
              <dd className="mono" data-testid="charge-trace-id">
                {charge.tossTraceId}
              </dd>
            </>
          )}
        </dl>
        <div className="actions">
          {charge.status === 'DONE' && (
            <button type="button" onClick={() => navigate({ name: 'receipt', chargeId: charge.id })}>
              {t('receipt.open')}
            </button>
          )}
          {refundable && !refunding && (
            <button type="button" className="button-danger" onClick={() => setRefunding(true)}>
              {t('refund.start')}
            </button>
          )}
        </div>
        {refundable && staffRefund && (
          <p className="perm-hint" data-testid="permission-hint">
            {t('refund.needsApproval')}
          </p>
        )}
      </div>
      {refunding && (
        <RefundForm
          charge={charge}
          balance={balance}
          onCancel={() => setRefunding(false)}
          onDone={(message) => {
            setRefunding(false);
            setNotice(message);
            void reload();
          }}
        />
      )}
      <RefundList refunds={refunds} />
    </section>
  );
}
