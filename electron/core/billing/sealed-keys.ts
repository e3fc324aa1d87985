import { anyMemberOrCard, type Ledger } from '../ledger/index.ts';
import { SealedValueError } from '../secrets/index.ts';
import { BillingError } from './billing-error.ts';
import type { BillingContext } from './deps.ts';

/*
 * The associated data binds each sealed key to its row and column (invariant 3): a sealed value
 * copied into another member's or card's row does not open there, so it cannot charge that row.
 * The row's random uid is used rather than its integer id, which a restore could renumber.
 */
const customerKeyIdentity = (memberUid: string) => `members.customer_key:${memberUid}`;
const billingKeyIdentity = (cardUid: string) => `cards.billing_key:${cardUid}`;

export function sealCustomerKey(ctx: BillingContext, memberUid: string, customerKey: string): Buffer {
  return ctx.sealer.seal(customerKey, customerKeyIdentity(memberUid));
}

export function openCustomerKey(ctx: BillingContext, memberUid: string, sealed: Buffer): string {
  return opened(() => ctx.sealer.open(sealed, customerKeyIdentity(memberUid)));
}

export function sealBillingKey(ctx: BillingContext, cardUid: string, billingKey: string): Buffer {
  return ctx.sealer.seal(billingKey, billingKeyIdentity(cardUid));
}

export function openBillingKey(ctx: BillingContext, cardUid: string, sealed: Buffer): string {
  return opened(() => ctx.sealer.open(sealed, billingKeyIdentity(cardUid)));
}

function opened(open: () => string): string {
  try {
    return open();
  } catch (error) {
    if (error instanceof SealedValueError) {
      throw new BillingError('SEALED_VALUE_UNREADABLE', error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * Whether the ledger already holds values sealed with some data key: from then on a missing key
 * must never be replaced by a new one (see Secrets.ledgerDataKey's `mayCreate`).
 */
export function ledgerHoldsSealedValues(ledger: Ledger): boolean {
  return anyMemberOrCard(ledger.db);
}
