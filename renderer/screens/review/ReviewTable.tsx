import type { ReactNode } from 'react';
import { formatMaskedForDisplay } from '../../../shared/card/index.ts';
import type { ResponseOf } from '../../../shared/ipc/index.ts';
import { usePermission } from '../../app/use-permission.ts';
import { ActionsHeader } from '../../components/ActionsHeader.tsx';
import { RouteLink } from '../../components/RouteLink.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import type { Resolving } from './ResolveForm.tsx';
import { timeAgo } from './time-ago.ts';

type Queue = ResponseOf<'listNeedsReview'>;

interface RowFields {
  readonly kind: 'charge' | 'refund';
  readonly id: number;
  readonly memberId: number;
  readonly memberNo: string;
  readonly memberName: string;
  readonly amount: number;
  readonly createdAt: number;
  readonly tossMessage: string | null;
  /** Toss's trace id of the last answer, for Toss support. */
  readonly tossTraceId: string | null;
  /** Order name and card, or the refunded order and the reason. */
  readonly what: ReactNode;
  readonly known: MessageKey;
}

/**
 * One row per unknown outcome: whom it concerns, how much, how long ago, and what is known. The
 * only action in a row is a manager's decision; nothing here sends a charge again (design.md,
 * invariant 4), so "다시 결제하지 마세요" never sits beside a "다시 결제" button.
 */
export function ReviewTable({
  queue,
  now,
  onResolve,
}: {
  queue: Queue;
  now: number;
  onResolve: (resolving: Resolving) => void;
}) {
  const { t } = useI18n();
  const rows: RowFields[] = [
    ...queue.charges.map((charge) => ({
      ...charge,
      kind: 'charge' as const,
      what: (
        <>
          {t('review.kindCharge')} · {charge.orderName}
          <span className="muted small"> · {formatMaskedForDisplay(charge.maskedNumber)}</span>
        </>
      ),
      known:
        charge.status === 'PENDING' ? ('review.knownPending' as const) : ('review.knownUnknown' as const),
    })),
    ...queue.refunds.map((refund) => ({
      ...refund,
      kind: 'refund' as const,
      what: (
        <>
          {t('review.kindRefund')} ·{' '}
          <RouteLink to={{ name: 'charge-detail', id: refund.chargeId }}>{refund.orderName}</RouteLink>
          <span className="muted small"> · {refund.reason}</span>
        </>
      ),
      known:
        refund.status === 'PENDING'
          ? ('review.knownRefundPending' as const)
          : ('review.knownRefundUnknown' as const),
    })),
  ];
  return (
    <div className="table-scroll">
      <table className="table" data-testid="review-table">
        <thead>
          <tr>
            <th scope="col">{t('review.colMember')}</th>
            <th scope="col">{t('charges.colOrder')}</th>
            <th scope="col" className="num">
              {t('charges.colAmount')}
            </th>
            <th scope="col">{t('review.colAgo')}</th>
            <th scope="col">{t('review.colKnown')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ReviewRow key={`${row.kind}-${row.id}`} row={row} now={now} onResolve={onResolve} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReviewRow({
  row,
  now,
  onResolve,
}: {
  row: RowFields;
  now: number;
  onResolve: (resolving: Resolving) => void;
}) {
  const { t, won, dateTime } = useI18n();
  const mayResolve = usePermission('resolveCharge').allowed;
  return (
    <tr data-testid={`review-${row.kind}-${row.id}`}>
      <td className="nowrap">
        <RouteLink to={{ name: 'member', id: row.memberId }}>{row.memberName}</RouteLink>
        <span className="muted small"> {row.memberNo}</span>
      </td>
      <td>{row.what}</td>
      <td className="num">{won(row.amount)}</td>
      <td className="nowrap" title={dateTime(row.createdAt)}>
        {timeAgo(t, row.createdAt, now)}
      </td>
      <td>
        {t(row.known)}
        {row.tossMessage && <span className="muted small"> ({row.tossMessage})</span>}
        <TraceId traceId={row.tossTraceId} />
      </td>
      <td>
        {mayResolve ? (
          <button
            type="button"
            id={`review-resolve-${row.kind}-${row.id}`}
            onClick={() =>
              onResolve({ kind: row.kind, id: row.id, amount: row.amount, memberName: row.memberName })
            }
          >
            {t('review.resolve')}
          </button>
        ) : (
          <span className="muted small">{t('review.managerOnly')}</span>
        )}
      </td>
    </tr>
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
