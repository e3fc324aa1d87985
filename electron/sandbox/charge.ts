import {
  field,
  isOptionalString,
  isValidOptionalEmail,
  isWholeNumber,
  parseJsonObject,
} from './body-fields.ts';
import { isExpired } from './card-input.ts';
import type { Endpoint, EndpointDeps } from './endpoint.ts';
import type { ErrorCode } from './errors.ts';
import { abortPayment, approvePayment } from './ledger.ts';
import { failure, type Outcome, success } from './outcome.ts';
import { orderKey } from './store.ts';

// §7: Toss's docs say [A-Za-z0-9_-]; C1 also allows `.` and INVALID_ORDER_ID's message `=`.
const ORDER_ID = /^[A-Za-z0-9_\-=.]{6,64}$/;
const INSTALLMENT_MINIMUM_AMOUNT = 50_000;

/**
 * POST /v1/billing/{billingKey} (§3.3), checked in the order §17.4 suggests: the key, required
 * fields, customerKey, orderId, then the optional fields, the amount, the orderId's history and
 * finally the card. A refused charge never takes its orderId: the next try may use it again.
 */
export function createChargeEndpoint(deps: EndpointDeps): Endpoint {
  return ({ merchant, params, body: raw, now }) => {
    const record = deps.store.billingKeys.get(params.billingKey ?? '');
    if (!record || record.merchant !== merchant) return failure('INVALID_BILL_KEY_REQUEST');
    if (record.status === 'REMOVED') return failure('ALREADY_REMOVED_BILLING_KEY');

    const body = parseJsonObject(raw);
    if (!body) return failure('INVALID_REQUEST');
    const amount = field(body, 'amount');
    const customerKey = field(body, 'customerKey');
    const orderId = field(body, 'orderId');
    const orderName = field(body, 'orderName');
    if (
      !isWholeNumber(amount) ||
      typeof customerKey !== 'string' ||
      typeof orderId !== 'string' ||
      typeof orderName !== 'string' ||
      orderName.length === 0
    ) {
      return failure('INVALID_REQUEST');
    }

    if (customerKey !== record.customerKey) return failure('NOT_MATCHES_CUSTOMER_KEY');
    if (!ORDER_ID.test(orderId)) return failure('INVALID_REQUEST');
    if (orderName.length > 100) return failure('INVALID_ORDER_NAME');

    if (!isOptionalString(field(body, 'customerName'), 100)) return failure('INVALID_REQUEST');
    if (!isValidOptionalEmail(field(body, 'customerEmail'))) return failure('INVALID_EMAIL');
    if (!isOptionalString(field(body, 'customerIp'), 100)) return failure('INVALID_REQUEST');
    const taxFree = field(body, 'taxFreeAmount') ?? 0;
    const taxExemption = field(body, 'taxExemptionAmount') ?? 0;
    if (!isWholeNumber(taxFree) || taxFree < 0 || !isWholeNumber(taxExemption) || taxExemption < 0) {
      return failure('INVALID_REQUEST');
    }
    const installment = field(body, 'cardInstallmentPlan') ?? 0;
    if (!isWholeNumber(installment) || installment === 1 || installment < 0 || installment > 12) {
      return failure('INVALID_CARD_INSTALLMENT_PLAN');
    }

    // Toss's error page: an amount must be above 0 (BELOW_ZERO_AMOUNT), a card charge 100 or more.
    if (amount <= 0) return failure('BELOW_ZERO_AMOUNT');
    if (amount < 100) return failure('BELOW_MINIMUM_AMOUNT');
    // §3.3: taxFreeAmount only counts for tax-free and mixed-tax merchants; others' is ignored.
    const taxFreeAmount = merchant.taxType === 'TAXABLE' ? 0 : taxFree;
    if (taxFreeAmount + taxExemption > amount) return failure('INVALID_REQUEST');
    // Installments apply only from 50,000 KRW (§7).
    if (installment > 0 && amount < INSTALLMENT_MINIMUM_AMOUNT)
      return failure('INVALID_CARD_INSTALLMENT_PLAN');

    if (deps.store.paymentsByOrder.has(orderKey(merchant, orderId))) return failure('DUPLICATED_ORDER_ID');

    // Everything above is a validation failure, answered before any card work: it stores nothing.
    // What the card itself refuses may leave an ABORTED payment, by the sandbox's switch (§3.7 [U]).
    const charge = {
      merchant,
      customerKey,
      cardOnFile: record.cardOnFile,
      orderId,
      orderName,
      amount,
      taxFreeAmount,
      taxExemptionAmount: taxExemption,
      now,
    };
    const refuse = (code: ErrorCode): Outcome => {
      if (deps.switches.failedChargeLookup === 'aborted') abortPayment(deps, charge, code);
      return failure(code);
    };
    const { cardOnFile } = record;
    if (isExpired(cardOnFile.expiry, now)) return refuse('INVALID_CARD_EXPIRATION');
    const scripted = cardOnFile.testCard.charge;
    if (scripted !== null && scripted !== 'DONE') return refuse(scripted);
    if (installment > 0 && cardOnFile.card.cardType === '체크') {
      return refuse('NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN');
    }

    return success(approvePayment(deps, { ...charge, installmentPlanMonths: installment }));
  };
}
