import { type Actor, audit, type BillingContext } from '../billing/index.ts';
import { insertPriceChange, markPriceChangeSuperseded, openPriceChange } from '../ledger/index.ts';

/** Ends the raise still waiting on a subscription (a newer price decision replaces it); audited. */
export function supersedeOpenPriceChange(ctx: BillingContext, who: Actor, subscriptionId: number): void {
  const open = openPriceChange(ctx.ledger.db, subscriptionId);
  if (!open) return;
  markPriceChangeSuperseded(ctx.ledger.db, open.id, ctx.now().getTime());
  audit(ctx, who, 'subscription.price_increase_superseded', `subscription:${subscriptionId}`, {
    priceChangeId: open.id,
    amount: open.amount,
    status: open.status,
  });
}

/** Writes a raise as pending, audited; the subscription's own price stays until consent. */
export function recordPriceChange(
  ctx: BillingContext,
  who: Actor,
  change: {
    subscription: { id: number; amount: number; taxFreeAmount: number };
    amount: number;
    taxFreeAmount: number;
    effectiveFrom: string;
  },
): number {
  const id = insertPriceChange(ctx.ledger.db, {
    subscriptionId: change.subscription.id,
    fromAmount: change.subscription.amount,
    fromTaxFree: change.subscription.taxFreeAmount,
    amount: change.amount,
    taxFree: change.taxFreeAmount,
    effectiveFrom: change.effectiveFrom,
    at: ctx.now().getTime(),
  });
  audit(ctx, who, 'subscription.price_increase_pending', `subscription:${change.subscription.id}`, {
    priceChangeId: id,
    fromAmount: change.subscription.amount,
    fromTaxFreeAmount: change.subscription.taxFreeAmount,
    amount: change.amount,
    taxFreeAmount: change.taxFreeAmount,
    effectiveFrom: change.effectiveFrom,
  });
  return id;
}
