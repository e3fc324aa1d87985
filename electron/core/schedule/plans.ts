import {
  type Actor,
  audit,
  type BillingContext,
  type FieldProblem,
  throwIfInvalid,
} from '../billing/index.ts';
import {
  activePlans,
  archivePlan,
  findPlan,
  insertPlan,
  type PlanView,
  readSetting,
  subscriptionsAtPlanPrice,
  updatePlanTerms,
} from '../ledger/index.ts';
import type { IntervalUnit } from './schedule-types.ts';
import { DEFAULT_RUN_TIME } from './store-time.ts';
import { SubscriptionError } from './subscription-error.ts';
import { createSubscriptionService } from './subscriptions.ts';
import { intervalProblems, priceProblems, textProblem } from './terms.ts';

export interface CreatePlanInput extends Actor {
  name: string;
  amount: number;
  /** Default 0. */
  taxFreeAmount?: number;
  intervalUnit: IntervalUnit;
  intervalCount: number;
  /** Store-local 'HH:MM'; default: the store's default run time ('10:00' unless changed). */
  chargeTime?: string;
}

/**
 * What may change on a plan; an absent field keeps its value. The interval is not here: a new
 * cadence under a name members already know is a new plan.
 */
export interface UpdatePlanInput extends Actor {
  id: number;
  name?: string;
  amount?: number;
  taxFreeAmount?: number;
  chargeTime?: string;
  /**
   * Also give the plan's subscriptions still at its old price (active, paused, past due or waiting
   * for a card) the new price, from their next period, as their own price change would. Without it
   * they keep the terms they copied. A raise waits per subscription for the member's consent
   * (invariant 12): until it is recorded the old price is charged.
   */
  applyToSubscriptions?: boolean;
  /** With a raise applied to subscriptions: the earliest period start at the new price. Default: today. */
  effectiveFrom?: string;
}

export interface PlanUpdateView {
  readonly plan: PlanView;
  /** Subscriptions given the new price (0 unless asked for and the price changed). */
  readonly subscriptionsChanged: number;
  /** Of those, the ones whose raise waits for the member's consent (the old price is charged until then). */
  readonly subscriptionsAwaitingConsent: number;
}

export interface PlanService {
  create(input: CreatePlanInput): PlanView;
  /** Active plans, by name: the ones offered when subscribing. */
  list(): PlanView[];
  get(id: number): PlanView;
  /** Changes an active plan's name, price or charge time; subscriptions keep their copied terms unless asked. */
  update(input: UpdatePlanInput): PlanUpdateView;
  /** Hides the plan from new subscriptions; existing subscriptions keep their copied terms. */
  archive(input: { id: number } & Actor): PlanView;
}

type PlanTerms = Omit<PlanView, 'id' | 'active' | 'createdAt'>;

const EDITABLE = ['name', 'amount', 'taxFreeAmount', 'chargeTime'] as const;

/** Create's and update's one check of a plan's terms, per field. */
function planProblems(plan: PlanTerms): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = { ...priceProblems(plan), ...intervalProblems(plan) };
  const nameProblem = textProblem(plan.name, '요금제 이름');
  if (nameProblem) problems.name = nameProblem;
  return problems;
}

function planOrThrow(db: BillingContext['ledger']['db'], id: number): PlanView {
  const plan = findPlan(db, id);
  if (!plan) throw new SubscriptionError('PLAN_NOT_FOUND', `요금제(번호 ${id})를 찾을 수 없습니다.`);
  return plan;
}

/** Trimmed as stored; a non-string (from a loose caller) is left for textProblem to refuse. */
function trimmed(name: string): string {
  return typeof name === 'string' ? name.trim() : name;
}

export function createPlanService(ctx: BillingContext): PlanService {
  const db = ctx.ledger.db;
  const subscriptions = createSubscriptionService(ctx);
  return {
    create(input) {
      const plan = {
        name: trimmed(input.name),
        amount: input.amount,
        taxFreeAmount: input.taxFreeAmount ?? 0,
        intervalUnit: input.intervalUnit,
        intervalCount: input.intervalCount,
        chargeTime: input.chargeTime ?? readSetting(db, DEFAULT_RUN_TIME),
      };
      throwIfInvalid(planProblems(plan));
      const id = db.transaction(() => {
        const planId = insertPlan(db, plan, ctx.now().getTime());
        audit(ctx, input, 'plan.create', `plan:${planId}`, {
          amount: plan.amount,
          taxFreeAmount: plan.taxFreeAmount,
          intervalUnit: plan.intervalUnit,
          intervalCount: plan.intervalCount,
          chargeTime: plan.chargeTime,
        });
        return planId;
      })();
      return planOrThrow(db, id);
    },

    list() {
      return activePlans(db);
    },

    get(id) {
      return planOrThrow(db, id);
    },

    update(input) {
      // One transaction: the plan, its audit row and every subscription's price change commit
      // together, so a failure part-way leaves no member repriced under a plan that was not.
      return db.transaction(() => {
        const before = planOrThrow(db, input.id);
        if (!before.active) {
          throw new SubscriptionError(
            'PLAN_ARCHIVED',
            `보관 처리된 요금제(${before.name})는 수정할 수 없습니다. 새 요금제를 만들어 주세요.`,
          );
        }
        const after: PlanTerms = {
          ...before,
          name: input.name === undefined ? before.name : trimmed(input.name),
          amount: input.amount ?? before.amount,
          taxFreeAmount: input.taxFreeAmount ?? before.taxFreeAmount,
          chargeTime: input.chargeTime ?? before.chargeTime,
        };
        throwIfInvalid(planProblems(after));
        const changed = EDITABLE.filter((field) => after[field] !== before[field]);
        // Saving an unchanged form is harmless: no audit row for a change that did not happen.
        if (changed.length === 0)
          return { plan: before, subscriptionsChanged: 0, subscriptionsAwaitingConsent: 0 };

        const priceChanged = changed.includes('amount') || changed.includes('taxFreeAmount');
        // Only subscriptions still at the plan's old price follow it: one priced on its own (a
        // member's discount) keeps its price. Canceled subscriptions are over; a needs_card one
        // charges again at the new price once the member brings a card.
        const repriced =
          input.applyToSubscriptions && priceChanged ? subscriptionsAtPlanPrice(db, before) : [];

        updatePlanTerms(db, before.id, after);
        audit(ctx, input, 'plan.update', `plan:${before.id}`, {
          from: Object.fromEntries(changed.map((field) => [field, before[field]])),
          to: Object.fromEntries(changed.map((field) => [field, after[field]])),
          subscriptionsChanged: repriced.length,
        });
        for (const id of repriced) {
          subscriptions.changePrice({
            actor: input.actor,
            operatorId: input.operatorId,
            id,
            amount: after.amount,
            taxFreeAmount: after.taxFreeAmount,
            ...(input.effectiveFrom === undefined ? {} : { effectiveFrom: input.effectiveFrom }),
          });
        }
        return {
          plan: planOrThrow(db, before.id),
          subscriptionsChanged: repriced.length,
          subscriptionsAwaitingConsent: after.amount > before.amount ? repriced.length : 0,
        };
      })();
    },

    archive(input) {
      return db.transaction(() => {
        const plan = planOrThrow(db, input.id);
        // Archiving twice is harmless (like members): no second audit row for a change that did not happen.
        if (!plan.active) return plan;
        archivePlan(db, plan.id);
        audit(ctx, input, 'plan.archive', `plan:${plan.id}`, {});
        return planOrThrow(db, plan.id);
      })();
    },
  };
}
