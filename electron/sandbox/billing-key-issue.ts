import { field, isOptionalString, isValidOptionalEmail, parseJsonObject } from './body-fields.ts';
import { readCardInput } from './card-input.ts';
import { issuerName } from './card-issuers.ts';
import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { formatKst } from './kst.ts';
import type { Merchant } from './merchants.ts';
import { failure, success } from './outcome.ts';
import type { CardOnFile } from './store.ts';
import type { Billing } from './toss-objects.ts';

const REQUIRED_STRINGS = [
  'customerKey',
  'cardNumber',
  'cardExpirationYear',
  'cardExpirationMonth',
  'customerIdentityNumber',
] as const;

/** POST /v1/billing/authorizations/card (§3.1). */
export function createCardIssueEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, body: raw, now }) => {
    const body = parseJsonObject(raw);
    if (!body || REQUIRED_STRINGS.some((name) => typeof field(body, name) !== 'string')) {
      return failure('INVALID_REQUEST');
    }
    const customerKey = String(field(body, 'customerKey'));
    // Measured (§7): 2–300 chars accepted whatever the characters, 301 and more fail inside Toss.
    if (customerKey.length < 2) return failure('INVALID_REQUEST');
    if (customerKey.length > 300) return failure('FAILED_DB_PROCESSING');
    if (!isOptionalString(field(body, 'customerName'), 100)) return failure('INVALID_REQUEST');
    if (!isValidOptionalEmail(field(body, 'customerEmail'))) return failure('INVALID_EMAIL');

    const input = readCardInput(body, now);
    if (!input.ok) return failure(input.code);
    return success(issueBillingKey(deps, merchant, customerKey, input.cardOnFile, now));
  };
}

/** Stores a new billing key. Toss issues a fresh key on every registration, even of the same card. */
export function issueBillingKey(
  deps: EndpointDeps,
  merchant: Merchant,
  customerKey: string,
  cardOnFile: CardOnFile,
  now: Date,
): Billing {
  const billingKey = deps.ids.billingKey();
  const authenticatedAt = formatKst(now);
  deps.store.billingKeys.set(billingKey, {
    billingKey,
    merchant,
    customerKey,
    cardOnFile,
    authenticatedAt,
    status: 'ACTIVE',
  });
  return {
    mId: merchant.mId,
    customerKey,
    authenticatedAt,
    method: '카드',
    billingKey,
    card: cardOnFile.card,
    transfers: null,
    cardCompany: issuerName(cardOnFile.card.issuerCode),
    cardNumber: cardOnFile.card.number,
  };
}
