import type { ChargeViewData } from '../../shared/ipc/index.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function StatusBadge({ status }: { status: ChargeViewData['status'] }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
}
