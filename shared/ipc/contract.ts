import { z } from 'zod';
import {
  BUSINESS_NUMBER_PATTERN,
  IDLE_LOCK_MAX_MINUTES,
  MAX_AMOUNT,
  ORDER_NAME_MAX,
  REQUEST_ID_PATTERN,
  STORE_TEXT_LIMITS,
} from '../rules/index.ts';
import {
  agreedTermsView,
  appStatusView,
  auditCheckView,
  auditPageView,
  backupHealthView,
  backupView,
  cardRegistrationView,
  cardView,
  catchUpDecisionView,
  catchUpEntryView,
  chargeDetailView,
  chargeLogCursor,
  chargeLogPageView,
  chargeStatusSchema,
  chargeView,
  clientKeyStatusView,
  consentMethodSchema,
  consentRecordView,
  consentTemplateView,
  consentView,
  csvView,
  dashboardView,
  intervalUnitSchema,
  logKindSchema,
  memberDetailView,
  memberView,
  operatorView,
  planUpdateView,
  planView,
  priceIncreaseView,
  type Role,
  receiptView,
  reconcileReportView,
  recoveryCodeView,
  recoveryStatusView,
  refundView,
  restoreReportView,
  reviewQueueView,
  roleSchema,
  runDuePreviewView,
  runSummaryView,
  scheduleSettingsView,
  secretStatusView,
  staffMemberView,
  storeDetailsView,
  subscriptionPreviewView,
  subscriptionRowView,
  subscriptionStatusSchema,
  subscriptionView,
  trialConversionView,
  unconsentedView,
  unmatchedTossPaymentView,
  upcomingReportView,
  windowRegistrationView,
} from './views.ts';

/*
 * The one IPC contract between the renderer and main. Requests are strict objects: a field the
 * contract does not name is refused, not ignored. Shapes and lengths are checked here; what needs
 * the store's rules (Luhn for live keys, expiry against today, member numbers) is checked by the
 * core services, which answer with per-field Korean messages.
 */

/** Who may call a channel: 'public' needs no signed-in operator; the others need that role or higher. */
export type Access = 'public' | Role;

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly access: Access;
  readonly request: Req;
  readonly response: Res;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(
  access: Access,
  request: Req,
  response: Res,
): ChannelSpec<Req, Res> {
  return { access, request, response };
}

const id = z.int().positive();
const won = z.int().min(0).max(MAX_AMOUNT);
const text = (max: number) => z.string().max(max);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Chosen by the renderer per click: the same id again returns the same attempt, never a second charge. */
const requestId = z.string().regex(REQUEST_ID_PATTERN);
const empty = z.strictObject({});
const done = z.object({ done: z.literal(true) });

/** A manager's PIN typed on the spot when a charge goes over the operator's cap. */
const approval = z.strictObject({ operatorId: id, pin: text(6) });

const chargeFields = {
  amount: won,
  orderName: text(ORDER_NAME_MAX),
  taxFreeAmount: won.optional(),
  approval: approval.optional(),
};

const memberFields = {
  name: text(200),
  memberNo: text(64).optional(),
  phone: text(40).nullable().optional(),
  email: text(200).nullable().optional(),
  memo: text(4000).nullable().optional(),
};

const chargeFilter = {
  memberId: id.optional(),
  status: chargeStatusSchema.optional(),
  kind: logKindSchema.optional(),
  from: z.int().optional(),
  to: z.int().optional(),
};

const auditFilter = {
  operatorId: id.optional(),
  action: text(100).optional(),
  from: z.int().optional(),
  to: z.int().optional(),
};

/**
 * How the member consented (invariant 12). The signature is a PNG drawn on the counter screen,
 * base64 (about 4/3 of MAX_SIGNATURE_BYTES); the core checks the bytes.
 */
const consentInput = z.strictObject({
  method: consentMethodSchema,
  signaturePng: z.string().max(350_000).optional(),
  note: text(500).optional(),
});

/** The terms of a subscription being made, as subscribe and its consent preview take them. */
const subscribeFields = {
  memberId: id,
  planId: id,
  anchorDate: localDate,
  startDate: localDate.optional(),
  trialEnd: localDate.nullable().optional(),
  orderName: text(ORDER_NAME_MAX).optional(),
};

/** Card data (invariant 2): in this request only, never in a response or an event. */
const cardInput = z.strictObject({
  cardNumber: text(40),
  expiryMonth: text(4),
  expiryYear: text(4),
  identity: text(20),
  password: text(4).optional(),
});

