import { type CardService, createCardService } from './cards.ts';
import { type ChargeService, createChargeService } from './charges.ts';
import { type BillingDeps, billingContext } from './deps.ts';
import { createGroupCommit } from './group-commit.ts';
import { createInFlight, type InFlight } from './in-flight.ts';
import { createReviewService, type ReviewService } from './manual-review.ts';
import { createMemberService, type MemberService } from './members.ts';
import { createReconciler, type Reconciler } from './reconciler.ts';
import { createRefundService, type RefundService } from './refunds.ts';
import { createScheduledChargeService, type ScheduledChargeService } from './scheduled-charges.ts';
import type { ChargeView, RefundView } from './views.ts';

export interface BillingServices {
  readonly members: MemberService;
  readonly cards: CardService;
  readonly charges: ChargeService;
  readonly refunds: RefundService;
  readonly reconciler: Reconciler;
  readonly review: ReviewService;
  /** Charges of subscription periods (the schedule runner's way in); same in-flight set as charges. */
  readonly scheduled: ScheduledChargeService;
}

/**
 * Which charges and refunds are on their way to Toss right now: how a repeated request id, a
 * decision by hand and the reconciler know to wait for them. One per open ledger, whatever the
 * services built over it.
 */
export interface BillingInFlight {
  readonly charges: InFlight<ChargeView>;
  readonly refunds: InFlight<RefundView>;
}

export function createBillingInFlight(): BillingInFlight {
  return { charges: createInFlight<ChargeView>(), refunds: createInFlight<RefundView>() };
}

/**
 * The billing core for one open ledger: what the Electron main process and the CLI call. A desk
 * rebuilds it on each reload (a new secret key, new schedule settings); every build over the same
 * ledger must get the same `inFlight`, or the reconciler would resend a charge that is still on
 * its way. Nothing here runs on its own; the caller runs reconciler.reconcile() at start and
 * periodically.
 */
export function createBillingServices(
  deps: BillingDeps,
  inFlight: BillingInFlight = createBillingInFlight(),
): BillingServices {
  const ctx = billingContext(deps);
  const chargesInFlight = inFlight.charges;
  const refundsInFlight = inFlight.refunds;
  const charges = createChargeService(ctx, chargesInFlight);
  return {
    members: createMemberService(ctx),
    cards: createCardService(ctx, charges),
    charges,
    refunds: createRefundService(ctx, refundsInFlight),
    reconciler: createReconciler(ctx, chargesInFlight, refundsInFlight),
    review: createReviewService(ctx, chargesInFlight, refundsInFlight),
    scheduled: createScheduledChargeService(ctx, chargesInFlight, createGroupCommit(ctx.ledger.db)),
  };
}
