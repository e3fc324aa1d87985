import { useI18n } from '../i18n/i18n.tsx';
import { useApp } from './app-context.tsx';
import { type GuardedAction, may, neededRole } from './permissions.ts';

/** Whether the signed-in operator may do `action`, and otherwise the hint saying who may. */
export function usePermission(action: GuardedAction): { allowed: boolean; hint: string | undefined } {
  const { status } = useApp();
  const { t } = useI18n();
  const allowed = may(status.operator?.role ?? null, action);
  return { allowed, hint: allowed ? undefined : t(`perm.needs.${neededRole(action)}`) };
}
