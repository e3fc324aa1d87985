// Every message a card field can show, keyed by a stable code. The UI looks the code up next to
// the field; other layers match on the code, never on the Korean text.
export const cardFieldErrorMessages = {
  CARD_NUMBER_REQUIRED: '카드번호를 입력해 주세요.',
  CARD_NUMBER_CHARACTERS: '카드번호에는 숫자만 입력해 주세요. 띄어쓰기와 하이픈(-)은 괜찮습니다.',
  CARD_NUMBER_LENGTH: '카드번호는 14~19자리 숫자여야 합니다.',
  CARD_NUMBER_BIN: '카드번호 앞 6자리를 다시 확인해 주세요.',
  CARD_NUMBER_LUHN: '카드번호가 올바르지 않습니다. 번호를 다시 확인해 주세요.',
  CARD_READ_FAILED: '카드를 읽지 못했습니다. 카드를 다시 긁거나 카드번호를 직접 입력해 주세요.',
  EXPIRY_REQUIRED: '카드 유효기간을 입력해 주세요.',
  EXPIRY_FORMAT: '유효기간은 MM/YY 형식으로 입력해 주세요. (예: 12/30)',
  EXPIRY_MONTH: '유효기간의 월은 01~12 사이의 숫자여야 합니다.',
  EXPIRY_YEAR: '유효기간의 연도는 2자리(YY)로 입력해 주세요.',
  EXPIRY_PAST: '유효기간이 지난 카드입니다. 카드에 적힌 유효기간을 확인해 주세요.',
  IDENTITY_REQUIRED: '생년월일 6자리 또는 사업자등록번호 10자리를 입력해 주세요.',
  IDENTITY_CHARACTERS: '생년월일 또는 사업자등록번호에는 숫자만 입력해 주세요.',
  IDENTITY_LENGTH: '생년월일 6자리(YYMMDD) 또는 사업자등록번호 10자리를 입력해 주세요.',
  IDENTITY_RESIDENT_NUMBER: '주민등록번호 전체가 아닌 생년월일 6자리(YYMMDD)만 입력해 주세요.',
  BIRTH_DATE_INVALID: '생년월일이 올바른 날짜가 아닙니다. YYMMDD 형식으로 입력해 주세요.',
  BIRTH_DATE_FUTURE: '생년월일이 오늘 이후 날짜입니다. 다시 확인해 주세요.',
  BUSINESS_NUMBER_CHECKSUM: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요.',
  PASSWORD_REQUIRED: '카드 비밀번호 앞 2자리를 입력해 주세요.',
  PASSWORD_CHARACTERS: '카드 비밀번호에는 숫자만 입력해 주세요.',
  PASSWORD_LENGTH: '카드 비밀번호는 앞 2자리만 입력해 주세요.',
} as const satisfies Record<string, string>;

export type CardFieldErrorCode = keyof typeof cardFieldErrorMessages;

export type CardFieldError = { code: CardFieldErrorCode; message: string };

export type CardFieldFailure = { ok: false } & CardFieldError;

export type Check<T> = { ok: true; value: T } | CardFieldFailure;

export function fail(code: CardFieldErrorCode): CardFieldFailure {
  return { ok: false, code, message: cardFieldErrorMessages[code] };
}
