import { z } from 'zod';

/**
 * Request and response shapes of the Toss core API (toss-api.md §3, §4, §7).
 * Requests are strict: a bad value is caught before it leaves. Responses are tolerant: Toss adds
 * fields, enum values and codes without a version bump (§12), so unknown keys are allowed (the
 * transport hands back the object as Toss sent it, unknown keys included) and enums are open
 * strings typed with their known values.
 */

/** A string typed by its documented values but accepting any other one Toss may add. */
function openEnum<const T extends readonly string[]>(_documented: T) {
  return z.string() as unknown as z.ZodType<T[number] | (string & {}), string>;
}

const int = () => z.number().int();
const optionalMax = (max: number) => z.string().max(max).optional();

export const customerKeySchema = z.string().regex(/^[A-Za-z0-9\-_=.@]{2,300}$/, {
  error: 'customerKey는 2~300자의 영문, 숫자, - _ = . @ 만 쓸 수 있습니다.',
});
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, {
  error: 'orderId는 6~64자의 영문, 숫자, -, _ 만 쓸 수 있습니다.',
});
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,300}$/, {
  error: 'Idempotency-Key는 1~300자의 공백 없는 ASCII 문자여야 합니다.',
});

export const issueBillingKeyWithCardRequestSchema = z.strictObject({
  customerKey: customerKeySchema,
  cardNumber: z.string().regex(/^\d{1,20}$/),
  cardExpirationYear: z.string().regex(/^\d{2}$/),
  cardExpirationMonth: z.string().regex(/^(0[1-9]|1[0-2])$/),
  customerIdentityNumber: z.string().regex(/^(\d{6}|\d{10})$/),
  cardPassword: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  customerName: optionalMax(100),
  customerEmail: z.email().max(100).optional(),
  vbv: z.strictObject({ cavv: z.string(), xid: z.string(), eci: z.string() }).optional(),
});

export const issueBillingKeyWithAuthKeyRequestSchema = z.strictObject({
  authKey: z.string().min(1).max(300),
  customerKey: customerKeySchema,
});

export const chargeBillingKeyRequestSchema = z
  .strictObject({
    amount: int().min(1),
    orderId: orderIdSchema,
    orderName: z.string().min(1).max(100),
    customerEmail: z.email().max(100).optional(),
    customerName: optionalMax(100),
    customerIp: optionalMax(45),
    taxFreeAmount: int().min(0).optional(),
    taxExemptionAmount: int().min(0).optional(),
  })
  .refine((body) => (body.taxFreeAmount ?? 0) + (body.taxExemptionAmount ?? 0) <= body.amount, {
    error: '면세 금액과 과세 제외 금액의 합은 결제 금액보다 클 수 없습니다.',
    path: ['taxFreeAmount'],
  });

export const cancelPaymentRequestSchema = z.strictObject({
  cancelReason: z.string().min(1).max(200),
  cancelAmount: int().min(1).optional(),
  taxFreeAmount: int().min(0).optional(),
  refundableAmount: int().min(0).optional(),
  currency: z.string().length(3).optional(),
});

const queryDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/, {
  error: '날짜는 yyyy-MM-dd 또는 yyyy-MM-ddTHH:mm:ss 형식이어야 합니다.',
});
export const listTransactionsRequestSchema = z.strictObject({
  startDate: queryDateTime,
  endDate: queryDateTime,
  startingAfter: z.string().min(1).max(64).optional(),
  limit: int().min(1).max(5000).optional(),
});

const cardTypes = ['신용', '체크', '기프트', '미확인'] as const;
const ownerTypes = ['개인', '법인', '미확인'] as const;

