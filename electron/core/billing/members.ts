import {
  archiveMemberRow,
  cardsOf,
  insertMember,
  largestNumericMemberNo,
  type MemberRow,
  memberNoTaken,
  searchMemberRows,
  updateMemberFields,
} from '../ledger/index.ts';
import { type Actor, audit } from './audit.ts';
import { BillingError, throwIfInvalid } from './billing-error.ts';
import type { BillingContext } from './deps.ts';
import { checkMemberFields, type MemberFieldsInput } from './member-fields.ts';
import { memberOrThrow, memberView } from './member-lookup.ts';
import { sealCustomerKey } from './sealed-keys.ts';
import type { MemberDetail, MemberView } from './views.ts';

export interface CreateMemberInput extends Actor {
  name: string;
  /** Chosen by the store; when absent the next free number ('0001', '0002'…) is given. */
  memberNo?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  memo?: string | null | undefined;
}

export interface EditMemberInput extends Actor, MemberFieldsInput {
  id: number;
}

export interface SearchMembersInput {
  /** Matched against name (anywhere), member number (prefix) and phone digits (anywhere). */
  query?: string;
  includeArchived?: boolean;
  /** 1 to 500; default 50. */
  limit?: number;
  /** Rows to skip (default 0), for a long list read a page at a time in name order. */
  offset?: number;
}

export interface MemberService {
  create(input: CreateMemberInput): MemberView;
  edit(input: EditMemberInput): MemberView;
  archive(input: { id: number } & Actor): MemberView;
  search(input?: SearchMembersInput): MemberView[];
  show(id: number): MemberDetail;
}

// Toss allows 2-300 of [A-Za-z0-9-_=.@]; 'cus_' plus 22-60 random URL-safe characters fits.
const CUSTOMER_KEY_PREFIX = 'cus_';

export function createMemberService(ctx: BillingContext): MemberService {
  const db = ctx.ledger.db;

  /** The next number after the largest all-digit member number, at least four digits long. */
  function nextMemberNo(): string {
    return String(largestNumericMemberNo(db) + 1).padStart(4, '0');
  }

  const takenError = (memberNo: string) =>
    new BillingError('MEMBER_NO_TAKEN', `회원번호 ${memberNo}은(는) 이미 다른 회원이 쓰고 있습니다.`, {
      fields: { memberNo: { code: 'MEMBER_NO_TAKEN', message: '이미 쓰고 있는 회원번호입니다.' } },
    });

  return {
    create(input) {
      const { value, problems } = checkMemberFields({
        name: input.name ?? '',
        memberNo: input.memberNo,
        phone: input.phone,
        email: input.email,
        memo: input.memo,
      });
      throwIfInvalid(problems);
      const uid = ctx.randomId();
      // A fresh random value, never derived from the person or a row id (invariant 3, toss-api.md §15.2).
      const customerKey = `${CUSTOMER_KEY_PREFIX}${ctx.randomId()}`;
      const sealed = sealCustomerKey(ctx, uid, customerKey);
      const at = ctx.now().getTime();
      const id = db.transaction(() => {
        const memberNo = value.memberNo ?? nextMemberNo();
        if (memberNoTaken(db, memberNo)) throw takenError(memberNo);
        const memberId = insertMember(db, {
          uid,
          memberNo,
          // Always there: the name was given (input.name ?? '') and checked above.
          name: value.name ?? '',
          phone: value.phone ?? null,
          email: value.email ?? null,
          memo: value.memo ?? null,
          customerKeySealed: sealed,
          at,
        });
        audit(ctx, input, 'member.create', `member:${memberId}`, { memberNo });
        return memberId;
      })();
      ctx.log.info('member created', { memberId: id });
      return memberView(db, memberOrThrow(db, id));
    },

    edit(input) {
      const { value, problems } = checkMemberFields(input);
      throwIfInvalid(problems);
      const changed = db.transaction(() => {
        const member = memberOrThrow(db, input.id);
        if (value.memberNo !== undefined && memberNoTaken(db, value.memberNo, member.id)) {
          throw takenError(value.memberNo);
        }
        const next = { ...pick(member), ...value };
        // Field names only: the audit log need not become a second copy of people's details.
        const fields = (Object.keys(value) as (keyof typeof value)[]).filter(
          (key) => value[key] !== pick(member)[key],
        );
        if (fields.length === 0) return member;
        updateMemberFields(db, member.id, next, ctx.now().getTime());
        audit(ctx, input, 'member.update', `member:${member.id}`, { fields });
        return memberOrThrow(db, member.id);
      })();
      return memberView(db, changed);
    },

    archive(input) {
      const archived = db.transaction(() => {
        const member = memberOrThrow(db, input.id);
        if (member.status === 'archived') return member;
        archiveMemberRow(db, member.id, ctx.now().getTime());
        audit(ctx, input, 'member.archive', `member:${member.id}`, { memberNo: member.memberNo });
        return memberOrThrow(db, member.id);
      })();
      return memberView(db, archived);
    },

    search(input = {}) {
      const limit = input.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        throw new RangeError(`limit must be an integer from 1 to 500, got ${limit}`);
      }
      const offset = input.offset ?? 0;
      if (!Number.isSafeInteger(offset) || offset < 0) {
        throw new RangeError(`offset must be a whole number of 0 or more, got ${offset}`);
      }
      const query = (input.query ?? '').trim();
      const digits = query.replace(/[\s\-()]/g, '');
      const rows = searchMemberRows(db, {
        includeArchived: Boolean(input.includeArchived),
        text: query,
        // Three digits at least, or every member with a 0 in the number would match '0'.
        phoneDigits: /^\d{3,}$/.test(digits) ? digits : null,
        limit,
        offset,
      });
      return rows.map((row) => memberView(db, row));
    },

    show(id) {
      const member = memberOrThrow(db, id);
      return { ...memberView(db, member), cards: cardsOf(db, member.id) };
    },
  };
}

function pick(member: MemberRow) {
  return {
    memberNo: member.memberNo,
    name: member.name,
    phone: member.phone,
    email: member.email,
    memo: member.memo,
  };
}
