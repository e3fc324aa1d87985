import {
  type Actor,
  audit,
  type BillingContext,
  checkOperator,
  type FieldProblem,
  memberOrThrow,
  throwIfInvalid,
} from '../billing/index.ts';
import { readSetting, writeSetting } from '../ledger/index.ts';
import { type ConsentGiven, insertConsent } from './consent-rows.ts';
import {
  type AgreedTerms,
  CONSENT_TEMPLATE,
  CONSENT_WINDOW_MS,
  type ConsentKind,
  type ConsentMethod,
  type ConsentTemplate,
  MAX_HOW_TO_CANCEL,
  MAX_TEMPLATE_TEXT,
  priceIncreaseTerms,
  subscriptionTerms,
  trialConversionTerms,
} from './consent-terms.ts';
import { firstChargeIndex, period, periodIndexOn, periodsBetween } from './periods.ts';
import { PRICE_CHANGE_COLUMNS } from './price-changes.ts';
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
export interface ConsentView {
  readonly id: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly subscriptionId: number;
  readonly kind: ConsentKind;
  readonly method: ConsentMethod;
  readonly terms: AgreedTerms;
  readonly hasSignature: boolean;
  readonly note: string | null;
  readonly effectiveDate: string;
  readonly operatorId: number | null;
  /** The operator's name, or the actor ('cli', …) when no operator was signed in. */
  readonly operatorName: string;
  readonly recordedAt: number;
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

export interface ListConsentsInput {
  readonly memberId?: number;
  readonly subscriptionId?: number;
  /** recorded_at range, epoch ms: [from, to). */
  readonly from?: number;
  readonly to?: number;
}

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

const CONSENT_COLUMNS = `c.id, c.member_id AS memberId, m.name AS memberName, c.subscription_id AS subscriptionId,
  c.kind, c.method, c.terms, c.signature_png IS NOT NULL AS hasSignature, c.note,
  c.effective_date AS effectiveDate, c.operator_id AS operatorId, coalesce(o.name, c.actor) AS operatorName,
  c.recorded_at AS recordedAt
  FROM consents AS c JOIN members AS m ON m.id = c.member_id LEFT JOIN operators AS o ON o.id = c.operator_id`;

type ConsentRow = Omit<ConsentView, 'terms' | 'hasSignature'> & { terms: string; hasSignature: 0 | 1 };

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
    const row = Number.isSafeInteger(id)
      ? (db.prepare(`SELECT c.signature_png AS signaturePng, ${CONSENT_COLUMNS} WHERE c.id = ?`).get(id) as
          | (ConsentRow & { signaturePng: Buffer | null })
          | undefined)
      : undefined;
    if (!row) throw new ConsentError('CONSENT_NOT_FOUND', `동의 기록(번호 ${id})을 찾을 수 없습니다.`);
    const { signaturePng, ...rest } = row;
    return {
      ...consentView(rest),
      signaturePng: signaturePng === null ? null : new Uint8Array(signaturePng),
    };
  }

  function recordPriceIncrease(input: RecordConsentInput, sub: SubscriptionView, memberName: string): number {
    const change = db
      .prepare(
        `SELECT ${PRICE_CHANGE_COLUMNS} FROM price_changes AS pc
         WHERE pc.subscription_id = ? AND pc.status = 'pending'`,
      )
      .get(sub.id) as
      | { id: number; fromAmount: number; amount: number; taxFreeAmount: number; effectiveFrom: string }
      | undefined;
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
    db.prepare(
      "UPDATE price_changes SET status = 'consented', consent_id = ?, updated_at = ? WHERE id = ?",
    ).run(consentId, ctx.now().getTime(), change.id);
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
      db.prepare(
        `UPDATE subscription_periods SET status = 'pending', hold = NULL, updated_at = ?
         WHERE subscription_id = ? AND status = 'awaiting_confirmation' AND hold = 'consent'`,
      ).run(nowMs, sub.id);
    }
    return consentId;
  }

  /** The terms a running subscription charges from its next period: what a late consent agrees to. */
  function currentTerms(sub: SubscriptionView, memberName: string): AgreedTerms {
    const nowMs = ctx.now().getTime();
    const last = db
      .prepare('SELECT max(period_index) FROM subscription_periods WHERE subscription_id = ?')
      .pluck()
      .get(sub.id) as number | null;
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
    const has = db
      .prepare("SELECT 1 FROM consents WHERE subscription_id = ? AND kind = 'subscription'")
      .pluck()
      .get(sub.id);
    if (has !== undefined) {
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
    const rows = db
      .prepare(
        `SELECT ${PRICE_CHANGE_COLUMNS}, s.member_id AS memberId, m.name AS memberName, m.phone,
           s.order_name AS orderName, c.recorded_at AS consentedAt
         FROM price_changes AS pc
         JOIN subscriptions AS s ON s.id = pc.subscription_id
         JOIN members AS m ON m.id = s.member_id
         LEFT JOIN consents AS c ON c.id = pc.consent_id
         WHERE pc.status IN ('pending', 'consented') AND (@memberId IS NULL OR s.member_id = @memberId)
         ORDER BY pc.status = 'consented', m.name, pc.id`,
      )
      .all({ memberId: input.memberId ?? null }) as (Omit<
      PriceIncreaseEntry,
      'consented' | 'notice' | 'priceChangeId'
    > & {
      id: number;
      status: string;
    })[];
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
    const trials = db
      .prepare(
        `SELECT id FROM subscriptions
         WHERE status = 'active' AND trial_end IS NOT NULL AND trial_end > start_date
           AND (@memberId IS NULL OR member_id = @memberId)
         ORDER BY id`,
      )
      .pluck()
      .all({ memberId: input.memberId ?? null }) as number[];
    const entries: TrialConversionEntry[] = [];
    for (const id of trials) {
      const sub = subscriptions.get(id);
      const first = firstPaid(sub);
      // The earliest period held for consent (the first paid one, or the next if that was skipped).
      const heldId = db
        .prepare(
          `SELECT min(id) FROM subscription_periods
           WHERE subscription_id = ? AND status = 'awaiting_confirmation' AND hold = 'consent'`,
        )
        .pluck()
        .get(sub.id) as number | null;
      const written = db
        .prepare('SELECT 1 FROM subscription_periods WHERE subscription_id = ? AND period_index >= ?')
        .pluck()
        .get(sub.id, first.index);
      // Converted already (charged, or on its way), or not within the window yet.
      if (heldId === null && (written !== undefined || first.dueAt > until)) continue;
      const consentedAt = db
        .prepare(
          `SELECT max(recorded_at) FROM consents WHERE subscription_id = ?
             AND kind IN ('subscription', 'trial-conversion') AND recorded_at >= ?`,
        )
        .pluck()
        .get(sub.id, first.dueAt - CONSENT_WINDOW_MS) as number | null;
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
      const rows = db
        .prepare(
          `SELECT ${CONSENT_COLUMNS}
           WHERE (@memberId IS NULL OR c.member_id = @memberId)
             AND (@subscriptionId IS NULL OR c.subscription_id = @subscriptionId)
             AND (@from IS NULL OR c.recorded_at >= @from) AND (@to IS NULL OR c.recorded_at < @to)
           ORDER BY c.recorded_at DESC, c.id DESC`,
        )
        .all({
          memberId: input.memberId ?? null,
          subscriptionId: input.subscriptionId ?? null,
          from: input.from ?? null,
          to: input.to ?? null,
        }) as ConsentRow[];
      return rows.map(consentView);
    },

    get,
    priceIncreases,

    unconsented() {
      const rows = db
        .prepare(
          `SELECT s.id FROM subscriptions AS s JOIN members AS m ON m.id = s.member_id
           WHERE s.status <> 'canceled'
             AND NOT EXISTS (SELECT 1 FROM consents AS c WHERE c.subscription_id = s.id AND c.kind = 'subscription')
           ORDER BY m.name, s.id`,
        )
        .pluck()
        .all() as number[];
      return rows.map((id) => {
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
