import type { ChargeViewData } from '../../shared/ipc/index.ts';
import { refundStateOf } from '../../shared/money/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A refund that went through reads "환불됨", not "승인": the same status, money going the other way.
 * An approved charge given `amount` and `balanceAmount` reads "부분 환불" (with what is left) or
 * "전액 환불" once refunds have lowered its balance: balance 0 means fully refunded (invariant 7).
 */
export function StatusBadge({
  status,
  refund = false,
  amount,
  balanceAmount = null,
}: {
  status: ChargeViewData['status'];
  refund?: boolean;
  amount?: number;
  balanceAmount?: number | null;
}) {
  const { t, won } = useI18n();
  const refunded =
    !refund && amount !== undefined ? refundStateOf({ status, amount, balanceAmount }) : 'none';
  if (refunded !== 'none') {
    return (
      <span className="badge-group" data-testid="refund-state">
        <span className="badge badge-refunded">
          {t(refunded === 'full' ? 'status.refundFull' : 'status.refundPartial')}
        </span>
        {refunded === 'partial' && balanceAmount !== null && (
          <span className="muted small"> {t('status.balance', { amount: won(balanceAmount) })}</span>
        )}
      </span>
    );
  }
  const label = refund && status !== 'DECLINED' ? t(`refund.status.${status}`) : t(`status.${status}`);
  return <span className={`badge badge-${status.toLowerCase()}`}>{label}</span>;
}
