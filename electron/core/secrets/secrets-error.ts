export type SecretsErrorCode =
  | 'TOSS_KEY_IS_CLIENT_KEY'
  | 'TOSS_KEY_IS_WIDGET_CLIENT_KEY'
  | 'TOSS_KEY_IS_WIDGET_SECRET_KEY'
  | 'TOSS_KEY_MALFORMED'
  | 'TOSS_KEY_NOT_CONFIGURED'
  | 'TOSS_KEY_STORED_MALFORMED'
  | 'LEDGER_DATA_KEY_CORRUPT'
  | 'LEDGER_DATA_KEY_MISSING';

const USE_INSTEAD =
  '토스페이먼츠 개발자센터의 API 개별 연동 키 중 시크릿 키(test_sk_ 또는 live_sk_로 시작)를 입력해 주세요.';

// No message repeats the key it is about: messages reach screens and logs, keys must not.
const MESSAGES: Record<SecretsErrorCode, string> = {
  TOSS_KEY_IS_CLIENT_KEY: `입력한 키는 클라이언트 키(test_ck_/live_ck_)로, 브라우저 결제창용이라 자동결제에 쓸 수 없습니다. ${USE_INSTEAD}`,
  TOSS_KEY_IS_WIDGET_CLIENT_KEY: `입력한 키는 결제위젯 연동 키의 클라이언트 키(test_gck_/live_gck_)로, 자동결제에 쓸 수 없습니다. ${USE_INSTEAD}`,
  TOSS_KEY_IS_WIDGET_SECRET_KEY: `입력한 키는 결제위젯 연동 키의 시크릿 키(test_gsk_/live_gsk_)로, 자동결제에 쓸 수 없습니다. ${USE_INSTEAD}`,
  TOSS_KEY_MALFORMED: `시크릿 키 형식이 올바르지 않습니다. 공백이나 다른 글자 없이 그대로 붙여 넣어 주세요. ${USE_INSTEAD}`,
  TOSS_KEY_NOT_CONFIGURED:
    '토스페이먼츠 시크릿 키가 설정되지 않았습니다. 설정 화면에서 API 개별 연동 키의 시크릿 키를 입력해 주세요.',
  TOSS_KEY_STORED_MALFORMED:
    '키체인에 저장된 토스페이먼츠 시크릿 키가 올바른 형식이 아닙니다. 설정 화면에서 시크릿 키를 다시 입력해 주세요.',
  LEDGER_DATA_KEY_CORRUPT:
    '키체인에 저장된 장부 암호화 키가 손상되었습니다. 새 키를 만들면 저장된 빌링키를 모두 쓸 수 없게 되므로 앱을 멈췄습니다. ' +
    '키체인을 백업에서 복원하거나 관리자에게 문의해 주세요.',
  LEDGER_DATA_KEY_MISSING:
    '장부에 암호화된 카드 정보가 있는데 키체인에서 장부 암호화 키를 찾지 못했습니다. 키체인이 잠겨 있으면 잠금을 해제한 뒤 ' +
    '다시 시도해 주세요. 새 키를 만들면 저장된 카드를 모두 쓸 수 없게 되므로 만들지 않았습니다.',
};

/** Refusals and failures of Secrets that staff can act on: a stable code and a Korean message. */
export class SecretsError extends Error {
  override readonly name = 'SecretsError';
  readonly code: SecretsErrorCode;

  constructor(code: SecretsErrorCode) {
    super(MESSAGES[code]);
    this.code = code;
  }
}
