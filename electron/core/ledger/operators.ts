import type Database from 'better-sqlite3';
import type { Role } from '../../../shared/ipc/index.ts';
import { statement } from './statement.ts';

/*
 * The operators table's home: every statement that reads or writes operators is here. The rules
 * (PINs, locks, who may change whom) stay in staff; this module only reads and writes rows.
 */

/**
 * The pin_hash of a system operator (the CLI, the scheduler). Real PIN hashes are `scheme$…`
 * strings; this marker starts with '!', which no hash scheme writes, so no PIN can ever match it
 * and nobody can sign in as such an operator.
 */
export const SYSTEM_OPERATOR_PIN_HASH = '!system-operator:no-pin';

/** Operators who are people, active or not: not a system operator. */
const PERSON = `pin_hash <> '${SYSTEM_OPERATOR_PIN_HASH}'`;

/** Operators who are people and may sign in: active, and not a system operator. */
const PEOPLE = `active = 1 AND ${PERSON}`;

export interface OperatorRow {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}

/** What a PIN check needs: the hash and the lock. */
export interface SignInRow extends OperatorRow {
  readonly pinHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
}

/** What the owner's staff screen shows. */
export interface StaffRow extends OperatorRow {
  readonly perChargeCap: number | null;
  readonly dailyCap: number | null;
  readonly active: 0 | 1;
  readonly lockedUntil: number | null;
}

const STAFF_COLUMNS = `id, name, role, per_charge_cap AS perChargeCap, daily_cap AS dailyCap, active,
  locked_until AS lockedUntil`;

/** An active person's row with their PIN hash and lock, for a PIN check. */
export function signInRow(db: Database.Database, operatorId: number): SignInRow | undefined {
  return statement(
    db,
    `SELECT id, name, role, pin_hash AS pinHash, failed_attempts AS failedAttempts,
           locked_until AS lockedUntil
         FROM operators WHERE id = ? AND ${PEOPLE}`,
  ).get(operatorId) as SignInRow | undefined;
}

/** The people who can sign in, by name. */
export function peopleOperators(db: Database.Database): OperatorRow[] {
  return statement(
    db,
    `SELECT id, name, role FROM operators WHERE ${PEOPLE} ORDER BY name`,
  ).all() as OperatorRow[];
}

/** Whether any active person exists. */
export function anyActivePerson(db: Database.Database): boolean {
  return statement(db, `SELECT 1 FROM operators WHERE ${PEOPLE} LIMIT 1`).get() !== undefined;
}

/** Whether an operator was ever made for a person (active or not): a ledger with one holds a store. */
export function anyPersonEver(db: Database.Database): boolean {
  return statement(db, `SELECT EXISTS (SELECT 1 FROM operators WHERE ${PERSON})`).pluck().get() === 1;
}

/** Every person, active or not, active ones first, by name. */
export function staffRows(db: Database.Database): StaffRow[] {
  return statement(
    db,
    `SELECT ${STAFF_COLUMNS} FROM operators WHERE ${PERSON} ORDER BY active DESC, name`,
  ).all() as StaffRow[];
}

/** A person's row (active or not); undefined for a system operator. */
export function staffRow(db: Database.Database, id: number): StaffRow | undefined {
  return statement(db, `SELECT ${STAFF_COLUMNS} FROM operators WHERE id = ? AND ${PERSON}`).get(id) as
    | StaffRow
    | undefined;
}

/** The active operator called `name` (names are unique among active operators), if any. */
export function activeOperatorNamed(
  db: Database.Database,
  name: string,
): { readonly id: number; readonly pinHash: string } | undefined {
  return statement(db, 'SELECT id, pin_hash AS pinHash FROM operators WHERE name = ? AND active = 1').get(
    name,
  ) as { id: number; pinHash: string } | undefined;
}

