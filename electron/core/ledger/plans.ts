import type Database from 'better-sqlite3';
import type { IntervalUnit } from './schedule-columns.ts';
import { statement } from './statement.ts';

/** The plans table: templates whose terms a subscription copies (schema-v1). */

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

/** The terms of a plan a subscription copies. */
type PlanTerms = Omit<PlanView, 'id' | 'active' | 'createdAt'>;

type PlanRow = Omit<PlanView, 'active'> & { readonly active: 0 | 1 };

const PLAN_COLUMNS = `id, name, amount, tax_free_amount AS taxFreeAmount, interval_unit AS intervalUnit,
  interval_count AS intervalCount, charge_time AS chargeTime, active, created_at AS createdAt`;

export function findPlan(db: Database.Database, id: number): PlanView | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = statement(db, `SELECT ${PLAN_COLUMNS} FROM plans WHERE id = ?`).get(id) as PlanRow | undefined;
  return row && planView(row);
}

/** Active plans, by name. */
export function activePlans(db: Database.Database): PlanView[] {
  const rows = statement(
    db,
    `SELECT ${PLAN_COLUMNS} FROM plans WHERE active = 1 ORDER BY name, id`,
  ).all() as PlanRow[];
  return rows.map(planView);
}

/** Writes a new active plan; answers its id. */
export function insertPlan(db: Database.Database, plan: PlanTerms, at: number): number {
  const inserted = statement(
    db,
    `INSERT INTO plans (name, amount, tax_free_amount, interval_unit, interval_count, charge_time, created_at)
     VALUES (@name, @amount, @taxFreeAmount, @intervalUnit, @intervalCount, @chargeTime, @at)`,
  ).run({ ...plan, at });
  return Number(inserted.lastInsertRowid);
}

/** Writes a plan's name, price and charge time (its interval never changes). */
export function updatePlanTerms(db: Database.Database, id: number, terms: PlanTerms): void {
  statement(
    db,
    `UPDATE plans SET name = @name, amount = @amount, tax_free_amount = @taxFreeAmount,
       charge_time = @chargeTime WHERE id = @id`,
  ).run({ ...terms, id });
}

/** Hides the plan from new subscriptions. */
export function archivePlan(db: Database.Database, id: number): void {
  statement(db, 'UPDATE plans SET active = 0 WHERE id = ?').run(id);
}

function planView(row: PlanRow): PlanView {
  return { ...row, active: row.active === 1 };
}
