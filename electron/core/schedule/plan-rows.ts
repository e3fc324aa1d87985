import type Database from 'better-sqlite3';
import type { IntervalUnit } from './schedule-types.ts';
import { SubscriptionError } from './subscription-error.ts';

/*
 * Reads of the plans table, apart from the plan service: subscriptions.ts reads plans and plans.ts
 * reprices subscriptions, and this way neither module imports the other.
 */

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

/** A plan as the services and the screens read it. */
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

/** Active plans, by name. */
export function activePlans(db: Database.Database): PlanView[] {
  const rows = db
    .prepare(`SELECT ${PLAN_COLUMNS} FROM plans WHERE active = 1 ORDER BY name, id`)
    .all() as PlanRow[];
  return rows.map(planView);
}

function planView(row: PlanRow): PlanView {
  return { ...row, active: row.active === 1 };
}
