import { describe, expect, it } from 'vitest';
import { BillingError, type FieldProblem, invalidInput } from '../../electron/core/billing/index.ts';
import { checkMemberFields } from '../../electron/core/billing/member-fields.ts';
import { toIpcError } from '../../electron/core/desk/ipc-error.ts';
import { localizedError } from '../../renderer/i18n/error-messages.ts';
import { enFieldErrors, fieldErrorMessage, koFieldErrors } from '../../renderer/i18n/field-messages.ts';
import { FIELD_CODES, ipcErrorSchema, isFieldCode } from '../../shared/ipc/index.ts';

// A field code outside the closed list does not compile in the core.
// @ts-expect-error 'NOT_A_LISTED_CODE' is not a FieldCode
const unlisted: FieldProblem = { code: 'NOT_A_LISTED_CODE', message: '목록에 없는 코드' };
void unlisted;

describe('field problem codes: one closed list, a message for each in the person’s language', () => {
  it('has an English message of the renderer’s own for every field code, and none for a code not listed', () => {
    expect(Object.keys(enFieldErrors).sort()).toEqual([...FIELD_CODES].sort());
    expect(new Set(FIELD_CODES).size).toBe(FIELD_CODES.length);
    for (const code of Object.keys(koFieldErrors)) expect(isFieldCode(code), code).toBe(true);
    for (const code of FIELD_CODES) expect(enFieldErrors[code], code).toMatch(/^[^가-힣]+$/u);
  });

  it('shows the core’s Korean field words in Korean, and the renderer’s own in English', () => {
    const { problems } = checkMemberFields({ memberNo: '', name: 'x'.repeat(101), phone: '12' });
    const refused = toIpcError(invalidInput(problems)).error;
    expect(localizedError(refused, 'ko').details?.fields).toEqual({
      memberNo: { code: 'MEMBER_NO_REQUIRED', message: '회원번호를 입력해 주세요.' },
      name: { code: 'NAME_TOO_LONG', message: '이름은 100자 이하로 입력해 주세요.' },
      phone: {
        code: 'PHONE_FORMAT',
        message: '전화번호 형식이 올바르지 않습니다. 예: 010-1234-5678, 02-123-4567',
      },
    });
    const english = localizedError(refused, 'en');
    expect(english.message).toBe('Check what you entered.');
    expect(english.details?.fields).toEqual({
      memberNo: { code: 'MEMBER_NO_REQUIRED', message: 'Enter a member number.' },
      name: { code: 'NAME_TOO_LONG', message: 'Keep the name to 100 characters or fewer.' },
      phone: {
        code: 'PHONE_FORMAT',
        message: 'The phone number is not in a Korean format, e.g. 010-1234-5678 or 02-123-4567.',
      },
    });
  });

  it('says the values the core passed along in English, and the plain message without them', () => {
    const over = { code: 'REFUND_EXCEEDS_BALANCE', message: '최대 5,000원까지 환불할 수 있습니다.' } as const;
    const refused = toIpcError(
      new BillingError('REFUND_EXCEEDS_BALANCE', '환불 금액이 큽니다.', {
        fields: { amount: { ...over, params: { max: 5_000 } } },
      }),
    ).error;
    expect(localizedError(refused, 'en').details?.fields?.amount?.message).toBe(
      'At most ₩5,000 can be refunded.',
    );
    expect(localizedError(refused, 'ko').details?.fields?.amount?.message).toBe(over.message);
    expect(fieldErrorMessage(over, 'en')).toBe('The refund is larger than what is left on the charge.');
  });

  it('parses listed field codes in the contract and refuses one not listed', () => {
    const listed = {
      code: 'INVALID_INPUT',
      message: '입력한 내용을 확인해 주세요.',
      details: {
        fields: { note: { code: 'TOO_LONG', message: '메모는 500자 이하로', params: { max: 500 } } },
      },
    };
    expect(ipcErrorSchema.parse(listed)).toEqual(listed);
    const unknown = { ...listed, details: { fields: { note: { code: 'NOT_A_LISTED_CODE', message: '?' } } } };
    expect(ipcErrorSchema.safeParse(unknown).success).toBe(false);
  });
});
