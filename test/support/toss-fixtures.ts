import { randomUUID } from 'node:crypto';
import type { Billing, BillingKeyRef, TossClient } from '../../electron/core/toss/index.ts';

/** The emulator's card that issues and charges normally (toss-api.md §14, measured). */
export const GOOD_CARD = {
  cardNumber: '9410001234567890',
  cardExpirationYear: '30',
  cardExpirationMonth: '12',
  customerIdentityNumber: '900101',
  cardPassword: '12',
} as const;

export function newCustomerKey(): string {
  return `cus_${randomUUID()}`;
}

export function newOrderId(): string {
  return `ord_${randomUUID().replaceAll('-', '')}`;
}

export function newIdempotencyKey(): string {
  return randomUUID();
}

/** Issues a billing key for a fresh customer and returns it bound to its customerKey. */
export async function registerCard(
  client: TossClient,
  cardNumber: string = GOOD_CARD.cardNumber,
): Promise<{ key: BillingKeyRef; billing: Billing }> {
  const customerKey = newCustomerKey();
  const billing = await client.issueBillingKeyWithCard(
    { ...GOOD_CARD, cardNumber, customerKey },
    { idempotencyKey: newIdempotencyKey() },
  );
  return { key: { billingKey: billing.billingKey, customerKey }, billing };
}
