import { formatMaskedForDisplay } from '../../shared/card/index.ts';
import type { ResponseOf } from '../../shared/ipc/index.ts';
import { ActionsHeader } from '../components/ActionsHeader.tsx';
import { RouteLink } from '../components/RouteLink.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Resolving } from './ResolveForm.tsx';

export function ReviewTable({
  queue,
  onResolve,
}: {
  queue: ResponseOf<'listNeedsReview'>;
  onResolve: (resolving: Resolving) => void;
}) {
  const { t, won, dateTime } = useI18n();
  return (
    <table className="table" data-testid="review-table">
      <thead>
        <tr>
          <th scope="col">{t('charges.colDate')}</th>
          <th scope="col">{t('review.colKind')}</th>
          <th scope="col">{t('charges.colOrder')}</th>
          <th scope="col" className="num">
            {t('charges.colAmount')}
          </th>
          <th scope="col">{t('charges.colResult')}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {queue.charges.map((charge) => (
          <tr key={`charge-${charge.id}`}>
            <td>{dateTime(charge.createdAt)}</td>
            <td>
              <StatusBadge status={charge.status} /> {t('review.kindCharge')}
            </td>
            <td>
              <RouteLink to={{ name: 'member', id: charge.memberId }}>{charge.orderName}</RouteLink>
              <span className="muted small"> · {formatMaskedForDisplay(charge.maskedNumber)}</span>
            </td>
            <td className="num">{won(charge.amount)}</td>
            <td>
              {charge.tossMessage ?? charge.tossCode ?? ''}
              <TraceId traceId={charge.tossTraceId} />
            </td>
            <td>
              <button
                type="button"
                onClick={() => onResolve({ kind: 'charge', id: charge.id, amount: charge.amount })}
              >
                {t('review.resolve')}
              </button>
            </td>
          </tr>
        ))}
        {queue.refunds.map((refund) => (
          <tr key={`refund-${refund.id}`}>
            <td>{dateTime(refund.createdAt)}</td>
            <td>{t('review.kindRefund')}</td>
            <td>
              <RouteLink to={{ name: 'charge-detail', id: refund.chargeId }}>{refund.reason}</RouteLink>
            </td>
            <td className="num">{won(refund.amount)}</td>
            <td>
              {refund.tossMessage ?? refund.tossCode ?? ''}
              <TraceId traceId={refund.tossTraceId} />
            </td>
            <td>
              <button
                type="button"
                onClick={() => onResolve({ kind: 'refund', id: refund.id, amount: refund.amount })}
              >
                {t('review.resolve')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Toss's trace id of the last answer, which Toss support asks for first; nothing without one. */
function TraceId({ traceId }: { traceId: string | null }) {
  const { t } = useI18n();
  if (!traceId) return null;
  return (
    <span className="muted small mono" data-testid="review-trace-id">
      {' · '}
      {t('toss.traceId')} {traceId}
    </span>
  );
}
