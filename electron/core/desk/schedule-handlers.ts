import { upcoming as upcomingCharges } from '../schedule/index.ts';
import { type ApiContext, actorOf, defined } from './api-context.ts';
import { consentGiven } from './consent-handlers.ts';
import type { DeskApi } from './desk-api-types.ts';
import { runDuePreview } from './run-due-preview.ts';
import { subscriptionPreview } from './subscription-preview.ts';
import { subscriptionRows } from './subscription-rows.ts';

/** Plans, subscriptions, due runs and the catch-up queue. */
export function scheduleHandlers(ctx: ApiContext) {
  const { deps, desk } = ctx;
  return {
    listPlans: () => desk().plans.list(),
    createPlan: (request, session) => desk().plans.create({ ...defined(request), ...actorOf(session) }),
    updatePlan: (request, session) => desk().plans.update({ ...defined(request), ...actorOf(session) }),
    archivePlan: ({ id }, session) => desk().plans.archive({ id, ...actorOf(session) }),
    listSubscriptions: (request) =>
      subscriptionRows(desk(), deps.now(), desk().subscriptions.list(defined(request)), request.memberId),
    subscribe: ({ consent, ...request }, session) =>
      desk().subscriptions.create({
        ...defined(request),
        // Always present here (the contract requires it); the core refuses a subscription without it.
        consent: consentGiven(consent) as NonNullable<ReturnType<typeof consentGiven>>,
        ...actorOf(session),
      }),
    previewSubscription: (request) => subscriptionPreview(desk(), deps.now(), request),
    changeSubscriptionPrice: (request, session) =>
      desk().subscriptions.changePrice({ ...defined(request), ...actorOf(session) }),
    pauseSubscription: ({ id }, session) => desk().subscriptions.pause({ id, ...actorOf(session) }),
    resumeSubscription: ({ id }, session) => desk().subscriptions.resume({ id, ...actorOf(session) }),
    cancelSubscription: ({ id, atPeriodEnd, withdrawal }, session) => {
      // On the member's request: recorded as the withdrawal of their consent (invariant 12).
      const input = defined({ id, withdrawal: consentGiven(withdrawal), ...actorOf(session) });
      return atPeriodEnd ? desk().subscriptions.cancelAtPeriodEnd(input) : desk().subscriptions.cancel(input);
    },
    upcoming: ({ days }) => upcomingCharges(desk().ledger, defined({ now: deps.now(), days })),
    runDueNow: () => desk().runDue(),
    previewRunDue: () => runDuePreview(desk(), deps.now()),
    listCatchUps: () => desk().catchUp.list(),
    approveCatchUp: ({ periodId }, session) => desk().catchUp.approve({ periodId, ...actorOf(session) }),
    skipCatchUp: (request, session) => desk().catchUp.skip({ ...request, ...actorOf(session) }),
  } satisfies Partial<DeskApi>;
}
