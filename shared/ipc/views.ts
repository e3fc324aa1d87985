import { z } from 'zod';

/*
 * What main sends back to the renderer. Objects are zod's default (strip): a field main did not
 * declare here is dropped before the response leaves, so a view that grew a column by mistake
 * cannot leak it. Nothing here may carry the secret key, a billingKey, a customerKey or card data
 * (test/ipc/no-secrets-in-responses.test.ts walks every schema).
 */

const id = z.int().positive();
const won = z.int().min(0);
const epochMs = z.number().int();
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const roleSchema = z.enum(['owner', 'manager', 'staff']);
export type Role = z.infer<typeof roleSchema>;

export const operatorView = z.object({ id, name: z.string(), role: roleSchema });
export type OperatorView = z.infer<typeof operatorView>;

export const secretStatusView = z.object({
  configured: z.boolean(),
  mode: z.enum(['test', 'live']).nullable(),
});
export type SecretStatusView = z.infer<typeof secretStatusView>;

/** The client key opens Toss's own card registration window; it must be of the secret key's mode. */
export const clientKeyStatusView = z.object({
  configured: z.boolean(),
  mode: z.enum(['test', 'live']).nullable(),
  matchesKeyMode: z.boolean(),
});

export const appStatusView = z.object({
  version: z.string(),
  keyStatus: secretStatusView,
  clientKeyStatus: clientKeyStatusView,
  /** 교육 모드: the emulator inside main, its own data folder and keychain entries. */
  training: z.boolean(),
  operator: operatorView.nullable(),
  /** No operator exists yet: the first run creates the owner. */
  needsOwner: z.boolean(),
  /** The app starts with the computer, so schedules run without anyone opening it. */
  launchAtLogin: z.boolean(),
  /** Main signs the operator out after this many minutes without a call (0: never). */
  idleLockMinutes: z.int().min(0),
  /** The store has Toss's key-in contract: card data may be typed into the app (else only Toss's window). */
  keyInEnabled: z.boolean(),
  /** The store's IANA time zone: dates on every screen are in it. */
  timeZone: z.string(),
  /**
   * null while the audit chain checks out against its head in the keychain; else the first audit
   * row found changed, missing or inserted (the app shows a red banner until it is dealt with).
   */
  auditBrokenAt: z.int().nullable(),
});
export type AppStatusView = z.infer<typeof appStatusView>;

export const staffMemberView = z.object({
  id,
  name: z.string(),
  role: roleSchema,
  /** Won; null: no cap. */
  perChargeCap: z.int().min(0).nullable(),
  dailyCap: z.int().min(0).nullable(),
  active: z.boolean(),
  /** Locked after wrong PINs; resetting the PIN lifts it. */
  locked: z.boolean(),
});
export type StaffMemberView = z.infer<typeof staffMemberView>;

