import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/*
 * The members table's home (with cards.ts, the family of a member and their cards): every
 * statement that reads or writes members is here, behind named functions. Rules (what a member
 * number looks like, who may archive) stay in the billing services; this module only reads and
 * writes rows.
 */

export type MemberStatus = 'active' | 'archived';

/** What staff may edit about a member. */
export interface MemberFields {
  readonly memberNo: string;
  readonly name: string;
  /** Digits only, e.g. 01012345678. */
  readonly phone: string | null;
  readonly email: string | null;
  readonly memo: string | null;
}

/** A members row as the services need it; customerKeySealed never leaves this module's callers. */
export interface MemberRow extends MemberFields {
  readonly id: number;
  readonly uid: string;
  readonly status: MemberStatus;
  readonly customerKeySealed: Buffer;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const MEMBER_COLUMNS = `id, uid, member_no AS memberNo, name, phone, email, memo, status,
  customer_key_sealed AS customerKeySealed, created_at AS createdAt, updated_at AS updatedAt`;

export function findMember(db: Database.Database, id: number): MemberRow | undefined {
  return statement(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`).get(id) as MemberRow | undefined;
}

/** The largest member number made only of digits (at most 15 of them), or 0 when there is none. */
export function largestNumericMemberNo(db: Database.Database): number {
  return statement(
    db,
    `SELECT coalesce(max(CAST(member_no AS INTEGER)), 0) FROM members
         WHERE member_no NOT GLOB '*[^0-9]*' AND length(member_no) <= 15`,
  )
    .pluck()
    .get() as number;
}

/** Whether a member other than `exceptId` has this number. */
export function memberNoTaken(db: Database.Database, memberNo: string, exceptId?: number): boolean {
  return (
    statement(db, 'SELECT 1 FROM members WHERE member_no = ? AND id IS NOT ?')
      .pluck()
      .get(memberNo, exceptId) !== undefined
  );
}

export interface NewMember extends MemberFields {
  readonly uid: string;
  readonly customerKeySealed: Buffer;
  readonly at: number;
}

/** Inserts an active member; returns its id. */
export function insertMember(db: Database.Database, member: NewMember): number {
  const inserted = statement(
    db,
    `INSERT INTO members (uid, member_no, name, phone, email, memo, customer_key_sealed, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    member.uid,
    member.memberNo,
    member.name,
    member.phone,
    member.email,
    member.memo,
    member.customerKeySealed,
    member.at,
    member.at,
  );
  return Number(inserted.lastInsertRowid);
}

export function updateMemberFields(
  db: Database.Database,
  id: number,
  fields: MemberFields,
  at: number,
): void {
  statement(
    db,
    `UPDATE members SET member_no = @memberNo, name = @name, phone = @phone, email = @email,
             memo = @memo, updated_at = @at WHERE id = @id`,
  ).run({
    memberNo: fields.memberNo,
    name: fields.name,
    phone: fields.phone,
    email: fields.email,
    memo: fields.memo,
    at,
    id,
  });
}

export function archiveMemberRow(db: Database.Database, id: number, at: number): void {
  statement(db, "UPDATE members SET status = 'archived', updated_at = ? WHERE id = ?").run(at, id);
}

export interface MemberSearch {
  readonly includeArchived: boolean;
  /** Trimmed; matched against name (anywhere) and member number (prefix). '' matches everyone. */
  readonly text: string;
  /** Matched against phone numbers (anywhere) too, when given. */
  readonly phoneDigits: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** Members in name order, a member whose number is exactly `text` first. */
export function searchMemberRows(db: Database.Database, search: MemberSearch): MemberRow[] {
  const where: string[] = [];
  if (!search.includeArchived) where.push("status = 'active'");
  if (search.text !== '') {
    const alternatives = ["name LIKE @anywhere ESCAPE '\\'", "member_no LIKE @prefix ESCAPE '\\'"];
    if (search.phoneDigits !== null) alternatives.push('phone LIKE @phone');
    where.push(`(${alternatives.join(' OR ')})`);
  }
  const escaped = search.text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  // At most four texts (archived or not, phone or not), so each is compiled once.
  return statement(
    db,
    `SELECT ${MEMBER_COLUMNS} FROM members ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY member_no = @exact DESC, name, id LIMIT @limit OFFSET @offset`,
  ).all({
    anywhere: `%${escaped}%`,
    prefix: `${escaped}%`,
    phone: `%${search.phoneDigits ?? ''}%`,
    // An exact member number comes first, whatever page size: a picker may take it at once.
    exact: search.text,
    limit: search.limit,
    offset: search.offset,
  }) as MemberRow[];
}

/** A member with their active card's key (nulls without a card): what a scheduled charge is made with. */
export interface ChargingMemberRow {
  readonly memberUid: string;
  readonly memberStatus: string;
  readonly memberName: string;
  readonly memberEmail: string | null;
  readonly customerKeySealed: Buffer;
  readonly cardId: number | null;
  readonly cardUid: string | null;
  readonly billingKeySealed: Buffer | null;
}

// Scalar subqueries rather than a join: with the SQLite that better-sqlite3 bundles, each join
// costs a step 5–25 µs more than the same row read through a subquery (bench/PROFILING.md), and a
// due run reads this once per charge.
const CHARGING_MEMBER_SQL = `
  SELECT m.uid AS memberUid, m.status AS memberStatus, m.name AS memberName, m.email AS memberEmail,
    m.customer_key_sealed AS customerKeySealed,
    (SELECT id FROM cards WHERE member_id = m.id AND status = 'active') AS cardId,
    (SELECT uid FROM cards WHERE member_id = m.id AND status = 'active') AS cardUid,
    (SELECT billing_key_sealed FROM cards WHERE member_id = m.id AND status = 'active') AS billingKeySealed
  FROM members AS m WHERE m.id = ?`;

export function chargingMember(db: Database.Database, memberId: number): ChargingMemberRow | undefined {
  return statement(db, CHARGING_MEMBER_SQL).get(memberId) as ChargingMemberRow | undefined;
}

/** Every member's sealed customer key, with the uid it is sealed to. */
export function memberCustomerKeys(
  db: Database.Database,
): { readonly id: number; readonly uid: string; readonly customerKeySealed: Buffer }[] {
  return statement(db, 'SELECT id, uid, customer_key_sealed AS customerKeySealed FROM members').all() as {
    id: number;
    uid: string;
    customerKeySealed: Buffer;
  }[];
}

export function memberCount(db: Database.Database): number {
  return statement(db, 'SELECT count(*) FROM members').pluck().get() as number;
}

export function anyMember(db: Database.Database): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM members)').pluck().get() === 1;
}

/** Whether any member or card row exists: each holds a value sealed with the ledger's data key. */
export function anyMemberOrCard(db: Database.Database): boolean {
  return (
    statement(db, 'SELECT EXISTS (SELECT 1 FROM members) OR EXISTS (SELECT 1 FROM cards)').pluck().get() === 1
  );
}
