import type { ChannelName, Role } from '../../shared/ipc/index.ts';
import { roleAtLeast } from '../../shared/rules/index.ts';

/*
 * The role each guarded action needs, copied from the contract's `access` so the screens can hide
 * or disable what would be refused. Main checks every call anyway (design.md invariant 9): a
 * mistake here only shows or hides a button, it never lets a call through.
 */
type GuardRole = Exclude<Role, 'staff'>;

const NEEDS = {
  exportCharges: 'manager',
  listAudit: 'manager',
  exportAudit: 'manager',
  checkAudit: 'manager',
  listStaff: 'owner',
  createOperator: 'owner',
  updateOperator: 'owner',
  resetOperatorPin: 'owner',
  setIdleLock: 'owner',
  setSecretKey: 'owner',
  clearSecretKey: 'owner',
  setClientKey: 'owner',
  setStoreDetails: 'owner',
  setTrainingMode: 'owner',
  setLaunchAtLogin: 'owner',
  setKeyIn: 'owner',
  setScheduleSettings: 'owner',
  restoreBackup: 'owner',
  changeSubscriptionPrice: 'manager',
  // Replacing a card deletes its billing key at Toss, like removing it: the core asks for a manager.
  removeCard: 'manager',
  updatePlan: 'manager',
  resolveCharge: 'manager',
  resolveRefund: 'manager',
  exportConsents: 'manager',
  setConsentTemplate: 'owner',
  createRecoveryCode: 'owner',
  setBackupFolder: 'owner',
  runOffsiteBackup: 'manager',
  resolveUnmatchedTossPayment: 'manager',
  listBackups: 'manager',
  backupNow: 'manager',
  getRecoveryStatus: 'manager',
  deletePlainLegacyBackups: 'owner',
} as const satisfies Partial<Record<ChannelName, GuardRole>>;

export type GuardedAction = keyof typeof NEEDS;

export const GUARDED_ACTIONS = Object.keys(NEEDS) as GuardedAction[];

export function neededRole(action: GuardedAction): GuardRole {
  return NEEDS[action];
}

/** Whether `role` (null: nobody signed in) may do `action`. */
export function may(role: Role | null, action: GuardedAction): boolean {
  return role !== null && roleAtLeast(role, NEEDS[action]);
}
