import {
  type Actor,
  audit,
  type BillingContext,
  checkOperator,
  type FieldProblem,
  memberOrThrow,
  throwIfInvalid,
} from '../billing/index.ts';
import {
  activeTrialIds,
  type ConsentFilter,
  type ConsentRow,
  findConsent,
  firstConsentHeldPeriodId,
  hasPeriodFrom,
  hasSubscriptionConsent,
  lastPeriodIndex,
  latestPaidConsentAt,
  listConsents,
  markPriceChangeConsented,
  openPriceIncreases,
  pendingPriceChange,
  readSetting,
  releaseConsentHeldPeriods,
  unconsentedSubscriptionIds,
  writeSetting,
} from '../ledger/index.ts';
import { type ConsentGiven, insertConsent } from './consent-records.ts';
import {
  type AgreedTerms,
  CONSENT_TEMPLATE,
  CONSENT_WINDOW_MS,
  type ConsentTemplate,
  MAX_HOW_TO_CANCEL,
  MAX_TEMPLATE_TEXT,
  priceIncreaseTerms,
  subscriptionTerms,
  trialConversionTerms,
} from './consent-terms.ts';
import { firstChargeIndex, period, periodIndexOn, periodsBetween } from './periods.ts';
import { storeDay } from './store-day.ts';
import { createSubscriptionService, type SubscriptionView } from './subscriptions.ts';

/** Stable codes of ConsentError: callers branch on these, people read the Korean message. */
export type ConsentErrorCode =
  | 'CONSENT_NOT_FOUND'
  /** A price-increase consent with no raise waiting on the subscription. */
  | 'NO_PENDING_INCREASE'
  /** A trial-conversion consent for a subscription without a trial, or whose trial was converted. */
  | 'NO_TRIAL'
  /** More than 30 days before the trial's first paid charge: the decree's window has not opened. */
  | 'TOO_EARLY'
  | 'SUBSCRIPTION_CANCELED'
  /** The subscription already has its consent on record. */
  | 'ALREADY_CONSENTED';

export class ConsentError extends Error {
  override readonly name = 'ConsentError';
  readonly code: ConsentErrorCode;

