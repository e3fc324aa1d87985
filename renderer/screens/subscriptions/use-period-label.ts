import type { PlanViewData } from '../../../shared/ipc/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** '매월', '2주마다': how a plan's period reads. */
export function usePeriodLabel() {
  const { t } = useI18n();
  return (unit: PlanViewData['intervalUnit'], count: number) =>
    count === 1 ? t(`plans.every.${unit}`) : t(`plans.everyN.${unit}`, { count });
}