export const auditEntryView = z.object({
  id,
  at: epochMs,
  actor: z.string(),
  operatorId: id.nullable(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const auditPageView = z.object({ entries: z.array(auditEntryView), next: id.nullable() });

/** "변조 없음", or the first entry that is not what was written. */
export const auditCheckView = z.object({
  ok: z.boolean(),
  count: z.int().min(0).nullable(),
  brokenAt: id.nullable(),
  message: z.string(),
});

export const csvView = z.object({ fileName: z.string(), csv: z.string() });

export const cardView = z.object({
  id,
  memberId: id,
  maskedNumber: z.string(),
  company: z.string().nullable(),
  issuerCode: z.string(),
  cardType: z.string(),
  ownerType: z.string(),
  authenticatedAt: epochMs,
  /** Valid through this month of this year (invariant 2 allows it); null: not known. */
  expiryMonth: z.int().min(1).max(12).nullable(),
  expiryYear: z.int().min(2000).max(2099).nullable(),
  status: z.enum(['active', 'replaced', 'removed']),
  createdAt: epochMs,
  removedAt: epochMs.nullable(),
});
export type CardViewData = z.infer<typeof cardView>;

export const memberView = z.object({
  id,
  memberNo: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  memo: z.string().nullable(),
  status: z.enum(['active', 'archived']),
  createdAt: epochMs,
  updatedAt: epochMs,
  card: cardView.nullable(),
});
export type MemberViewData = z.infer<typeof memberView>;

export const chargeStatusSchema = z.enum(['PENDING', 'DONE', 'DECLINED', 'FAILED', 'UNKNOWN']);
export const chargeKindSchema = z.enum(['manual', 'scheduled', 'first', 'retry']);
/** The charge log's kinds: a charge's, or a refund of one. */
export const logKindSchema = z.enum([...chargeKindSchema.options, 'refund']);

export const chargeView = z.object({
  id,
  orderId: z.string(),
  requestId: z.string().nullable(),
  memberId: id,
  cardId: id,
  maskedNumber: z.string(),
  company: z.string().nullable(),
  kind: chargeKindSchema,
  orderName: z.string(),
  amount: won,
  taxFreeAmount: won,
  /**
   * DONE: charged. DECLINED: a soft decline (limit, balance), try again later. FAILED: refused
   * for good (card stopped, lost, expired…) or resolved by staff as not charged. UNKNOWN: Toss's
   * answer was lost; reconciliation finds out (확인 필요). PENDING: being sent right now.
   */
  status: chargeStatusSchema,
  /** Toss's code and Korean message for DECLINED, FAILED and UNKNOWN. */
  tossCode: z.string().nullable(),
  tossMessage: z.string().nullable(),
  /** Toss's X-TossPayments-Trace-Id of the last answer: what Toss support asks for first. */
  tossTraceId: z.string().nullable(),
  approveNo: z.string().nullable(),
  suppliedAmount: won.nullable(),
  vat: won.nullable(),
  /** What Toss recorded as tax-free (a taxable merchant's Toss records 0 whatever was asked). */
  tossTaxFreeAmount: won.nullable(),
  receiptUrl: z.string().nullable(),
  /** What can still be refunded, as Toss last reported it; 0 means fully refunded. */
  balanceAmount: won.nullable(),
  operatorId: id.nullable(),
  createdAt: epochMs,
  resolvedAt: epochMs.nullable(),
});
export type ChargeViewData = z.infer<typeof chargeView>;

export const refundView = z.object({
  id,
  chargeId: id,
  requestId: z.string().nullable(),
  amount: won,
  taxFreeAmount: won,
  reason: z.string(),
  status: z.enum(['PENDING', 'DONE', 'FAILED', 'UNKNOWN']),
  tossCode: z.string().nullable(),
  tossMessage: z.string().nullable(),
  tossTraceId: z.string().nullable(),
  balanceAfter: won.nullable(),
  chargeBalance: won.nullable(),
  operatorId: id,
  createdAt: epochMs,
  resolvedAt: epochMs.nullable(),
});
export type RefundViewData = z.infer<typeof refundView>;

export const intervalUnitSchema = z.enum(['day', 'week', 'month', 'year']);

export const planView = z.object({
  id,
  name: z.string(),
  amount: won,
  taxFreeAmount: won,
  intervalUnit: intervalUnitSchema,
  intervalCount: z.int().positive(),
  chargeTime: z.string(),
  active: z.boolean(),
  createdAt: epochMs,
});
export type PlanViewData = z.infer<typeof planView>;

/** An edited plan, and how many of its subscriptions were given its new price from their next period. */
export const planUpdateView = z.object({
  plan: planView,
  subscriptionsChanged: z.int().min(0),
  /** Of those, the ones whose raise waits for the member's consent. */
  subscriptionsAwaitingConsent: z.int().min(0).optional(),
});

export const subscriptionStatusSchema = z.enum(['active', 'paused', 'canceled', 'past_due', 'needs_card']);

export const subscriptionView = z.object({
  id,
  memberId: id,
  planId: id.nullable(),
  amount: won,
  taxFreeAmount: won,
  orderName: z.string(),
  intervalUnit: intervalUnitSchema,
  intervalCount: z.int().positive(),
  chargeTime: z.string(),
  anchorDate: localDate,
  startDate: localDate,
  trialEnd: localDate.nullable(),
  timeZone: z.string(),
  status: subscriptionStatusSchema,
  cancelAtPeriodEnd: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type SubscriptionViewData = z.infer<typeof subscriptionView>;

/** A subscription as lists show it: whose it is, and when its next charge falls (null: none to come). */
export const subscriptionRowView = subscriptionView.extend({
  memberNo: z.string(),
  memberName: z.string(),
  nextChargeDate: localDate.nullable(),
  nextChargeAt: epochMs.nullable(),
});
export type SubscriptionRowData = z.infer<typeof subscriptionRowView>;

/**
 * What subscribing will lead to, asked before the subscription is made so the form can warn: no
 * card (nothing is charged until one is registered), and a start in the past (missed periods are
 * caught up at the next run, those older than the threshold only after a manager approves).
 */
export const subscriptionPreviewView = z.object({
  hasCard: z.boolean(),
  firstChargeDate: localDate.nullable(),
  firstChargeAt: epochMs.nullable(),
  dueNow: z.int().min(0),
  awaitingApproval: z.int().min(0),
  catchUpThresholdDays: z.int().min(1),
});
export type SubscriptionPreviewData = z.infer<typeof subscriptionPreviewView>;

export const chargeDetailView = z.object({
  charge: chargeView,
  refunds: z.array(refundView),
  /** Whom it was charged to, so the screen names them. */
  member: z.object({ name: z.string(), memberNo: z.string() }),
});

export const cardRegistrationView = z.object({
  card: cardView,
  replaced: z.object({ card: cardView, deletedAtToss: z.boolean() }).nullable(),
  charge: chargeView.nullable(),
});

/** Toss's window either registered the card or was closed by the customer or the cashier. */
export const windowRegistrationView = z.object({
  kind: z.enum(['registered', 'canceled']),
  registration: cardRegistrationView.nullable(),
});

/**
 * A row of the charge log: a charge, or a refund with its own amount, status and reason under the
 * charge's order; who it was for, with the company under its log name.
 */
export const chargeLogEntryView = chargeView
  .pick({
    id: true,
    orderId: true,
    memberId: true,
    maskedNumber: true,
    orderName: true,
    amount: true,
    taxFreeAmount: true,
    status: true,
    tossCode: true,
    tossMessage: true,
    approveNo: true,
    receiptUrl: true,
    balanceAmount: true,
    suppliedAmount: true,
    vat: true,
    tossTaxFreeAmount: true,
    createdAt: true,
    resolvedAt: true,
  })
  .extend({
    chargeId: id,
    kind: logKindSchema,
    memberNo: z.string(),
    memberName: z.string(),
    companyName: z.string().nullable(),
    reason: z.string().nullable(),
  });

export const memberDetailView = memberView.extend({
  cards: z.array(cardView),
  subscriptions: z.array(subscriptionRowView),
  /** The member's latest charges and refunds, newest first. */
  recentCharges: z.array(chargeLogEntryView),
  /** The first scheduled charge the active card lapses before; null when none does (or expiry is unknown). */
  cardLapse: z.object({ nextDate: localDate, orderName: z.string() }).nullable(),
});
export type MemberDetailData = z.infer<typeof memberDetailView>;

export const chargeLogCursor = z.strictObject({ createdAt: epochMs, id, refund: z.boolean() });

export const chargeLogPageView = z.object({
  entries: z.array(chargeLogEntryView),
  next: chargeLogCursor.nullable(),
});

/** Who each row concerns, so staff decide by the member and not by an order id. */
const reviewMember = { memberId: id, memberNo: z.string(), memberName: z.string() };

export const reviewQueueView = z.object({
  charges: z.array(chargeView.extend(reviewMember)),
  refunds: z.array(refundView.extend({ ...reviewMember, orderName: z.string() })),
});

export const reconcileReportView = z.object({
  checked: z.int().min(0),
  resolved: z.array(
    z.object({
      kind: z.enum(['charge', 'refund']),
      id,
      from: z.enum(['PENDING', 'UNKNOWN']),
      to: z.string(),
      via: z.string(),
      tossCode: z.string().nullable(),
    }),
  ),
  needsReview: z.array(
    z.object({
      kind: z.enum(['charge', 'refund']),
      id,
      tossCode: z.string().nullable(),
      tossMessage: z.string().nullable(),
    }),
  ),
  inFlight: z.int().min(0),
});

const count = z.int().min(0);

export const runSummaryView = z.object({
  asOf: epochMs,
  materialized: count,
  awaitingConfirmation: count,
  /** Trials' first paid periods held for the member's consent. */
  awaitingConsent: count.optional(),
  charged: z.object({ DONE: count, DECLINED: count, FAILED: count, UNKNOWN: count }),
  skipped: count,
  errors: count,
  slowedDown: count,
  canceledAtPeriodEnd: count,
});
export type RunSummaryData = z.infer<typeof runSummaryView>;

/** What a run now would charge, asked before it starts; and what is due later today (for a zero). */
export const runDuePreviewView = z.object({
  count,
  amount: won,
  awaitingApproval: count,
  withoutCard: count,
  laterToday: z.array(z.object({ dueAt: epochMs, count, amount: won })),
  /** Trials' first paid periods held for the member's consent: not charged by the run. */
  awaitingConsent: count,
});
export type RunDuePreviewData = z.infer<typeof runDuePreviewView>;

export const catchUpEntryView = z.object({
  periodId: id,
  subscriptionId: id,
  periodIndex: count,
  memberId: id,
  memberName: z.string(),
  orderName: z.string(),
  amount: won,
  taxFreeAmount: won,
  periodStart: localDate,
  periodEnd: localDate,
  dueAt: epochMs,
  subscriptionStatus: z.string(),
});

export const catchUpDecisionView = z.object({
  periodId: id,
  subscriptionId: id,
  status: z.enum(['pending', 'skipped']),
});

const upcomingCharge = z.object({
  subscriptionId: id,
  memberId: id,
  memberName: z.string(),
  orderName: z.string(),
  periodIndex: count,
  date: localDate,
  dueAt: epochMs,
  amount: won,
});

export const upcomingReportView = z.object({
  from: epochMs,
  until: epochMs,
  days: z.int().positive(),
  subscriptions: z.array(
    z.object({
      subscriptionId: id,
      memberId: id,
      memberName: z.string(),
      orderName: z.string(),
      next: upcomingCharge.nullable(),
      count,
      amount: won,
      hasCard: z.boolean(),
      /** The member's card lapses before `next`: replace it, or the charge fails. */
      cardLapsesFirst: z.boolean(),
    }),
  ),
  byDay: z.array(z.object({ date: localDate, count, amount: won, charges: z.array(upcomingCharge) })),
  failed: count,
  total: z.object({ count, amount: won }),
  /** Cards whose expiry month ends before their subscription's next charge, soonest first. */
  cardsLapsing: z.array(
    z.object({
      subscriptionId: id,
      memberId: id,
      memberName: z.string(),
      orderName: z.string(),
      cardId: id,
      maskedNumber: z.string(),
      expiryMonth: z.int().min(1).max(12),
      expiryYear: z.int(),
      nextDate: localDate,
      nextDueAt: epochMs,
    }),
  ),
});

export const backupView = z.object({
  file: z.string(),
  bytes: z.int().min(0),
  createdAt: epochMs,
  /** A previous version's plain SQLite backup, not encrypted (still restorable in place). */
  plainLegacy: z.boolean(),
});

const totals = z.object({
  count: z.int().min(0),
  amount: won,
  suppliedAmount: won,
  vat: won,
  taxFreeAmount: won,
});

/** Approvals with Toss's split, the refunds given in the same days, and the net the store kept. */
const periodTotals = totals.extend({
  refunds: z.object({ count: z.int().min(0), amount: won }),
  net: z.int(),
});

export const dashboardView = z.object({
  today: periodTotals,
  month: periodTotals,
  dueToday: z.object({ count: z.int().min(0), amount: won }),
  attention: z.array(chargeLogEntryView),
  subscriptionsNeedingAction: z.int().min(0),
  needsReview: z.int().min(0),
  catchUps: z.int().min(0),
  /** Active cards that lapse before a subscription's next charge. */
  cardsLapsing: z.int().min(0),
  last30Days: z.array(z.object({ date: localDate, count: z.int().min(0), amount: won })),
});

export const storeDetailsView = z.object({
  name: z.string(),
  businessNumber: z.string(),
  address: z.string(),
  phone: z.string(),
});

export const receiptView = z.object({
  store: storeDetailsView,
  member: z.object({ name: z.string(), memberNo: z.string() }),
  charge: chargeView,
  refunds: z.array(refundView),
});

export const scheduleSettingsView = z.object({
  /** Periods missed by more than this many days wait for a manager. */
  catchUpThresholdDays: z.int().min(1),
  /** Soft-decline retries, days after the due time. */
  retryDays: z.array(z.int().min(1)),
  /** The store's IANA time zone: its days, receipts and the periods of its subscriptions. */
  timeZone: z.string(),
  /** 'HH:MM': the charge time new plans and custom subscriptions get. */
  defaultRunTime: z.string(),
});

/** The store's recovery code: whether there is one and since when; never the code itself. */
export const recoveryStatusView = z.object({
  configured: z.boolean(),
  createdAt: epochMs.nullable(),
  id: z.string().nullable(),
});

/**
 * A new recovery code, shown once for the printable recovery sheet. The one view that carries a
 * secret the owner must see: it is made on the owner's request and kept nowhere.
 */
export const recoveryCodeView = z.object({
  code: z.string(),
  createdAt: epochMs,
  id: z.string(),
  storeName: z.string(),
  /** A code replaced: backups made before keep needing the old one. */
  replaced: z.boolean(),
});

/** Off-PC backups and the recovery code, as the home screen and the backup setting show them. */
export const backupHealthView = z.object({
  folder: z.string().nullable(),
  /** 'HH:MM', store-local: the daily off-PC backup. */
  time: z.string(),
  lastVerifiedAt: epochMs.nullable(),
  lastError: z.string().nullable(),
  recoveryCode: z.boolean(),
  warnings: z.array(z.enum(['no_recovery_code', 'no_folder', 'unreachable', 'stale', 'failed'])),
});

/** What the Toss catch-up after a restore found. */
export const restoreReportView = z.object({
  recoveredCharges: z.int().min(0),
  recoveredRefunds: z.int().min(0),
  needsReview: z.int().min(0),
  /** False when no Toss key is set yet: it runs once the secret key is entered. */
  caughtUp: z.boolean(),
});
// Members' consent (design.md invariant 12).
export const consentMethodSchema = z.enum(['in-person', 'signature', 'phone', 'message']);
export type ConsentMethodData = z.infer<typeof consentMethodSchema>;
export const consentKindSchema = z.enum(['subscription', 'price-increase', 'trial-conversion', 'withdrawal']);
export type ConsentKindData = z.infer<typeof consentKindSchema>;

/** What the member is shown and agrees to; kept with the record as it was. */
export const agreedTermsView = z.object({
  orderName: z.string(),
  amount: won,
  taxFreeAmount: won,
  cycle: z.string(),
  firstChargeDate: localDate,
  howToCancel: z.string(),
  text: z.string(),
  fromAmount: won.optional(),
});
export type AgreedTermsData = z.infer<typeof agreedTermsView>;

export const consentView = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  subscriptionId: id,
  kind: consentKindSchema,
  method: consentMethodSchema,
  terms: agreedTermsView,
  hasSignature: z.boolean(),
  note: z.string().nullable(),
  effectiveDate: localDate,
  operatorId: id.nullable(),
  operatorName: z.string(),
  recordedAt: epochMs,
});
export type ConsentViewData = z.infer<typeof consentView>;

/** One consent with its signature image (PNG, base64) for the printable slip. */
export const consentRecordView = consentView.extend({ signaturePng: z.string().nullable() });
export type ConsentRecordData = z.infer<typeof consentRecordView>;

export const priceIncreaseView = z.object({
  priceChangeId: id,
  subscriptionId: id,
  memberId: id,
  memberName: z.string(),
  phone: z.string().nullable(),
  orderName: z.string(),
  fromAmount: won,
  amount: won,
  taxFreeAmount: won,
  effectiveFrom: localDate,
  consented: z.boolean(),
  consentId: id.nullable(),
  consentedAt: epochMs.nullable(),
  createdAt: epochMs,
  notice: z.string(),
});
export type PriceIncreaseData = z.infer<typeof priceIncreaseView>;

export const trialConversionView = z.object({
  subscriptionId: id,
  memberId: id,
  memberName: z.string(),
  orderName: z.string(),
  amount: won,
  trialEnd: localDate,
  firstPaidDate: localDate,
  dueAt: epochMs,
  consentedAt: epochMs.nullable(),
  heldPeriodId: id.nullable(),
  notice: z.string(),
});
export type TrialConversionData = z.infer<typeof trialConversionView>;

export const consentTemplateView = z.object({ text: z.string(), howToCancel: z.string() });

/** A payment Toss has that the restore catch-up could not tie to a member, card or period. */
export const unmatchedTossPaymentView = z.object({
  id,
  orderId: z.string(),
  status: z.string(),
  amount: won,
  /** As Toss wrote it, with its +09:00 offset. */
  transactionAt: z.string(),
  reason: z.enum(['unknown_customer', 'no_card', 'unrecorded_period']),
  foundAt: epochMs,
});
/** A subscription running without a consent on record (made before consents were kept). */
export const unconsentedView = z.object({
  subscriptionId: id,
  memberId: id,
  memberName: z.string(),
  orderName: z.string(),
  amount: won,
  notice: z.string(),
});
export type UnconsentedData = z.infer<typeof unconsentedView>;
