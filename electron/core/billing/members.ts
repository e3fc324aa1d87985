import { type Actor, audit } from './audit.ts';
import { BillingError, throwIfInvalid } from './billing-error.ts';
import { cardsOf } from './card-rows.ts';
import type { BillingContext } from './deps.ts';
import { checkMemberFields, type MemberFieldsInput } from './member-fields.ts';
import { MEMBER_COLUMNS, type MemberRow, memberOrThrow, memberView } from './member-rows.ts';
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
    const max = db
      .prepare(
        `SELECT coalesce(max(CAST(member_no AS INTEGER)), 0) FROM members
         WHERE member_no NOT GLOB '*[^0-9]*' AND length(member_no) <= 15`,
      )
      .pluck()
      .get() as number;
    return String(max + 1).padStart(4, '0');
  }

  function memberNoTaken(memberNo: string, exceptId?: number): boolean {
    return (
      db
        .prepare('SELECT 1 FROM members WHERE member_no = ? AND id IS NOT ?')
        .pluck()
        .get(memberNo, exceptId) !== undefined
    );
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
        if (memberNoTaken(memberNo)) throw takenError(memberNo);
        const inserted = db
          .prepare(
            `INSERT INTO members (uid, member_no, name, phone, email, memo, customer_key_sealed, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            uid,
            memberNo,
            value.name,
            value.phone ?? null,
            value.email ?? null,
            value.memo ?? null,
            sealed,
            at,
            at,
          );
        const memberId = Number(inserted.lastInsertRowid);
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
        if (value.memberNo !== undefined && memberNoTaken(value.memberNo, member.id)) {
          throw takenError(value.memberNo);
        }
        const next = { ...pick(member), ...value };
        // Field names only: the audit log need not become a second copy of people's details.
        const fields = (Object.keys(value) as (keyof typeof value)[]).filter(
          (key) => value[key] !== pick(member)[key],
        );
        if (fields.length === 0) return member;
        db.prepare(
          `UPDATE members SET member_no = @memberNo, name = @name, phone = @phone, email = @email,
             memo = @memo, updated_at = @at WHERE id = @id`,
        ).run({ ...next, at: ctx.now().getTime(), id: member.id });
        audit(ctx, input, 'member.update', `member:${member.id}`, { fields });
        return memberOrThrow(db, member.id);
      })();
      return memberView(db, changed);
    },

    archive(input) {
      const archived = db.transaction(() => {
        const member = memberOrThrow(db, input.id);
        if (member.status === 'archived') return member;
        db.prepare("UPDATE members SET status = 'archived', updated_at = ? WHERE id = ?").run(
          ctx.now().getTime(),
          member.id,
        );
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
      const where: string[] = [];
      if (!input.includeArchived) where.push("status = 'active'");
      if (query !== '') {
        const alternatives = ["name LIKE @anywhere ESCAPE '\\'", "member_no LIKE @prefix ESCAPE '\\'"];
        // Three digits at least, or every member with a 0 in the number would match '0'.
        if (/^\d{3,}$/.test(digits)) alternatives.push('phone LIKE @phone');
        where.push(`(${alternatives.join(' OR ')})`);
      }
      const escaped = query.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      const rows = db
        .prepare(
          `SELECT ${MEMBER_COLUMNS} FROM members ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY member_no = @exact DESC, name, id LIMIT @limit OFFSET @offset`,
        )
        .all({
          anywhere: `%${escaped}%`,
          prefix: `${escaped}%`,
          phone: `%${digits}%`,
          // An exact member number comes first, whatever page size: a picker may take it at once.
          exact: query,
          limit,
          offset,
        }) as MemberRow[];
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
