import type Database from 'better-sqlite3';
import { type Actor, audit, type BillingContext } from '../billing/index.ts';

/** A raise of one subscription's price waiting for (or holding) the member's consent. */
export interface OpenPriceChange {
  readonly id: number;
  readonly subscriptionId: number;
  readonly fromAmount: number;
  readonly fromTaxFreeAmount: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly effectiveFrom: string;
  readonly status: 'pending' | 'consented';
  readonly consentId: number | null;
  readonly createdAt: number;
}

export const PRICE_CHANGE_COLUMNS = `pc.id, pc.subscription_id AS subscriptionId, pc.from_amount AS fromAmount,
  pc.from_tax_free_amount AS fromTaxFreeAmount, pc.amount, pc.tax_free_amount AS taxFreeAmount,
  pc.effective_from AS effectiveFrom, pc.status, pc.consent_id AS consentId, pc.created_at AS createdAt`;

export function openPriceChange(db: Database.Database, subscriptionId: number): OpenPriceChange | undefined {
  return db
    .prepare(
      `SELECT ${PRICE_CHANGE_COLUMNS} FROM price_changes AS pc
       WHERE pc.subscription_id = ? AND pc.status IN ('pending', 'consented')`,
    )
    .get(subscriptionId) as OpenPriceChange | undefined;
}

/** Ends the raise still waiting on a subscription (a newer price decision replaces it); audited. */
export function supersedeOpenPriceChange(ctx: BillingContext, who: Actor, subscriptionId: number): void {
  const open = openPriceChange(ctx.ledger.db, subscriptionId);
  if (!open) return;
  ctx.ledger.db
    .prepare("UPDATE price_changes SET status = 'superseded', updated_at = ? WHERE id = ?")
    .run(ctx.now().getTime(), open.id);
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
  const at = ctx.now().getTime();
  const id = Number(
    ctx.ledger.db
      .prepare(
        `INSERT INTO price_changes (subscription_id, from_amount, from_tax_free_amount, amount,
           tax_free_amount, effective_from, created_at, updated_at)
         VALUES (@subscriptionId, @fromAmount, @fromTaxFree, @amount, @taxFree, @effectiveFrom, @at, @at)`,
      )
      .run({
        subscriptionId: change.subscription.id,
        fromAmount: change.subscription.amount,
        fromTaxFree: change.subscription.taxFreeAmount,
        amount: change.amount,
        taxFree: change.taxFreeAmount,
        effectiveFrom: change.effectiveFrom,
        at,
      }).lastInsertRowid,
  );
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