  constructor(code: ConsentErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** One consent on record, as lists and the CSV show it (the signature image is fetched by id). */
export interface ConsentView extends Omit<ConsentRow, 'terms' | 'hasSignature'> {
  readonly terms: AgreedTerms;
  readonly hasSignature: boolean;
}

export interface ConsentRecord extends ConsentView {
  readonly signaturePng: Uint8Array | null;
}

export interface RecordConsentInput extends ConsentGiven, Actor {
  readonly subscriptionId: number;
  /**
   * 'subscription': the consent to a subscription made before consents were kept (a ledger from
   * before this version), recorded once, to the terms it charges now.
   */
  readonly kind: 'price-increase' | 'trial-conversion' | 'subscription';
}

/** A subscription still running without a consent on record (made before consents were kept). */
export interface UnconsentedEntry {
  readonly subscriptionId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  readonly amount: number;
  readonly notice: string;
}

export type ListConsentsInput = ConsentFilter;

/** A raise waiting for (or holding) the member's consent, with the notice to send them. */
export interface PriceIncreaseEntry {
  readonly priceChangeId: number;
  readonly subscriptionId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly phone: string | null;
  readonly orderName: string;
  readonly fromAmount: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly effectiveFrom: string;
  readonly consented: boolean;
  readonly consentId: number | null;
  readonly consentedAt: number | null;
  readonly createdAt: number;
  /** The notice text: new amount, from when, how to cancel. */
  readonly notice: string;
}

/** A trial turning into paid charges soon, or whose first paid period waits for consent. */
export interface TrialConversionEntry {
  readonly subscriptionId: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly orderName: string;
  readonly amount: number;
  readonly trialEnd: string;
  readonly firstPaidDate: string;
  readonly dueAt: number;
  /** A consent to paid charges recorded within the 30 days before dueAt (or null). */
  readonly consentedAt: number | null;
  /** The first paid period, when it is already written and held for consent. */
  readonly heldPeriodId: number | null;
  readonly notice: string;
}

export interface PendingConsents {
  readonly priceIncreases: PriceIncreaseEntry[];
  readonly trials: TrialConversionEntry[];
}

export interface ConsentService {
  /** Records a member's consent to a raise or to a trial's paid charges; releases what waited for it. */
  record(input: RecordConsentInput): ConsentView;
  /** Subscriptions not canceled that have no consent to them on record, by member name. */
  unconsented(): UnconsentedEntry[];
  /** Consents newest first. */
  list(input?: ListConsentsInput): ConsentView[];
  get(id: number): ConsentRecord;
  /** Every raise not yet applied: who has agreed and who has not. */
  priceIncreases(input?: { memberId?: number }): PriceIncreaseEntry[];
  /** Active trials whose first paid charge is due within `days` (default 30) or is held for consent. */
  trialConversions(input?: { memberId?: number; days?: number }): TrialConversionEntry[];
  /** What still waits for a member's consent: raises not agreed and trials without consent. */
  pending(input?: { memberId?: number }): PendingConsents;
  /** The terms template members are shown when subscribing. */
  template(): ConsentTemplate;
  /** The owner edits the template; audited like every setting (invariant 8). */
  setTemplate(input: ConsentTemplate & Actor): ConsentTemplate;
}

function consentView(row: ConsentRow): ConsentView {
  return { ...row, terms: JSON.parse(row.terms) as AgreedTerms, hasSignature: row.hasSignature === 1 };
}

const DAY_MS = 24 * 60 * 60 * 1_000;

export function createConsentService(ctx: BillingContext): ConsentService {
  const db = ctx.ledger.db;
  const subscriptions = createSubscriptionService(ctx);

  function facts(sub: SubscriptionView, memberName: string) {
    return {
      memberName,
      orderName: sub.orderName,
      amount: sub.amount,
      taxFreeAmount: sub.taxFreeAmount,
      intervalUnit: sub.intervalUnit,
      intervalCount: sub.intervalCount,
    };
  }

  function firstPaid(sub: SubscriptionView) {
    return period(sub, firstChargeIndex(sub));
  }

  function hasTrial(sub: SubscriptionView): boolean {
    return sub.trialEnd !== null && sub.trialEnd > sub.startDate;
  }

  function get(id: number): ConsentRecord {
    const row = findConsent(db, id);
    if (!row) throw new ConsentError('CONSENT_NOT_FOUND', `동의 기록(번호 ${id})을 찾을 수 없습니다.`);
    const { signaturePng, ...rest } = row;
    return {
      ...consentView(rest),
      signaturePng: signaturePng === null ? null : new Uint8Array(signaturePng),
    };
  }

  function recordPriceIncrease(input: RecordConsentInput, sub: SubscriptionView, memberName: string): number {
    const change = pendingPriceChange(db, sub.id);
    if (!change) {
      throw new ConsentError(
        'NO_PENDING_INCREASE',
        `구독(번호 ${sub.id})에는 동의를 기다리는 가격 인상이 없습니다.`,
      );
    }
    // The decree asks for consent within the 30 days before the raised charge: the first period
    // due after now and starting on or after the owner's date must fall in that window.
    const nowMs = ctx.now().getTime();
    const at = periodIndexOn(sub, change.effectiveFrom);
    const fromIndex = at === null ? 0 : period(sub, at).start < change.effectiveFrom ? at + 1 : at;
    const raised = periodsBetween(sub, {
      fromIndex,
      fromMs: nowMs + 1,
      untilMs: nowMs + CONSENT_WINDOW_MS,
      limit: 1,
    });
    if (raised.length === 0) {
      const [next] = periodsBetween(sub, {
        fromIndex,
        fromMs: nowMs + 1,
        untilMs: nowMs + 20 * 366 * DAY_MS,
        limit: 1,
      });
      const opens = next ? storeDay(new Date(next.dueAt - CONSENT_WINDOW_MS), sub.timeZone).date : null;
      throw new ConsentError(
        'TOO_EARLY',
        opens === null
          ? `구독(번호 ${sub.id})에는 새 금액으로 결제할 기간이 없습니다.`
          : `가격 인상 동의는 새 금액의 첫 결제(${next?.start}) 전 30일 안에 받아야 합니다. ${opens}부터 기록할 수 있습니다.`,
      );
    }
    const consentId = insertConsent(ctx, input, {
      memberId: sub.memberId,
      subscriptionId: sub.id,
      kind: 'price-increase',
      given: input,
      effectiveDate: change.effectiveFrom,
      terms: priceIncreaseTerms(db, {
        ...facts(sub, memberName),
        amount: change.amount,
        taxFreeAmount: change.taxFreeAmount,
        fromAmount: change.fromAmount,
        firstChargeDate: change.effectiveFrom,
      }),
    });
    markPriceChangeConsented(db, change.id, consentId, ctx.now().getTime());
    return consentId;
  }

  function recordTrialConversion(
    input: RecordConsentInput,
    sub: SubscriptionView,
    memberName: string,
  ): number {
    if (!hasTrial(sub)) {
      throw new ConsentError('NO_TRIAL', `구독(번호 ${sub.id})에는 무료 체험 기간이 없습니다.`);
    }
    const first = firstPaid(sub);
    const opensAt = first.dueAt - CONSENT_WINDOW_MS;
    const nowMs = ctx.now().getTime();
    if (nowMs < opensAt) {
      const opens = storeDay(new Date(opensAt), sub.timeZone).date;
      throw new ConsentError(
        'TOO_EARLY',
        `유료 전환 동의는 첫 유료 결제(${first.start}) 전 30일 안에 받아야 합니다. ${opens}부터 기록할 수 있습니다.`,
      );
    }
    const consentId = insertConsent(ctx, input, {
      memberId: sub.memberId,
      subscriptionId: sub.id,
      kind: 'trial-conversion',
      given: input,
      effectiveDate: first.start,
      terms: trialConversionTerms(db, { ...facts(sub, memberName), firstChargeDate: first.start }),
    });
    // The held first paid period is charged by the next run; a subscription not active stays held
    // (the runner would refuse it anyway) until staff skip it or cancel.
    if (sub.status === 'active') {
      releaseConsentHeldPeriods(db, sub.id, nowMs);
    }
    return consentId;
  }

  /** The terms a running subscription charges from its next period: what a late consent agrees to. */
  function currentTerms(sub: SubscriptionView, memberName: string): AgreedTerms {
    const nowMs = ctx.now().getTime();
    const last = lastPeriodIndex(db, sub.id);
    const [next] = periodsBetween(sub, {
      fromIndex: last === null ? 0 : last + 1,
      fromMs: nowMs,
      untilMs: nowMs + 20 * 366 * DAY_MS,
      limit: 1,
    });
    return subscriptionTerms(db, {
      ...facts(sub, memberName),
      firstChargeDate: next?.start ?? firstPaid(sub).start,
    });
  }

  function recordSubscription(input: RecordConsentInput, sub: SubscriptionView, memberName: string): number {
    if (hasSubscriptionConsent(db, sub.id)) {
      throw new ConsentError(
        'ALREADY_CONSENTED',
        `구독(번호 ${sub.id})의 정기결제 동의는 이미 기록되어 있습니다.`,
      );
    }
    const terms = currentTerms(sub, memberName);
    return insertConsent(ctx, input, {
      memberId: sub.memberId,
      subscriptionId: sub.id,
      kind: 'subscription',
      given: input,
      effectiveDate: terms.firstChargeDate,
      terms,
    });
  }

  function priceIncreases(input: { memberId?: number } = {}): PriceIncreaseEntry[] {
    const rows = openPriceIncreases(db, input.memberId ?? null);
    return rows.map(({ id, status, ...row }) => {
      const sub = subscriptions.get(row.subscriptionId);
      return {
        ...row,
        priceChangeId: id,
        consented: status === 'consented',
        notice: priceIncreaseTerms(db, {
          ...facts(sub, row.memberName),
          amount: row.amount,
          taxFreeAmount: row.taxFreeAmount,
          fromAmount: row.fromAmount,
          firstChargeDate: row.effectiveFrom,
        }).text,
      };
    });
  }

  function trialConversions(input: { memberId?: number; days?: number } = {}): TrialConversionEntry[] {
    const nowMs = ctx.now().getTime();
    const until = nowMs + (input.days ?? 30) * DAY_MS;
    const trials = activeTrialIds(db, input.memberId ?? null);
    const entries: TrialConversionEntry[] = [];
    for (const id of trials) {
      const sub = subscriptions.get(id);
      const first = firstPaid(sub);
      // The earliest period held for consent (the first paid one, or the next if that was skipped).
      const heldId = firstConsentHeldPeriodId(db, sub.id);
      // Converted already (charged, or on its way), or not within the window yet.
      if (heldId === null && (hasPeriodFrom(db, sub.id, first.index) || first.dueAt > until)) continue;
      const consentedAt = latestPaidConsentAt(db, sub.id, first.dueAt - CONSENT_WINDOW_MS);
      const memberName = memberOrThrow(db, sub.memberId).name;
      entries.push({
        subscriptionId: sub.id,
        memberId: sub.memberId,
        memberName,
        orderName: sub.orderName,
        amount: sub.amount,
        trialEnd: sub.trialEnd as string,
        firstPaidDate: first.start,
        dueAt: first.dueAt,
        consentedAt,
        heldPeriodId: heldId,
        notice: trialConversionTerms(db, { ...facts(sub, memberName), firstChargeDate: first.start }).text,
      });
    }
    return entries.sort((a, b) => a.dueAt - b.dueAt || a.subscriptionId - b.subscriptionId);
  }

  return {
    record(input) {
      checkOperator(ctx, input.operatorId);
      const id = db.transaction(() => {
        const sub = subscriptions.get(input.subscriptionId);
        if (sub.status === 'canceled') {
          throw new ConsentError('SUBSCRIPTION_CANCELED', `해지된 구독(번호 ${sub.id})입니다.`);
        }
        const memberName = memberOrThrow(db, sub.memberId).name;
        if (input.kind === 'subscription') return recordSubscription(input, sub, memberName);
        return input.kind === 'price-increase'
          ? recordPriceIncrease(input, sub, memberName)
          : recordTrialConversion(input, sub, memberName);
      })();
      const { signaturePng: _png, ...view } = get(id);
      return view;
    },

    list(input = {}) {
      return listConsents(db, input).map(consentView);
    },

    get,
    priceIncreases,

    unconsented() {
      return unconsentedSubscriptionIds(db).map((id) => {
        const sub = subscriptions.get(id);
        const memberName = memberOrThrow(db, sub.memberId).name;
        return {
          subscriptionId: sub.id,
          memberId: sub.memberId,
          memberName,
          orderName: sub.orderName,
          amount: sub.amount,
          notice: currentTerms(sub, memberName).text,
        };
      });
    },
    trialConversions,

    template: () => readSetting(db, CONSENT_TEMPLATE),

    setTemplate(input) {
      const next = {
        text: String(input.text ?? '').trim(),
        howToCancel: String(input.howToCancel ?? '').trim(),
      };
      const problems: Record<string, FieldProblem> = {};
      if (next.text === '' || next.text.length > MAX_TEMPLATE_TEXT) {
        problems.text = {
          code: 'TEXT_INVALID',
          message: `약관 문구는 1자 이상 ${MAX_TEMPLATE_TEXT}자 이하로 입력해 주세요.`,
        };
      }
      if (next.howToCancel === '' || next.howToCancel.length > MAX_HOW_TO_CANCEL) {
        problems.howToCancel = {
          code: 'HOW_TO_CANCEL_INVALID',
          message: `해지 방법은 1자 이상 ${MAX_HOW_TO_CANCEL}자 이하로 입력해 주세요.`,
        };
      }
      throwIfInvalid(problems);
      checkOperator(ctx, input.operatorId);
      db.transaction(() => {
        writeSetting(db, CONSENT_TEMPLATE, next, ctx.now());
        audit(ctx, input, 'settings.consent_template', 'settings', {
          textLength: next.text.length,
          howToCancel: next.howToCancel,
        });
      })();
      return next;
    },

    pending(input = {}) {
      return {
        priceIncreases: priceIncreases(input).filter((entry) => !entry.consented),
        trials: trialConversions(input).filter((entry) => entry.consentedAt === null),
      };
    },
  };
}
