import type { Role } from '../ipc/views.ts';

/** Who outranks whom: owner over manager over staff. The one ranking main, the core and the screens use. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { staff: 1, manager: 2, owner: 3 };

/** Whether `role` is `least` or higher. */
export function roleAtLeast(role: Role, least: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[least];
}

/** How a role is named on screens and in the core's Korean messages. */
export const ROLE_NAME_KO: Readonly<Record<Role, string>> = {
  staff: '직원',
  manager: '매니저',
  owner: '대표',
};
