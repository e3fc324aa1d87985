import { field, isWholeNumber, parseJsonObject } from './body-fields.ts';
import type { Endpoint, EndpointDeps } from './endpoint.ts';
import { formatKst } from './kst.ts';
import { recordTransaction } from './ledger.ts';
import { failure, success } from './outcome.ts';
import type { CancelEntry } from './toss-objects.ts';
import { splitVat } from './vat.ts';

/**
 * POST /v1/payments/{paymentKey}/cancel (§3.6) with the status and balance rules of §5.3. Every
 * refusal leaves the payment exactly as it was.
 */
export function createCancelEndpoint(deps: EndpointDeps): Endpoint {
  return (request) => {
    const { merchant, params, now } = request;
    const record = deps.store.payments.get(params.paymentKey ?? '');
    if (!record || record.merchant !== merchant) return failure('NOT_FOUND_PAYMENT');
    const { payment } = record;

    const body = parseJsonObject(request.body);
    const cancelReason = body && field(body, 'cancelReason');
    if (!body || typeof cancelReason !== 'string' || cancelReason.length === 0 || cancelReason.length > 200) {
      return failure('INVALID_REQUEST');
    }
    const cancelAmount = field(body, 'cancelAmount');
    const refundableAmount = field(body, 'refundableAmount');
    const taxFree = field(body, 'taxFreeAmount') ?? 0;
    const currency = field(body, 'currency');
    if (
      (cancelAmount !== undefined && !(isWholeNumber(cancelAmount) && cancelAmount > 0)) ||
      (refundableAmount !== undefined && !(isWholeNumber(refundableAmount) && refundableAmount >= 0)) ||
      !(isWholeNumber(taxFree) && taxFree >= 0) ||
      (currency !== undefined && currency !== payment.currency)
    ) {
      return failure('INVALID_REQUEST');
    }

    if (payment.status === 'CANCELED') return failure('ALREADY_CANCELED_PAYMENT');
    if (refundableAmount !== undefined && refundableAmount !== payment.balanceAmount) {
      return failure('NOT_MATCHES_REFUNDABLE_AMOUNT');
    }
    const balance = payment.balanceAmount;
    const amount = cancelAmount ?? balance;
    if (balance === 0 || amount > balance) return failure('NOT_CANCELABLE_AMOUNT');
    const isFull = amount === balance;
    if (!isFull && !payment.isPartialCancelable) return failure('NOT_ALLOWED_PARTIAL_REFUND');

    // A full cancel takes whatever tax-free and exempt money remains. A partial one takes the
    // tax-free part the caller names (tax-free and mixed merchants only, like at approval), and no
    // exempt money: a payment with any is not partially cancelable.
    const cancelTaxFree = isFull ? payment.taxFreeAmount : merchant.taxType === 'TAXABLE' ? 0 : taxFree;
    const cancelTaxExemption = isFull ? payment.taxExemptionAmount : 0;
    const taxFreeLeft = payment.taxFreeAmount - cancelTaxFree;
    const balanceLeft = balance - amount;
    if (
      cancelTaxFree > amount ||
      taxFreeLeft < 0 ||
      balanceLeft < taxFreeLeft + payment.taxExemptionAmount - cancelTaxExemption
    ) {
      return failure('INVALID_REQUEST');
    }

    const transactionKey = deps.ids.transactionKey();
    const entry: CancelEntry = {
      transactionKey,
      cancelReason,
      taxExemptionAmount: cancelTaxExemption,
      canceledAt: formatKst(now),
      transferDiscountAmount: 0,
      easyPayDiscountAmount: 0,
      receiptKey: deps.ids.receiptKey(),
      cancelAmount: amount,
      taxFreeAmount: cancelTaxFree,
      refundableAmount: balanceLeft,
      cardDiscountAmount: 0,
      cancelStatus: 'DONE',
      cancelRequestId: null,
    };

    // §5.2: VAT and supply value are recomputed on what remains ([U]; may differ from Toss by ±1).
    payment.taxFreeAmount = taxFreeLeft;
    payment.taxExemptionAmount -= cancelTaxExemption;
    const { suppliedAmount, vat } = splitVat(balanceLeft, payment.taxFreeAmount, payment.taxExemptionAmount);
    payment.balanceAmount = balanceLeft;
    payment.suppliedAmount = suppliedAmount;
    payment.vat = vat;
    // §5.3: only a full cancel straight from DONE is CANCELED; once partial, always PARTIAL_CANCELED.
    payment.status = payment.status === 'DONE' && isFull ? 'CANCELED' : 'PARTIAL_CANCELED';
    payment.cancels = [...(payment.cancels ?? []), entry];
    payment.lastTransactionKey = transactionKey;
    recordTransaction(deps, record, transactionKey, amount, now);
    return success(payment);
  };
}
