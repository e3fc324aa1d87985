import type { ApiContext } from './api-context.ts';
import type { DeskApi } from './desk-api-types.ts';

/** The app status, the first-run owner, sign-in and sign-out. */
export function sessionHandlers(ctx: ApiContext) {
  const { desk, statusChanged, appStatus } = ctx;
  return {
    getAppStatus: (_request, session) => appStatus(session),
    listOperators: () => desk().operators.list(),
    async createOwner(request, session) {
      session.operator = await desk().operators.createOwner(request);
      statusChanged();
      return session.operator;
    },
    async signIn(request, session) {
      session.operator = await desk().operators.signIn(request);
      statusChanged();
      return session.operator;
    },
    signOut(_request, session) {
      session.operator = null;
      statusChanged();
      return { done: true as const };
    },
  } satisfies Partial<DeskApi>;
}
