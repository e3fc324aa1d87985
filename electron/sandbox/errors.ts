// Every error the emulator can answer, with the HTTP status and the messages Toss sends.
// Korean messages are copied byte for byte from toss-api.md (§1.2, §8); where that file gives
// none, from Toss's own error-code page (O4). English messages follow O4 where it has one and
// are written in its style where it has not.

export type Language = 'ko' | 'en';

interface ErrorSpec {
  readonly status: number;
  readonly ko: string;
  readonly en: string;
}

export const TOSS_ERRORS = {
  // Auth and transport (§8.2)
  UNAUTHORIZED_KEY: {
    status: 401,
    ko: '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.',
    en: 'This is an unauthenticated secret key or client key.',
  },
  INCORRECT_BASIC_AUTH_FORMAT: {
    status: 403,
    ko: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.",
    en: "Bad request. Please include ':' when encoding.",
  },
  INVALID_API_KEY: { status: 400, ko: '잘못된 시크릿키 연동 정보 입니다.', en: 'Incorrect secret key.' },
  FORBIDDEN_REQUEST: { status: 403, ko: '허용되지 않은 요청입니다.', en: 'This request is not allowed.' },
  FORBIDDEN_CONSECUTIVE_REQUEST: {
    status: 403,
    ko: '반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.',
    en: 'Repetitive requests are not allowed. Please try again in a few minutes.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    ko: '멱등키는 300자 이하여야 합니다.',
    en: 'The idempotency key must be 300 characters or less.',
  },
  IDEMPOTENT_REQUEST_PROCESSING: {
    status: 409,
    ko: '이전 멱등 요청이 처리중입니다.',
    en: 'The previous idempotent request is still being processed.',
  },
  INVALID_TEST_CODE: { status: 400, ko: '유효하지 않은 테스트 코드입니다.', en: 'Invalid test code' },
  NOT_FOUND_HTTP_METHOD: {
    status: 404,
    ko: '존재하지 않는 HTTP 메소드 접근입니다.',
    en: 'This HTTP method does not allowed.',
  },
  NOT_FOUND: { status: 404, ko: '존재하지 않는 정보 입니다.', en: 'This information does not exist.' },
  // Toss publishes no code for 429 (§11); this one exists only for the emulator's status-429 fault.
  TOO_MANY_REQUESTS: {
    status: 429,
    ko: '요청이 너무 많습니다. 잠시 후 다시 시도해주세요.',
    en: 'Too many requests. Please try again in a few minutes.',
  },

  // Billing-key issue (§8.3)
  INVALID_CARD_NUMBER: {
    status: 400,
    ko: '카드번호를 다시 확인해주세요.',
    en: 'Please check your card number again.',
  },
  NOT_SUPPORTED_CARD_TYPE: {
    status: 400,
    ko: '지원되지 않는 카드 종류입니다.',
    en: 'This card type is not supported.',
  },
  INVALID_CARD_PASSWORD: {
    status: 400,
    ko: '카드 정보를 다시 확인해주세요. (비밀번호)',
    en: 'Please check the card information again.',
  },
  INVALID_CARD_EXPIRATION: {
    status: 400,
    ko: '카드 정보를 다시 확인해주세요. (유효기간)',
    en: 'Please check the card expiration date information again.',
  },
  INVALID_CARD_IDENTITY: {
    status: 400,
    ko: '입력하신 주민번호/사업자번호가 카드 소유주 정보와 일치하지 않습니다.',
    en: 'The entered resident registration number/business number does not match the cardholder information.',
  },
  INVALID_REJECT_CARD: {
    status: 400,
    ko: '카드 사용이 거절되었습니다. 카드사 문의가 필요합니다.',
    en: 'Refer to card issuer/decline.',
  },
  INVALID_STOPPED_CARD: { status: 400, ko: '정지된 카드 입니다.', en: 'This is a suspended card.' },
  // toss-api.md sets yyMMdd in backticks as Markdown code; Toss's message (O4) has no backticks.
  INVALID_BIRTH_DAY_FORMAT: {
    status: 400,
    ko: '생년월일 정보는 6자리의 yyMMdd 형식이어야 합니다. 사업자등록번호는 10자리의 숫자여야 합니다.',
    en: 'The birth date format must be in 6 length of yyMMdd format.',
  },
  NOT_REGISTERED_CARD_COMPANY: {
    status: 400,
    ko: '카드를 사용 등록 후 이용해주세요.',
    en: 'Please register the card for use before using it.',
  },
  // The billing tables' wording, which §8.1 prefers over O4's "이메일 주소 형식에 맞지 않습니다."
  INVALID_EMAIL: {
    status: 400,
    ko: '유효하지 않은 이메일 주소 형식입니다.',
    en: 'Invalid email address format.',
  },
  // The billing tables' spacing ("결제 수단"), as §8.1 asks.
  NOT_SUPPORTED_METHOD: {
    status: 400,
    ko: '지원되지 않는 결제 수단입니다.',
    en: 'This payment method is not supported.',
  },
  INVALID_REQUEST: { status: 400, ko: '잘못된 요청입니다.', en: 'The bad request.' },
  EXCEED_MAX_AUTH_COUNT: {
    status: 403,
    ko: '최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요.',
    en: 'The maximum number of authentications has been exceeded. Please contact your credit card company.',
  },
  REJECT_CARD_COMPANY: { status: 403, ko: '결제 승인이 거절되었습니다.', en: 'Payment confirm is rejected' },
  REJECT_ACCOUNT_PAYMENT: {
    status: 403,
    ko: '잔액부족으로 결제에 실패했습니다.',
    en: 'Payment failed due to insufficient balance',
  },
  NOT_FOUND_BILLING: {
    status: 404,
    ko: '존재하지 않는 빌링 결제 인증 정보 입니다.',
    en: 'Billing payment authentication information that does not exist.',
  },
  FAILED_INTERNAL_SYSTEM_PROCESSING: {
    status: 500,
    ko: '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.',
    en: 'Internal system processing operation has failed. Please try again in a few minutes.',
  },
  FAILED_DB_PROCESSING: {
    status: 500,
    ko: '잘못된 요청 값으로 처리 중 DB 에러가 발생했습니다.',
    en: 'A DB error occurred while processing with an invalid request value.',
  },
  FAILED_CARD_COMPANY_RESPONSE: {
    status: 500,
    ko: '카드사에서 에러가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    en: 'An error occurred at the card company. Please try again in a few minutes.',
  },
  FAILED_BILL_KEY_AUTH_CREATION: {
    status: 500,
    ko: '빌링 결제 인증 중 키 생성에 실패했습니다. 잠시 후 다시 시도해주세요.',
    en: 'Key generation failed during billing payment verification. Please try again in a few minutes.',
  },
  COMMON_ERROR: {
    status: 500,
    ko: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.',
    en: 'A temporary error has occurred. Please try again in a few minutes.',
  },
  INVALID_BILLING_AUTH: {
    status: 400,
    ko: '유효하지 않은 빌링 인증입니다.',
    en: 'Invalid billing authentication.',
  },

  // Billing charge and DELETE (§8.4)
  INVALID_CARD_LOST_OR_STOLEN: {
    status: 400,
    ko: '분실 혹은 도난 카드입니다.',
    en: 'This card has been reported lost or stolen.',
  },
  INVALID_BILL_KEY_REQUEST: {
    status: 400,
    ko: '빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다.',
    en: 'Billing key authentication has not been completed or is an invalid billing transaction.',
  },
  ALREADY_REMOVED_BILLING_KEY: {
    status: 400,
    ko: '이미 삭제된 빌링키입니다.',
    en: 'The billing key has already been removed.',
  },
  DUPLICATED_ORDER_ID: {
    status: 400,
    ko: '이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.',
    en: 'This is a duplicate order id that has already been approved or canceled. Please proceed with a different order id.',
  },
  NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT: {
    status: 400,
    ko: '할부가 지원되지 않는 카드 또는 가맹점 입니다.',
    en: 'This card or merchant does not support installment plans.',
  },
  INVALID_CARD_INSTALLMENT_PLAN: {
    status: 400,
    ko: '할부 개월 정보가 잘못되었습니다.',
    en: 'The installment plan information is incorrect.',
  },
  NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN: {
    status: 400,
    ko: '할부가 지원되지 않는 카드입니다.',
    en: 'This card does not support installment.',
  },
  NOT_MATCHES_CUSTOMER_KEY: {
    status: 400,
    ko: '빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.',
    en: 'The billing authentication customer key and the payment request customer key do not match.',
  },
  BELOW_MINIMUM_AMOUNT: {
    status: 400,
    ko: '신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.',
    en: 'Payment can be made from 100 won or more by credit card, and 200 won or more for account.',
  },
  REJECT_CARD_PAYMENT: {
    status: 403,
    ko: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
    en: 'Payment failed due to exceeding the limit or insufficient balance.',
  },
  // Generic confirm-type codes §8.4 says a charge may also return; messages from O4.
  EXCEED_MAX_DAILY_PAYMENT_COUNT: {
    status: 400,
    ko: '하루 결제 가능 횟수를 초과했습니다.',
    en: 'You have exceeded the number of daily payments.',
  },
  EXCEED_MAX_PAYMENT_AMOUNT: {
    status: 400,
    ko: '하루 결제 가능 금액을 초과했습니다.',
    en: 'You have exceeded the amount you can pay per day.',
  },
  EXCEED_MAX_AMOUNT: {
    status: 400,
    ko: '거래금액 한도를 초과했습니다.',
    en: 'The transaction amount limit has been exceeded.',
  },
  EXCEED_MAX_ONE_DAY_AMOUNT: {
    status: 403,
    ko: '일일 한도를 초과했습니다.',
    en: 'The daily limit has been exceeded.',
  },
  ALREADY_PROCESSED_PAYMENT: {
    status: 400,
    ko: '이미 처리된 결제 입니다.',
    en: 'This is a payment that has already been processed.',
  },
  PROVIDER_ERROR: {
    status: 400,
    ko: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.',
    en: 'A temporary error has occurred. Please try again in a few minutes.',
  },
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING: {
    status: 500,
    ko: '결제 기관(카드사, 은행, 국세청 등) 오류입니다. 결제 기관에서 보내 준 에러 메시지가 표시됩니다.',
    en: 'Provider error. The error message received from provider will be displayed.',
  },
  // Toss's error-code page (O4) lists these too; issue 17 asks that a charge can be forced into them.
  // FDS_ERROR's 403 was measured by a third party; its and CARD_PROCESSING_ERROR's wording is not in
  // the copy of O4 at hand and follows what Toss is known to send [U].
  FDS_ERROR: {
    status: 403,
    ko: '[토스페이먼츠] 위험거래가 감지되어 결제가 제한됩니다. 발송된 문자에 포함된 링크를 통해 본인인증 후 결제가 가능합니다.(고객센터: 1644-8051)',
    en: '[TossPayments] Risky transaction is detected. Please contact 1644-8051.',
  },
  CARD_PROCESSING_ERROR: {
    status: 400,
    ko: '카드사에서 오류가 발생했습니다.',
    en: 'There was an error in the card company.',
  },
  EXCEED_MAX_CARD_INSTALLMENT_PLAN: {
    status: 400,
    ko: '설정 가능한 최대 할부 개월 수를 초과했습니다.',
    en: 'You have exceeded the maximum number of installment months that can be set.',
  },
  BELOW_ZERO_AMOUNT: {
    status: 400,
    ko: '금액은 0보다 커야 합니다.',
    en: 'The amount must be greater than 0.',
  },
  FAILED_BILLING_AUTO_CANCEL: {
    status: 500,
    ko: '빌링 자동결제 취소에 일시적인 오류가 발생했습니다.',
    en: 'A temporary error occurred while billing auth cancellation.',
  },
  UNKNOWN_ERROR: {
    status: 500,
    ko: '확인되지 않은 오류입니다. 잠시 후 다시 시도해주세요.',
    en: 'An unknown error occurred. Please try again in a few minutes.',
  },
  UNKNOWN_PAYMENT_ERROR: {
    status: 500,
    ko: '결제에 실패했어요. 같은 문제가 반복된다면 은행이나 카드사로 문의해주세요.',
    en: 'The payment failed. If the problem continues, please contact your bank or card company.',
  },

  // Cancel (§8.5)
  ALREADY_CANCELED_PAYMENT: {
    status: 400,
    ko: '이미 취소된 결제 입니다.',
    en: 'The payment has already been canceled.',
  },
  INVALID_REFUND_ACCOUNT_INFO: {
    status: 400,
    ko: '환불 계좌번호와 예금주명이 일치하지 않습니다.',
    en: 'Refund account number and account holder name do not match.',
  },
  INVALID_REFUND_ACCOUNT_NUMBER: {
    status: 400,
    ko: '잘못된 환불 계좌번호입니다.',
    en: 'Incorrect refund account number.',
  },
  INVALID_BANK: { status: 400, ko: '유효하지 않은 은행입니다.', en: 'It is an Invalid bank.' },
  NOT_MATCHES_REFUNDABLE_AMOUNT: {
    status: 400,
    ko: '잔액 결과가 일치하지 않습니다.',
    en: 'Balance results do not match.',
  },
  REFUND_REJECTED: {
    status: 400,
    ko: '환불이 거절됐습니다. 결제사에 문의 부탁드립니다.',
    en: 'The refund has been rejected. Please contact the respective payment provider.',
  },
  ALREADY_REFUND_PAYMENT: {
    status: 400,
    ko: '이미 환불된 결제입니다.',
    en: 'The payment has already been refunded.',
  },
  NOT_CANCELABLE_AMOUNT: {
    status: 403,
    ko: '취소 할 수 없는 금액 입니다.',
    en: 'This is a non-cancelable amount.',
  },
  NOT_CANCELABLE_PAYMENT: {
    status: 403,
    ko: '취소 할 수 없는 결제 입니다.',
    en: 'This is a non-cancelable payment.',
  },
  EXCEED_MAX_REFUND_DUE: {
    status: 403,
    ko: '환불 가능한 기간이 초과했습니다.',
    en: 'The refundable period has been exceeded.',
  },
  NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT: {
    status: 403,
    ko: '입금 대기중인 결제는 부분 환불이 불가합니다.',
    en: 'Partial refunds are not available while pending deposit.',
  },
  NOT_ALLOWED_PARTIAL_REFUND: {
    status: 403,
    ko: '에스크로 주문, 현금 카드 결제 등의 사유로 부분 환불이 불가합니다.',
    en: 'Partial refunds are not available for reasons such as escrow or cash payment.',
  },
  NOT_AVAILABLE_BANK: { status: 403, ko: '은행 서비스 시간이 아닙니다.', en: 'Not bank service time.' },
  EXCEED_CANCEL_LIMIT: {
    status: 403,
    ko: '취소 한도 금액을 초과 하였습니다.',
    en: 'The cancelable amount limit has been exceeded.',
  },
  NOT_FOUND_PAYMENT: {
    status: 404,
    ko: '존재하지 않는 결제 정보 입니다.',
    en: 'The payment does not exist.',
  },
  FAILED_REFUND_PROCESS: {
    status: 500,
    ko: '은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다.',
    en: 'The refund request failed due to a delay in the bank response time or a temporary error.',
  },
  FAILED_METHOD_HANDLING_CANCEL: {
    status: 500,
    ko: '취소 중 결제 시 사용한 결제수단 처리과정에서 일시적인 오류가 발생했습니다.',
    en: 'A temporary error occurred while processing cancellation.',
  },

  // Lookups and transactions (§8.6)
  INVALID_DATE: { status: 400, ko: '날짜 데이터가 잘못 되었습니다.', en: 'The date data is invalid.' },
  INVALID_TRANSACTION_KEY: { status: 400, ko: '잘못된 페이징 키 입니다.', en: 'Bad paging key.' },
  EXCEED_MAX_QUERY_LIMIT: {
    status: 400,
    ko: '최대 조회 개수를 초과했습니다.',
    en: 'You have exceeded the maximum number of query limit.',
  },

  // Field formats (§7)
  INVALID_ORDER_NAME: {
    status: 400,
    ko: '주문 이름은 100자 이하여야 합니다.',
    en: 'The order name must be 100 characters or less.',
  },
  INVALID_ORDER_ID: {
    status: 400,
    ko: 'orderId는 영문 대소문자, 숫자, 특수문자(-, _) 만 허용합니다. 6자 이상 64자 이하여야 합니다.',
    en: 'The order id must be at least 6 and maximum 64 upper and lower case alphabets, numbers, special characters (-, _, =).',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof TOSS_ERRORS;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(TOSS_ERRORS, value);
}

// Toss answers in English for Accept-Language: en-US (O2); the first listed language decides.
export function languageFrom(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'ko';
}

export function errorStatus(code: ErrorCode): number {
  return TOSS_ERRORS[code].status;
}

export function errorBody(code: ErrorCode, language: Language): { code: ErrorCode; message: string } {
  return { code, message: TOSS_ERRORS[code][language] };
}
