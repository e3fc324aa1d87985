export { createDeskApi } from './desk-api.ts';
export type { DeskApi, Session } from './desk-api-types.ts';
export { createDeskHost, type DeskHost } from './desk-host.ts';
export { createDispatch, type Dispatch } from './dispatch.ts';
export { nextChargeLabel } from './next-charge.ts';
export { type Desk, type DeskDeps, openDesk } from './open-desk.ts';
export {
  type AfterRun,
  afterRun,
  attentionCounts,
  attentionLabel,
  chargesNeedingAttention,
  type RunNotice,
} from './run-attention.ts';
export { IDLE_LOCK_MINUTES } from './settings.ts';
