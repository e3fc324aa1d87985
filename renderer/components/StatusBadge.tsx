import type { ChargeViewData } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A refund that went through reads "환불됨", not "승인": the same status, money going the other way. */
export function StatusBadge({
  status,
  refund = false,
}: {
  status: ChargeViewData['status'];
  refund?: boolean;
}) {
  const { t } = useI18n();
  const label = refund && status !== 'DECLINED' ? t(`refund.status.${status}`) : t(`status.${status}`);
  return <span className={`badge badge-${status.toLowerCase()}`}>{label}</span>;
}