export interface NewOperator {
  readonly name: string;
  readonly role: Role;
  readonly pinHash: string;
  readonly perChargeCap: number | null;
  readonly dailyCap: number | null;
  readonly createdAt: number;
}

/** Inserts an active operator; returns its id. */
export function insertOperator(db: Database.Database, operator: NewOperator): number {
  return Number(
    statement(
      db,
      'INSERT INTO operators (name, role, pin_hash, per_charge_cap, daily_cap, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      operator.name,
      operator.role,
      operator.pinHash,
      operator.perChargeCap,
      operator.dailyCap,
      operator.createdAt,
    ).lastInsertRowid,
  );
}

export interface OperatorAccess {
  readonly role: Role;
  readonly perChargeCap: number | null;
  readonly dailyCap: number | null;
  readonly active: boolean;
}

export function updateOperatorAccess(db: Database.Database, id: number, access: OperatorAccess): void {
  statement(
    db,
    'UPDATE operators SET role = ?, per_charge_cap = ?, daily_cap = ?, active = ? WHERE id = ?',
  ).run(access.role, access.perChargeCap, access.dailyCap, access.active ? 1 : 0, id);
}

/** A new PIN hash, and the count of wrong PINs and the lock cleared. */
export function resetOperatorPin(db: Database.Database, id: number, pinHash: string): void {
  statement(
    db,
    'UPDATE operators SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?',
  ).run(pinHash, id);
}

/** The same PIN in another hash (the lock is left as it is). */
export function rewritePinHash(db: Database.Database, id: number, pinHash: string): void {
  statement(db, 'UPDATE operators SET pin_hash = ? WHERE id = ?').run(pinHash, id);
}

/** Operators whose PIN hash starts with `prefix`. */
export function pinHashesStartingWith(
  db: Database.Database,
  prefix: string,
): { readonly id: number; readonly pinHash: string }[] {
  return statement(
    db,
    'SELECT id, pin_hash AS pinHash FROM operators WHERE substr(pin_hash, 1, length(@prefix)) = @prefix',
  ).all({ prefix }) as { id: number; pinHash: string }[];
}

export function clearPinFailures(db: Database.Database, id: number): void {
  statement(db, 'UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
}

/** Counts one more wrong PIN in SQL (two at once both count); returns the count. */
export function countPinFailure(db: Database.Database, id: number): number {
  return statement(
    db,
    'UPDATE operators SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
  )
    .pluck()
    .get(id) as number;
}

export function lockOperatorUntil(db: Database.Database, id: number, until: number): void {
  statement(db, 'UPDATE operators SET locked_until = ? WHERE id = ?').run(until, id);
}

/** How many active people other than `exceptId` are owners. */
export function otherOwners(db: Database.Database, exceptId: number): number {
  return statement(db, `SELECT count(*) FROM operators WHERE role = 'owner' AND id <> ? AND ${PEOPLE}`)
    .pluck()
    .get(exceptId) as number;
}

/** An operator's role and caps (active or not); caps in won, null for none. */
export function operatorCaps(
  db: Database.Database,
  operatorId: number,
):
  | { readonly role: Role; readonly perChargeCap: number | null; readonly dailyCap: number | null }
  | undefined {
  return statement(
    db,
    'SELECT role, per_charge_cap AS perChargeCap, daily_cap AS dailyCap FROM operators WHERE id = ?',
  ).get(operatorId) as { role: Role; perChargeCap: number | null; dailyCap: number | null } | undefined;
}

/** Whether the operator exists and is active. */
export function operatorActive(db: Database.Database, operatorId: number): boolean {
  return statement(db, 'SELECT active FROM operators WHERE id = ?').pluck().get(operatorId) === 1;
}

/** The role of an active operator; undefined for one that is inactive or unknown. */
export function activeOperatorRole(db: Database.Database, operatorId: number): Role | undefined {
  return statement(db, 'SELECT role FROM operators WHERE id = ? AND active = 1').pluck().get(operatorId) as
    | Role
    | undefined;
}
