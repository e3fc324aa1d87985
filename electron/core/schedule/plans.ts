import type Database from 'better-sqlite3';
import { type Actor, audit } from '../billing/audit.ts';
import { type FieldProblem, throwIfInvalid } from '../billing/billing-error.ts';
import type { BillingContext } from '../billing/deps.ts';
import type { IntervalUnit } from './schedule-types.ts';
import { SubscriptionError } from './subscription-error.ts';
import { DEFAULT_CHARGE_TIME, intervalProblems, priceProblems, textProblem } from './terms.ts';

export interface CreatePlanInput extends Actor {
  name: string;
  amount: number;
  /** Default 0. */
  taxFreeAmount?: number;
  intervalUnit: IntervalUnit;
  intervalCount: number;
  /** Store-local 'HH:MM'; default '10:00'. */
  chargeTime?: string;
}

export interface PlanView {
  readonly id: number;
  readonly name: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly intervalUnit: IntervalUnit;
  readonly intervalCount: number;
  readonly chargeTime: string;
  readonly active: boolean;
  readonly createdAt: number;
}

export interface PlanService {
  create(input: CreatePlanInput): PlanView;
  /** Active plans, by name: the ones offered when subscribing. */
  list(): PlanView[];
  get(id: number): PlanView;
  /** Hides the plan from new subscriptions; existing subscriptions keep their copied terms. */
  archive(input: { id: number } & Actor): PlanView;
}

interface PlanRow {
  id: number;
  name: string;
  amount: number;
  taxFreeAmount: number;
  intervalUnit: IntervalUnit;
  intervalCount: number;
  chargeTime: string;
  active: 0 | 1;
  createdAt: number;
}

const PLAN_COLUMNS = `id, name, amount, tax_free_amount AS taxFreeAmount, interval_unit AS intervalUnit,
  interval_count AS intervalCount, charge_time AS chargeTime, active, created_at AS createdAt`;

export function findPlan(db: Database.Database, id: number): PlanView | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = db.prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`).get(id) as PlanRow | undefined;
  return row && planView(row);
}

export function planOrThrow(db: Database.Database, id: number): PlanView {
  const plan = findPlan(db, id);
  if (!plan) throw new SubscriptionError('PLAN_NOT_FOUND', `요금제(번호 ${id})를 찾을 수 없습니다.`);
  return plan;
}

export function createPlanService(ctx: BillingContext): PlanService {
  const db = ctx.ledger.db;
  return {
    create(input) {
      const plan = {
        name: typeof input.name === 'string' ? input.name.trim() : input.name,
        amount: input.amount,
        taxFreeAmount: input.taxFreeAmount ?? 0,
        intervalUnit: input.intervalUnit,
        intervalCount: input.intervalCount,
        chargeTime: input.chargeTime ?? DEFAULT_CHARGE_TIME,
      };
      const problems: Record<string, FieldProblem> = {
        ...priceProblems(plan),
        ...intervalProblems(plan),
      };
      const nameProblem = textProblem(plan.name, '요금제 이름');
      if (nameProblem) problems.name = nameProblem;
      throwIfInvalid(problems);
      const id = db.transaction(() => {
        const inserted = db
          .prepare(
            `INSERT INTO plans (name, amount, tax_free_amount, interval_unit, interval_count, charge_time, created_at)
             VALUES (@name, @amount, @taxFreeAmount, @intervalUnit, @intervalCount, @chargeTime, @at)`,
          )
          .run({ ...plan, at: ctx.now().getTime() });
        const planId = Number(inserted.lastInsertRowid);
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
      const rows = db
        .prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE active = 1 ORDER BY name, id`)
        .all() as PlanRow[];
      return rows.map(planView);
    },

    get(id) {
      return planOrThrow(db, id);
    },

    archive(input) {
      return db.transaction(() => {
        const plan = planOrThrow(db, input.id);
        // Archiving twice is harmless (like members): no second audit row for a change that did not happen.
        if (!plan.active) return plan;
        db.prepare('UPDATE plans SET active = 0 WHERE id = ?').run(plan.id);
        audit(ctx, input, 'plan.archive', `plan:${plan.id}`, {});
        return planOrThrow(db, plan.id);
      })();
    },
  };
}

function planView(row: PlanRow): PlanView {
  return { ...row, active: row.active === 1 };
}