export const billingSchema = z.object({
  mId: z.string(),
  customerKey: z.string(),
  authenticatedAt: z.string(),
  method: openEnum(['카드', '계좌이체']),
  billingKey: z.string().min(1).max(200),
  card: z
    .looseObject({
      issuerCode: z.string(),
      acquirerCode: z.string().nullish(),
      number: z.string(),
      cardType: openEnum(cardTypes),
      ownerType: openEnum(ownerTypes),
    })
    .nullish(),
  transfers: z.array(z.object({ bankName: z.string(), bankAccountNumber: z.string() })).nullish(),
  // API versions up to 2022-11-16 also carry the issuer's Korean name and the masked number here;
  // 2024-06-01 removed both (toss-api.md §4.1, §12). Either version parses.
  cardCompany: z.string().nullish(),
  cardNumber: z.string().nullish(),
});

export const paymentStatuses = [
  'READY',
  'IN_PROGRESS',
  'WAITING_FOR_DEPOSIT',
  'DONE',
  'CANCELED',
  'PARTIAL_CANCELED',
  'ABORTED',
  'EXPIRED',
] as const;

const cancelSchema = z.object({
  cancelAmount: z.number(),
  cancelReason: z.string(),
  taxFreeAmount: z.number(),
  taxExemptionAmount: z.number().nullish(),
  refundableAmount: z.number(),
  canceledAt: z.string(),
  transactionKey: z.string(),
  receiptKey: z.string().nullish(),
  cancelStatus: openEnum(['DONE', 'IN_PROGRESS', 'ABORTED']),
});

export const paymentSchema = z.object({
  version: z.string().nullish(),
  paymentKey: z.string().min(1).max(200),
  type: openEnum(['NORMAL', 'BILLING', 'BRANDPAY']),
  orderId: z.string(),
  orderName: z.string(),
  mId: z.string(),
  currency: z.string(),
  method: z.string().nullable(),
  totalAmount: z.number(),
  balanceAmount: z.number(),
  status: openEnum(paymentStatuses),
  requestedAt: z.string(),
  approvedAt: z.string().nullable(),
  lastTransactionKey: z.string().nullable(),
  suppliedAmount: z.number(),
  vat: z.number(),
  taxFreeAmount: z.number(),
  taxExemptionAmount: z.number().nullish(),
  isPartialCancelable: z.boolean().nullish(),
  cancels: z.array(cancelSchema).nullable(),
  card: z
    .looseObject({
      amount: z.number(),
      issuerCode: z.string(),
      acquirerCode: z.string().nullish(),
      number: z.string(),
      installmentPlanMonths: z.number().nullish(),
      approveNo: z.string(),
      cardType: openEnum(cardTypes),
      ownerType: openEnum(ownerTypes),
      acquireStatus: openEnum(['READY', 'REQUESTED', 'COMPLETED', 'CANCEL_REQUESTED', 'CANCELED']).nullish(),
    })
    .nullable(),
  receipt: z.object({ url: z.string() }).nullish(),
  failure: z.object({ code: z.string(), message: z.string() }).nullish(),
});

export const transactionSchema = z.object({
  mId: z.string(),
  transactionKey: z.string(),
  paymentKey: z.string(),
  orderId: z.string(),
  method: z.string().nullable(),
  customerKey: z.string().nullable(),
  useEscrow: z.boolean(),
  receiptUrl: z.string().nullable(),
  status: openEnum(paymentStatuses),
  transactionAt: z.string(),
  currency: z.string(),
  amount: z.number(),
});
export const transactionListSchema = z.array(transactionSchema);

export const tossErrorBodySchema = z.object({ code: z.string().min(1), message: z.string() });

export type IssueBillingKeyWithCardRequest = z.input<typeof issueBillingKeyWithCardRequestSchema>;
export type IssueBillingKeyWithAuthKeyRequest = z.input<typeof issueBillingKeyWithAuthKeyRequestSchema>;
export type ChargeBillingKeyRequest = z.input<typeof chargeBillingKeyRequestSchema>;
export type CancelPaymentRequest = z.input<typeof cancelPaymentRequestSchema>;
export type ListTransactionsRequest = z.input<typeof listTransactionsRequestSchema>;
export type Billing = z.output<typeof billingSchema>;
export type Payment = z.output<typeof paymentSchema>;
export type PaymentCancel = z.output<typeof cancelSchema>;
export type Transaction = z.output<typeof transactionSchema>;
