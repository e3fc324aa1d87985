import { lastAuditAt } from '../audit/index.ts';
import {
  type Actor,
  activeMemberOrThrow,
  audit,
  type BillingContext,
  type FieldProblem,
  memberOrThrow,
  throwIfInvalid,
} from '../billing/index.ts';
import {
  findPlan,
  findSubscription,
  flagCancelAtPeriodEnd,
  insertSubscription,
  listSubscriptions,
  openPriceChange,
  readSetting,
  type SubscriptionRow,
  type SubscriptionStatus,
  setSubscriptionPrice,
  setSubscriptionStatus,
  skipOpenPeriods,
} from '../ledger/index.ts';
import { scheduleProblems } from './check-schedule.ts';
import { type ConsentGiven, consentProblems, insertConsent } from './consent-records.ts';
import { type AgreedTerms, subscriptionTerms, withdrawalTerms } from './consent-terms.ts';
import { writePausedPeriods } from './period-lifecycle.ts';
import { firstChargeIndex, period, periodIndexOn } from './periods.ts';
import { recordPriceChange, supersedeOpenPriceChange } from './price-changes.ts';
import type { IntervalUnit, Schedule } from './schedule-types.ts';
import { storeDay, storeDayOf } from './store-day.ts';
import { DEFAULT_RUN_TIME, storeTimeZone } from './store-time.ts';
import { SubscriptionError } from './subscription-error.ts';
import { intervalProblems, priceProblems, textProblem } from './terms.ts';

export type { SubscriptionStatus };

/** Terms of a subscription without a plan (a one-off arrangement with one member). */
export interface CustomTerms {
  amount: number;
  taxFreeAmount?: number;
  intervalUnit: IntervalUnit;
  intervalCount: number;
  /** Default: the store's default run time. */
  chargeTime?: string;
}

export interface CreateSubscriptionInput extends Actor {
  memberId: number;
  /** Exactly one of planId and custom. */
  planId?: number;
  custom?: CustomTerms;
  /** Default: the plan's name; required with custom terms. */
  orderName?: string;
  anchorDate: string;
  /** Default: anchorDate. */
  startDate?: string;
  trialEnd?: string | null;
  /** Default: the store's time zone (Asia/Seoul unless the owner changed it). */
  timeZone?: string;
  /**
   * The member's consent to the recurring charges (design.md invariant 12): required, recorded in
   * the transaction that creates the subscription, with the terms they were shown. Refused
   * without it, also from callers that bypass the type (the IPC payload, the CLI).
   */
  consent: ConsentGiven;
}

export interface ChangePriceInput extends Actor {
  id: number;
  amount: number;
  /** Default: the current tax-free amount. */
  taxFreeAmount?: number;
  /**
   * A raise applies from the first period due after the member's consent and starting on or after
   * this store-local date (the date the owner announced). Default: today.
   */
  effectiveFrom?: string;
}

/** A cancel the member asked for: recorded as the withdrawal of their consent. */
export interface CancelInput extends Actor {
  id: number;
  withdrawal?: ConsentGiven;
}

export interface ListSubscriptionsInput {
  memberId?: number;
  status?: SubscriptionStatus;
}

export interface SubscriptionView extends Omit<SubscriptionRow, 'cancelAtPeriodEnd'> {
  readonly cancelAtPeriodEnd: boolean;
}

type IdInput = { id: number } & Actor;

export interface SubscriptionService {
  create(input: CreateSubscriptionInput): SubscriptionView;
  /** active → paused: no period is charged while paused. */
  pause(input: IdInput): SubscriptionView;
  /**
   * paused → active. Periods that came due while paused are written 'skipped' in the same
   * transaction, so the runner never charges them (see writePausedPeriods); a period already
   * 'pending' from before the pause is charged by the next run.
   */
  resume(input: IdInput): SubscriptionView;
  /**
   * Any status but canceled → canceled, at once; periods not yet charged become 'skipped'. With
   * `withdrawal`, the member asked: their withdrawal of consent is recorded, dated today.
   */
  cancel(input: CancelInput): SubscriptionView;
  /**
   * Marks the subscription to end when its current period ends; it stays in its status until then.
   * With `withdrawal`, recorded as the member's withdrawal, effective when the current period ends.
   */
  cancelAtPeriodEnd(input: CancelInput): SubscriptionView;
  /**
   * A decrease (or a change of the tax-free part alone) applies from the next period written. A
   * raise does not touch the subscription: it waits as a price change until the member consents
   * (consents.ts), and until then the old price is charged.
   */
  changePrice(input: ChangePriceInput): SubscriptionView;
  /** What the member will be shown and asked to agree to if subscribed with these terms. */
  previewTerms(input: Omit<CreateSubscriptionInput, 'consent'>): AgreedTerms;
  list(input?: ListSubscriptionsInput): SubscriptionView[];
  get(id: number): SubscriptionView;
}

