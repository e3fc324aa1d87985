import type Database from 'better-sqlite3';
import { statement } from '../ledger/index.ts';
import { BillingError } from './billing-error.ts';
import { activeCardOf } from './card-rows.ts';
import type { MemberStatus, MemberView } from './views.ts';

/** A members row as the services need it; customerKeySealed never leaves this module's callers. */
export interface MemberRow {
  readonly id: number;
  readonly uid: string;
  readonly memberNo: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly memo: string | null;
  readonly status: MemberStatus;
  readonly customerKeySealed: Buffer;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const MEMBER_COLUMNS = `id, uid, member_no AS memberNo, name, phone, email, memo, status,
  customer_key_sealed AS customerKeySealed, created_at AS createdAt, updated_at AS updatedAt`;

export function findMember(db: Database.Database, id: number): MemberRow | undefined {
  return statement(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = ?`).get(id) as MemberRow | undefined;
}

export function memberOrThrow(db: Database.Database, id: number): MemberRow {
  const member = Number.isSafeInteger(id) ? findMember(db, id) : undefined;
  if (!member) throw new BillingError('MEMBER_NOT_FOUND', `회원(번호 ${id})을 찾을 수 없습니다.`);
  return member;
}

export function activeMemberOrThrow(db: Database.Database, id: number): MemberRow {
  const member = memberOrThrow(db, id);
  if (member.status !== 'active') {
    throw new BillingError('MEMBER_ARCHIVED', `보관 처리된 회원입니다: ${member.name} (${member.memberNo})`);
  }
  return member;
}

export function memberView(db: Database.Database, row: MemberRow): MemberView {
  return {
    id: row.id,
    uid: row.uid,
    memberNo: row.memberNo,
    name: row.name,
    phone: row.phone,
    email: row.email,
    memo: row.memo,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    card: activeCardOf(db, row.id) ?? null,
  };
}
