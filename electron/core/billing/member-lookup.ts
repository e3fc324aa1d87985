import type Database from 'better-sqlite3';
import { activeCardOf, findMember, type MemberRow } from '../ledger/index.ts';
import { BillingError } from './billing-error.ts';
import type { MemberView } from './views.ts';

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