const STATUS_LABEL: Readonly<Record<SubscriptionStatus, string>> = {
  active: '이용 중',
  paused: '일시정지',
  canceled: '해지',
  past_due: '연체',
  needs_card: '카드 재등록 필요',
};

export function createSubscriptionService(ctx: BillingContext): SubscriptionService {
  const db = ctx.ledger.db;

  function get(id: number): SubscriptionView {
    const row = findSubscription(db, id);
    if (!row) throw new SubscriptionError('SUBSCRIPTION_NOT_FOUND', `구독(번호 ${id})을 찾을 수 없습니다.`);
    return view(row);
  }

  function illegal(sub: SubscriptionView, action: string): SubscriptionError {
    return new SubscriptionError(
      'ILLEGAL_TRANSITION',
      `${STATUS_LABEL[sub.status]} 상태인 구독(번호 ${sub.id})은 ${action}할 수 없습니다.`,
    );
  }

  /**
   * One status change in one transaction with its audit row: `allowed` lists the statuses it may
   * start from; the row is re-read inside the transaction so a concurrent change cannot slip past.
   */
  function transition(
    input: IdInput,
    options: {
      allowed: readonly SubscriptionStatus[];
      to: SubscriptionStatus;
      label: string;
      action: string;
      /** More for the audit row (what else the change did in the same transaction). */
      details?: Record<string, number>;
    },
  ): SubscriptionView {
    return db.transaction(() => {
      const sub = get(input.id);
      if (!options.allowed.includes(sub.status)) throw illegal(sub, options.label);
      setSubscriptionStatus(db, sub.id, options.to, ctx.now().getTime());
      audit(ctx, input, options.action, `subscription:${sub.id}`, {
        from: sub.status,
        to: options.to,
        ...options.details,
      });
      return get(sub.id);
    })();
  }

  /** create's checks and the terms it would write, shared with previewTerms. */
  function planned(input: Omit<CreateSubscriptionInput, 'consent'>) {
    const problems: Record<string, FieldProblem> = {};
    const hasPlan = input.planId !== undefined;
    const hasCustom = input.custom !== undefined;
    if (hasPlan === hasCustom) {
      problems.planId = {
        code: 'PLAN_OR_CUSTOM',
        message: '요금제를 고르거나 직접 금액과 주기를 입력해 주세요 (둘 중 하나만).',
      };
    }
    const plan = hasPlan ? findPlan(db, input.planId as number) : undefined;
    if (hasPlan && !plan) {
      problems.planId = {
        code: 'PLAN_NOT_FOUND',
        message: `요금제(번호 ${input.planId})를 찾을 수 없습니다.`,
      };
    } else if (plan && !plan.active) {
      problems.planId = { code: 'PLAN_ARCHIVED', message: `보관 처리된 요금제입니다: ${plan.name}` };
    }
    // The plan's terms are copied into the row: editing or archiving the plan later never
    // reprices or stops a member silently (schema-v1, the comment on subscriptions).
    const source = plan ?? input.custom;
    const terms = {
      amount: source?.amount ?? Number.NaN,
      taxFreeAmount: source?.taxFreeAmount ?? 0,
      intervalUnit: source?.intervalUnit ?? ('month' as IntervalUnit),
      intervalCount: source?.intervalCount ?? 1,
      chargeTime: source?.chargeTime ?? readSetting(db, DEFAULT_RUN_TIME),
    };
    if (input.custom) Object.assign(problems, priceProblems(terms), intervalProblems(terms));
    const orderName = (input.orderName ?? plan?.name ?? '').trim();
    const orderNameProblem = textProblem(orderName, '주문명');
    if (orderNameProblem && !problems.planId) problems.orderName = orderNameProblem;
    const schedule: Schedule = {
      intervalUnit: terms.intervalUnit,
      intervalCount: terms.intervalCount,
      chargeTime: terms.chargeTime,
      anchorDate: input.anchorDate,
      startDate: input.startDate ?? input.anchorDate,
      trialEnd: input.trialEnd ?? null,
      timeZone: input.timeZone ?? storeTimeZone(db),
    };
    // scheduleProblems is what checkSchedule throws on; collecting them here lets one form error
    // carry the schedule's fields together with the price and plan fields.
    for (const [field, problem] of Object.entries(scheduleProblems(schedule))) {
      problems[field] ??= problem;
    }
    return { problems, plan, terms, orderName, schedule };
  }

  function agreedTerms(
    memberName: string,
    terms: { amount: number; taxFreeAmount: number; intervalUnit: IntervalUnit; intervalCount: number },
    orderName: string,
    schedule: Schedule,
  ): AgreedTerms {
    return subscriptionTerms(db, {
      memberName,
      orderName,
      ...terms,
      firstChargeDate: period(schedule, firstChargeIndex(schedule)).start,
    });
  }

  function today(): string {
    return storeDay(ctx.now(), storeTimeZone(db)).date;
  }

  /** The withdrawal record of a cancel the member asked for, in the cancel's transaction. */
  function recordWithdrawal(input: CancelInput, sub: SubscriptionView, effectiveDate: string): void {
    if (input.withdrawal === undefined) return;
    const member = memberOrThrow(db, sub.memberId);
    insertConsent(ctx, input, {
      memberId: sub.memberId,
      subscriptionId: sub.id,
      kind: 'withdrawal',
      given: input.withdrawal,
      effectiveDate,
      terms: withdrawalTerms({
        memberName: member.name,
        orderName: sub.orderName,
        amount: sub.amount,
        taxFreeAmount: sub.taxFreeAmount,
        intervalUnit: sub.intervalUnit,
        intervalCount: sub.intervalCount,
        firstChargeDate: period(sub, firstChargeIndex(sub)).start,
        effectiveDate,
      }),
    });
  }

  return {
    previewTerms(input) {
      const { problems, terms, orderName, schedule } = planned(input);
      throwIfInvalid(problems);
      const member = activeMemberOrThrow(db, input.memberId);
      return agreedTerms(member.name, terms, orderName, schedule);
    },

    create(input) {
      const { problems, plan, terms, orderName, schedule } = planned(input);
      // No consent, no subscription (invariant 12): refused before anything is written.
      Object.assign(problems, consentProblems(input.consent));
      throwIfInvalid(problems);

      const id = db.transaction(() => {
        const member = activeMemberOrThrow(db, input.memberId);
        const at = ctx.now().getTime();
        const subscriptionId = insertSubscription(db, {
          ...terms,
          ...schedule,
          memberId: member.id,
          planId: plan?.id ?? null,
          orderName,
          at,
        });
        audit(ctx, input, 'subscription.create', `subscription:${subscriptionId}`, {
          memberId: member.id,
          planId: plan?.id ?? null,
          amount: terms.amount,
          taxFreeAmount: terms.taxFreeAmount,
          intervalUnit: terms.intervalUnit,
          intervalCount: terms.intervalCount,
          anchorDate: schedule.anchorDate,
          startDate: schedule.startDate,
        });
        insertConsent(ctx, input, {
          memberId: member.id,
          subscriptionId,
          kind: 'subscription',
          given: input.consent,
          terms: agreedTerms(member.name, terms, orderName, schedule),
          effectiveDate: schedule.startDate,
        });
        return subscriptionId;
      })();
      return get(id);
    },

    pause(input) {
      return transition(input, {
        allowed: ['active'],
        to: 'paused',
        label: '일시정지',
        action: 'subscription.pause',
      });
    },

    resume(input) {
      // One transaction: the status check, the paused periods and the status change commit together,
      // so the materialiser (which only reads active subscriptions) can never see the subscription
      // active without those periods and charge them.
      return db.transaction(() => {
        const before = get(input.id);
        if (before.status !== 'paused') throw illegal(before, '재개');
        const written = writePausedPeriods(db, before, {
          pausedAt: lastAuditAt(db, `subscription:${before.id}`, 'subscription.pause'),
          now: ctx.now().getTime(),
        });
        return transition(input, {
          allowed: ['paused'],
          to: 'active',
          label: '재개',
          action: 'subscription.resume',
          details: {
            ...(written.skipped > 0 ? { skippedPeriods: written.skipped } : {}),
            ...(written.awaitingConfirmation > 0
              ? { awaitingConfirmationPeriods: written.awaitingConfirmation }
              : {}),
          },
        });
      })();
    },

    cancel(input: CancelInput) {
      return db.transaction(() => {
        // A pending period (or one waiting in the catch-up queue) must not be charged after a cancel.
        // Rolled back with the rest if the transition below is refused.
        const skipped = skipOpenPeriods(db, input.id, ctx.now().getTime());
        recordWithdrawal(input, get(input.id), today());
        return transition(input, {
          allowed: ['active', 'paused', 'past_due', 'needs_card'],
          to: 'canceled',
          label: '해지',
          action: 'subscription.cancel',
          details: skipped > 0 ? { skippedPeriods: skipped } : {},
        });
      })();
    },

    cancelAtPeriodEnd(input) {
      return db.transaction(() => {
        const sub = get(input.id);
        if (sub.status === 'canceled') throw illegal(sub, '기간 종료 해지 예약');
        if (sub.cancelAtPeriodEnd) {
          throw new SubscriptionError(
            'ILLEGAL_TRANSITION',
            `구독(번호 ${sub.id})은 이미 이번 기간이 끝나면 해지되도록 예약되어 있습니다.`,
          );
        }
        // Only the flag: the runner ends the subscription instead of charging the next period.
        flagCancelAtPeriodEnd(db, sub.id, ctx.now().getTime());
        const current = periodIndexOn(sub, today());
        recordWithdrawal(input, sub, current === null ? sub.anchorDate : period(sub, current).end);
        audit(ctx, input, 'subscription.cancel_at_period_end', `subscription:${sub.id}`, {
          status: sub.status,
        });
        return get(sub.id);
      })();
    },

    changePrice(input) {
      return db.transaction(() => {
        const sub = get(input.id);
        const price = { amount: input.amount, taxFreeAmount: input.taxFreeAmount ?? sub.taxFreeAmount };
        throwIfInvalid(priceProblems(price));
        if (sub.status === 'canceled') throw illegal(sub, '금액 변경');
        const effectiveFrom = input.effectiveFrom ?? today();
        if (storeDayOf(effectiveFrom, sub.timeZone) === undefined) {
          throwIfInvalid({
            effectiveFrom: {
              code: 'DATE_INVALID',
              message: `적용 시작일이 올바른 날짜가 아닙니다: ${effectiveFrom}`,
            },
          });
        }
        const open = openPriceChange(db, sub.id);
        if (open && open.amount === price.amount && open.taxFreeAmount === price.taxFreeAmount) {
          // The same raise asked again (a second click, the plan saved twice): one pending change.
          return get(sub.id);
        }
        // A newer decision replaces a raise still waiting; the member is asked about the new one.
        supersedeOpenPriceChange(ctx, input, sub.id);
        if (price.amount > sub.amount) {
          // A raise waits for the member's consent (invariant 12); the old price is charged until then.
          recordPriceChange(ctx, input, { subscription: sub, ...price, effectiveFrom });
          return get(sub.id);
        }
        // A decrease or a change of the tax-free part only: no consent needed. Only the
        // subscription's terms change. Periods already in subscription_periods keep the
        // amount they were created with (a period being charged or paid must not move under it);
        // the new price applies to every period created from now on, i.e. from the next period.
        setSubscriptionPrice(db, sub.id, price, ctx.now().getTime());
        audit(ctx, input, 'subscription.price_change', `subscription:${sub.id}`, {
          fromAmount: sub.amount,
          fromTaxFreeAmount: sub.taxFreeAmount,
          amount: price.amount,
          taxFreeAmount: price.taxFreeAmount,
        });
        return get(sub.id);
      })();
    },

    list(input = {}) {
      return listSubscriptions(db, input).map(view);
    },

    get,
  };
}

function view(row: SubscriptionRow): SubscriptionView {
  return { ...row, cancelAtPeriodEnd: row.cancelAtPeriodEnd === 1 };
}
