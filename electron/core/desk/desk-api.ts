import { createApiContext } from './api-context.ts';
import { chargeHandlers } from './charge-handlers.ts';
import { consentHandlers } from './consent-handlers.ts';
import type { DeskApi, DeskApiDeps } from './desk-api-types.ts';
import { memberHandlers } from './member-handlers.ts';
import { recoveryHandlers } from './recovery-handlers.ts';
import { scheduleHandlers } from './schedule-handlers.ts';
import { sessionHandlers } from './session-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { staffHandlers } from './staff-handlers.ts';

/**
 * The handlers of every contract channel over the core services. Plain Node: main registers them
 * behind its sender and role checks, and the renderer tests call them through a loopback bridge.
 */
export function createDeskApi(deps: DeskApiDeps): DeskApi {
  const ctx = createApiContext(deps);
  return {
    ...sessionHandlers(ctx),
    ...settingsHandlers(ctx),
    ...staffHandlers(ctx),
    ...memberHandlers(ctx),
    ...chargeHandlers(ctx),
    ...scheduleHandlers(ctx),
    ...recoveryHandlers(ctx),
    ...consentHandlers(ctx),
  };
}
