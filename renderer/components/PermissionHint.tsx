import type { GuardedAction } from '../app/permissions.ts';
import { usePermission } from '../app/use-permission.ts';

/** Says who may do `action` when the signed-in operator may not; nothing otherwise. */
export function PermissionHint({ action, id }: { action: GuardedAction; id?: string }) {
  const { hint } = usePermission(action);
  if (!hint) return null;
  return (
    <p id={id} className="perm-hint" data-testid="permission-hint">
      {hint}
    </p>
  );
}
