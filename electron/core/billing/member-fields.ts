import { z } from 'zod';
import type { FieldCode } from '../../../shared/ipc/index.ts';
import type { FieldProblem } from './billing-error.ts';

/** What staff type into the member form. Absent means "leave as is" on edit; null or '' clears. */
export interface MemberFieldsInput {
  memberNo?: string | undefined;
  name?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  memo?: string | null | undefined;
}

export interface MemberFields {
  memberNo?: string;
  name?: string;
  phone?: string | null;
  email?: string | null;
  memo?: string | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

/** An ASCII or full-width (０-９) digit as ASCII; undefined for anything else. */
function asciiDigit(ch: string): string | undefined {
  if (/^[0-9]$/.test(ch)) return ch;
  if (/^[０-９]$/u.test(ch)) return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30);
  return undefined;
}

const problem = (code: FieldCode, message: string): { ok: false; problem: FieldProblem } => ({
  ok: false,
  problem: { code, message },
});

// Control characters (line breaks included) have no place in a name or a member number.
const CONTROL = /\p{Cc}/u;

export function checkName(input: string): Checked<string> {
  const name = input.trim();
  if (name === '') return problem('NAME_REQUIRED', '이름을 입력해 주세요.');
  if (name.length > 100) return problem('NAME_TOO_LONG', '이름은 100자 이하로 입력해 주세요.');
  if (CONTROL.test(name)) return problem('NAME_CHARACTERS', '이름에 줄바꿈이나 제어 문자는 쓸 수 없습니다.');
  return { ok: true, value: name };
}

export function checkMemberNo(input: string): Checked<string> {
  const memberNo = input.trim();
  if (memberNo === '') return problem('MEMBER_NO_REQUIRED', '회원번호를 입력해 주세요.');
  if (memberNo.length > 32) return problem('MEMBER_NO_TOO_LONG', '회원번호는 32자 이하로 입력해 주세요.');
  if (CONTROL.test(memberNo) || /\s/u.test(memberNo)) {
    return problem('MEMBER_NO_CHARACTERS', '회원번호에는 띄어쓰기나 제어 문자를 쓸 수 없습니다.');
  }
  return { ok: true, value: memberNo };
}

// Korean numbers, without separators: mobile 010 (and the old 011/016-019), Seoul 02, the regional
// area codes, 070 internet phones, 050x personal numbers and 15xx/16xx/18xx representative numbers.
const PHONE_PATTERNS = [
  /^01[016789]\d{7,8}$/,
  /^02\d{7,8}$/,
  /^0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])\d{7,8}$/,
  /^070\d{8}$/,
  /^050\d{8,9}$/,
  /^1[5-9]\d{6}$/,
];

/**
 * A phone number as typed ('010-1234-5678', '(02) 123 4567', '+82 10 1234 5678', full-width
 * digits) reduced to its digits, which is how it is stored and searched.
 */
export function normalizePhone(input: string): Checked<string> {
  let text = input.trim();
  if (text.startsWith('+82')) text = `0${text.slice(3).replace(/^[\s\-()]*0?/u, '')}`;
  let digits = '';
  for (const ch of text) {
    const digit = asciiDigit(ch);
    if (digit !== undefined) digits += digit;
    else if (!/[\s\-().·‐‑–—－]/u.test(ch)) {
      return problem('PHONE_CHARACTERS', '전화번호에는 숫자와 하이픈(-)만 입력해 주세요.');
    }
  }
  if (!PHONE_PATTERNS.some((pattern) => pattern.test(digits))) {
    return problem('PHONE_FORMAT', '전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678, 02-123-4567');
  }
  return { ok: true, value: digits };
}

// The Toss client checks customerEmail with zod's email rule: the same rule here keeps an address
// that Toss would refuse from being saved and failing every charge later.
const EMAIL = z.email().max(100);

export function checkEmail(input: string): Checked<string> {
  const email = input.trim();
  if (email.length > 100) return problem('EMAIL_TOO_LONG', '이메일은 100자 이하로 입력해 주세요.');
  if (!EMAIL.safeParse(email).success) {
    return problem('EMAIL_FORMAT', '이메일 주소 형식이 올바르지 않습니다. 예: name@example.com');
  }
  return { ok: true, value: email };
}

export function checkMemo(input: string): Checked<string> {
  const memo = input.trim();
  if (memo.length > 2000) return problem('MEMO_TOO_LONG', '메모는 2,000자 이하로 입력해 주세요.');
  return { ok: true, value: memo };
}

/**
 * Checks every given field at once and returns the normalised values and the problems by field.
 * A blank optional field becomes null, so clearing a phone number is typing nothing.
 */
export function checkMemberFields(input: MemberFieldsInput): {
  value: MemberFields;
  problems: Record<string, FieldProblem>;
} {
  const value: MemberFields = {};
  const problems: Record<string, FieldProblem> = {};
  const take = <K extends keyof MemberFields>(
    key: K,
    checked: Checked<string>,
    assign: (v: string) => MemberFields[K],
  ) => {
    if (checked.ok) value[key] = assign(checked.value);
    else problems[key] = checked.problem;
  };
  if (input.memberNo !== undefined) take('memberNo', checkMemberNo(input.memberNo), (v) => v);
  if (input.name !== undefined) take('name', checkName(input.name), (v) => v);
  for (const key of ['phone', 'email', 'memo'] as const) {
    const raw = input[key];
    if (raw === undefined) continue;
    if (raw === null || raw.trim() === '') {
      value[key] = null;
      continue;
    }
    const check = key === 'phone' ? normalizePhone : key === 'email' ? checkEmail : checkMemo;
    take(key, check(raw), (v) => v);
  }
  return { value, problems };
}