export const contract = {
  // The app and the signed-in operator.
  getAppStatus: channel('public', empty, appStatusView),
  listOperators: channel('public', empty, z.array(operatorView)),
  createOwner: channel('public', z.strictObject({ name: text(50), pin: text(6) }), operatorView),
  signIn: channel('public', z.strictObject({ operatorId: id, pin: text(6) }), operatorView),
  signOut: channel('public', empty, done),

  // The Toss secret key: it goes in, and only {configured, mode} ever comes out (invariant 1).
  setSecretKey: channel('owner', z.strictObject({ secretKey: text(200) }), secretStatusView),
  clearSecretKey: channel('owner', empty, secretStatusView),
  setClientKey: channel('owner', z.strictObject({ clientKey: text(200) }), clientKeyStatusView),
  clearClientKey: channel('owner', empty, clientKeyStatusView),
  setTrainingMode: channel('owner', z.strictObject({ enabled: z.boolean() }), appStatusView),
  setLaunchAtLogin: channel('owner', z.strictObject({ enabled: z.boolean() }), appStatusView),
  setKeyIn: channel('owner', z.strictObject({ enabled: z.boolean() }), appStatusView),
  setIdleLock: channel(
    'owner',
    z.strictObject({ minutes: z.int().min(0).max(IDLE_LOCK_MAX_MINUTES) }),
    appStatusView,
  ),

  // Staff, and the audit trail every change and money movement leaves.
  listStaff: channel('owner', empty, z.array(staffMemberView)),
  createOperator: channel(
    'owner',
    z.strictObject({
      name: text(50),
      role: roleSchema,
      pin: text(6),
      perChargeCap: won.nullable().optional(),
      dailyCap: won.nullable().optional(),
    }),
    staffMemberView,
  ),
  updateOperator: channel(
    'owner',
    z.strictObject({
      id,
      role: roleSchema.optional(),
      perChargeCap: won.nullable().optional(),
      dailyCap: won.nullable().optional(),
      active: z.boolean().optional(),
    }),
    staffMemberView,
  ),
  resetOperatorPin: channel('owner', z.strictObject({ id, pin: text(6) }), staffMemberView),
  listAudit: channel(
    'manager',
    z.strictObject({ ...auditFilter, limit: z.int().min(1).max(1000).optional(), before: id.optional() }),
    auditPageView,
  ),
  exportAudit: channel('manager', z.strictObject(auditFilter), csvView),
  checkAudit: channel('manager', empty, auditCheckView),

  // Members and cards.
  searchMembers: channel(
    'staff',
    z.strictObject({
      query: text(100).optional(),
      includeArchived: z.boolean().optional(),
      limit: z.int().min(1).max(500).optional(),
      /** Rows to skip, for a long list read a page at a time. */
      offset: z.int().min(0).max(10_000_000).optional(),
    }),
    z.array(memberView),
  ),
  getMember: channel('staff', z.strictObject({ id }), memberDetailView),
  createMember: channel('staff', z.strictObject(memberFields), memberView),
  editMember: channel(
    'staff',
    z.strictObject({ id, ...memberFields, name: text(200).optional() }),
    memberView,
  ),
  archiveMember: channel('manager', z.strictObject({ id }), memberView),
  registerCard: channel(
    'staff',
    z.strictObject({
      memberId: id,
      card: cardInput,
      firstCharge: z.strictObject({ ...chargeFields, requestId }).optional(),
    }),
    cardRegistrationView,
  ),
  /** Toss's own window takes the card (no key-in contract needed); no card data reaches the app. */
  registerCardByWindow: channel(
    'staff',
    z.strictObject({
      memberId: id,
      firstCharge: z.strictObject({ ...chargeFields, requestId }).optional(),
    }),
    windowRegistrationView,
  ),
  removeCard: channel('manager', z.strictObject({ memberId: id }), cardView),

  // Charges, refunds and the "확인 필요" queue.
  charge: channel('staff', z.strictObject({ memberId: id, ...chargeFields, requestId }), chargeView),
  /**
   * Whether an amount needs a manager's PIN for the signed-in operator, and with `approval`, whether
   * that PIN is right: asked before card data is sent, so a card form never waits on an approval.
   */
  checkChargeApproval: channel(
    'staff',
    z.strictObject({ amount: won, approval: approval.optional() }),
    z.object({ approvalRequired: z.boolean(), message: z.string().nullable() }),
  ),
  getCharge: channel('staff', z.strictObject({ id }), chargeDetailView),
  listCharges: channel(
    'staff',
    z.strictObject({
      ...chargeFilter,
      limit: z.int().min(1).max(500).optional(),
      before: chargeLogCursor.optional(),
    }),
    chargeLogPageView,
  ),
  /** Staff may ask; main lets a staff refund through only with a manager's PIN in `approval`. */
  refund: channel(
    'staff',
    z.strictObject({
      chargeId: id,
      amount: won.optional(),
      taxFreeAmount: won.optional(),
      reason: text(400),
      requestId,
      approval: approval.optional(),
    }),
    refundView,
  ),
  reconcile: channel('staff', empty, reconcileReportView),
  listNeedsReview: channel('staff', empty, reviewQueueView),
  resolveCharge: channel(
    'manager',
    z.strictObject({ chargeId: id, outcome: z.enum(['charged', 'not-charged']), reason: text(400) }),
    chargeView,
  ),
  resolveRefund: channel(
    'manager',
    z.strictObject({ refundId: id, outcome: z.enum(['refunded', 'not-refunded']), reason: text(400) }),
    refundView,
  ),

  // Plans, subscriptions and the schedule.
  listPlans: channel('staff', empty, z.array(planView)),
  createPlan: channel(
    'manager',
    z.strictObject({
      name: text(ORDER_NAME_MAX),
      amount: won,
      taxFreeAmount: won.optional(),
      intervalUnit: intervalUnitSchema,
      intervalCount: z.int().min(1).max(1000),
      chargeTime: text(5).optional(),
    }),
    planView,
  ),
  /** No interval here: a new cadence under a name members know is a new plan. */
  updatePlan: channel(
    'manager',
    z.strictObject({
      id,
      name: text(ORDER_NAME_MAX).optional(),
      amount: won.optional(),
      taxFreeAmount: won.optional(),
      chargeTime: text(5).optional(),
      applyToSubscriptions: z.boolean().optional(),
      /** With a raise: the earliest period start at the new price (after each member consents). */
      effectiveFrom: localDate.optional(),
    }),
    planUpdateView,
  ),
  archivePlan: channel('manager', z.strictObject({ id }), planView),
  listSubscriptions: channel(
    'staff',
    z.strictObject({ memberId: id.optional(), status: subscriptionStatusSchema.optional() }),
    z.array(subscriptionRowView),
  ),
  subscribe: channel(
    'manager',
    z.strictObject({
      ...subscribeFields,
      /** No consent, no subscription (invariant 12). */
      consent: consentInput,
    }),
    subscriptionView,
  ),
  /** The subscribe form's warnings, from the same rules the runner follows; nothing is written. */
  previewSubscription: channel(
    'manager',
    z.strictObject({ memberId: id, planId: id, anchorDate: localDate, startDate: localDate.optional() }),
    subscriptionPreviewView,
  ),
  changeSubscriptionPrice: channel(
    'manager',
    z.strictObject({ id, amount: won, taxFreeAmount: won.optional(), effectiveFrom: localDate.optional() }),
    subscriptionView,
  ),
  pauseSubscription: channel('manager', z.strictObject({ id }), subscriptionView),
  resumeSubscription: channel('manager', z.strictObject({ id }), subscriptionView),
  cancelSubscription: channel(
    'manager',
    z.strictObject({ id, atPeriodEnd: z.boolean().optional(), withdrawal: consentInput.optional() }),
    subscriptionView,
  ),
  upcoming: channel(
    'staff',
    z.strictObject({ days: z.int().min(1).max(366).optional() }),
    upcomingReportView,
  ),
  runDueNow: channel('staff', empty, runSummaryView),
  previewRunDue: channel('staff', empty, runDuePreviewView),
  listCatchUps: channel('staff', empty, z.array(catchUpEntryView)),
  approveCatchUp: channel('manager', z.strictObject({ periodId: id }), catchUpDecisionView),
  skipCatchUp: channel('manager', z.strictObject({ periodId: id, reason: text(400) }), catchUpDecisionView),

  // The home screen, receipts and exports.
  getDashboard: channel('staff', empty, dashboardView),
  getReceipt: channel('staff', z.strictObject({ chargeId: id }), receiptView),
  /** What Toss did with a tax-free part on this merchant's last such charge, for the confirm screen. */
  getTaxFreeTreatment: channel(
    'staff',
    empty,
    z.object({ treatment: z.enum(['applied', 'ignored', 'unknown']) }),
  ),
  exportCharges: channel('manager', z.strictObject(chargeFilter), csvView),
  getStoreDetails: channel('staff', empty, storeDetailsView),
  setStoreDetails: channel(
    'owner',
    z.strictObject({
      name: text(STORE_TEXT_LIMITS.name),
      businessNumber: z.string().regex(BUSINESS_NUMBER_PATTERN),
      address: text(STORE_TEXT_LIMITS.address),
      phone: text(STORE_TEXT_LIMITS.phone),
    }),
    storeDetailsView,
  ),

  getScheduleSettings: channel('staff', empty, scheduleSettingsView),
  setScheduleSettings: channel(
    'owner',
    z.strictObject({
      catchUpThresholdDays: z.int().min(1).max(60),
      retryDays: z.array(z.int().min(1).max(60)).max(5),
      timeZone: text(64),
      defaultRunTime: text(5),
    }),
    scheduleSettingsView,
  ),

  // Backups of the ledger.
  backupNow: channel('manager', empty, backupView),
  listBackups: channel('manager', empty, z.array(backupView)),
  /** One of listBackups' files in place of the ledger; everyone is signed out. */
  restoreBackup: channel('owner', z.strictObject({ file: text(1000) }), appStatusView),

  // Recovery (design.md "Recovery"): the recovery code, off-PC backups, restore on a new PC.
  getRecoveryStatus: channel('manager', empty, recoveryStatusView),
  /** Shown once for the recovery sheet; `replace` is needed when the store has a code already. */
  createRecoveryCode: channel('owner', z.strictObject({ replace: z.boolean() }), recoveryCodeView),
  getBackupHealth: channel('staff', empty, backupHealthView),
  setBackupFolder: channel(
    'owner',
    z.strictObject({ folder: text(1000).nullable(), time: text(5) }),
    backupHealthView,
  ),
  runOffsiteBackup: channel('manager', empty, backupHealthView),
  /**
   * First run only (no store in this data folder yet): a backup file and its recovery code. The
   * secret key is entered afterwards; the Toss catch-up runs then.
   */
  restoreFromFile: channel('public', z.strictObject({ file: text(1000), code: text(60) }), restoreReportView),
  // Members' consent (invariant 12): terms shown when subscribing, raises and trials waiting for it.
  previewConsentTerms: channel('manager', z.strictObject(subscribeFields), agreedTermsView),
  recordConsent: channel(
    'manager',
    z.strictObject({
      subscriptionId: id,
      kind: z.enum(['price-increase', 'trial-conversion', 'subscription']),
      method: consentMethodSchema,
      signaturePng: z.string().max(350_000).optional(),
      note: text(500).optional(),
    }),
    consentView,
  ),
  listConsents: channel(
    'staff',
    z.strictObject({ memberId: id.optional(), from: z.int().optional(), to: z.int().optional() }),
    z.array(consentView),
  ),
  getConsent: channel('staff', z.strictObject({ id }), consentRecordView),
  listPriceIncreases: channel('staff', empty, z.array(priceIncreaseView)),
  listTrialConversions: channel(
    'staff',
    z.strictObject({ days: z.int().min(1).max(366).optional() }),
    z.array(trialConversionView),
  ),
  exportConsents: channel('manager', z.strictObject({ from: z.int(), to: z.int() }), csvView),
  getConsentTemplate: channel('staff', empty, consentTemplateView),
  listUnconsentedSubscriptions: channel('staff', empty, z.array(unconsentedView)),
  setConsentTemplate: channel(
    'owner',
    z.strictObject({ text: text(4000), howToCancel: text(500) }),
    consentTemplateView,
  ),
  /**
   * The system's file or folder picker, for the backup file of a first-run restore and the off-PC
   * folder; null when cancelled or where there is no picker (the test bridge).
   */
  choosePath: channel(
    'public',
    z.strictObject({ kind: z.enum(['backupFile', 'folder']) }),
    z.object({ path: z.string().nullable() }),
  ),
  /** Toss payments found after a restore that no member could be matched to: part of "확인 필요". */
  listUnmatchedTossPayments: channel('staff', empty, z.array(unmatchedTossPaymentView)),
  resolveUnmatchedTossPayment: channel(
    'manager',
    z.strictObject({ id, reason: text(200) }),
    z.array(unmatchedTossPaymentView),
  ),
  /**
   * Deletes the previous version's plain backups in backups/ (member names in the clear); refused
   * until an encrypted backup exists there.
   */
  deletePlainLegacyBackups: channel('owner', empty, z.object({ deleted: z.int().min(0) })),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

/** The Electron channel a contract entry travels on; one prefix so no other message can collide. */
export function ipcChannel(name: ChannelName): string {
  return `autopay:${name}`;
}
