import { describe, expect, it } from 'vitest';
import { chargeBody, sandboxPerTest } from './harness.ts';

// Status and Korean message of each code as toss-api.md §1.2 and §8 give them, byte for byte.
// (INVALID_BIRTH_DAY_FORMAT's `yyMMdd` is Markdown code there; Toss's message has no backticks.)
const SPEC: readonly (readonly [string, number, string])[] = [
  ['UNAUTHORIZED_KEY', 401, '인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.'],
  ['INCORRECT_BASIC_AUTH_FORMAT', 403, "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요."],
  ['INVALID_API_KEY', 400, '잘못된 시크릿키 연동 정보 입니다.'],
  ['FORBIDDEN_REQUEST', 403, '허용되지 않은 요청입니다.'],
  ['FORBIDDEN_CONSECUTIVE_REQUEST', 403, '반복적인 요청은 허용되지 않습니다. 잠시 후 다시 시도해주세요.'],
  ['INVALID_IDEMPOTENCY_KEY', 400, '멱등키는 300자 이하여야 합니다.'],
  ['IDEMPOTENT_REQUEST_PROCESSING', 409, '이전 멱등 요청이 처리중입니다.'],
  ['INVALID_TEST_CODE', 400, '유효하지 않은 테스트 코드입니다.'],
  ['NOT_FOUND_HTTP_METHOD', 404, '존재하지 않는 HTTP 메소드 접근입니다.'],
  ['INVALID_CARD_NUMBER', 400, '카드번호를 다시 확인해주세요.'],
  ['NOT_SUPPORTED_CARD_TYPE', 400, '지원되지 않는 카드 종류입니다.'],
  ['INVALID_CARD_PASSWORD', 400, '카드 정보를 다시 확인해주세요. (비밀번호)'],
  ['INVALID_CARD_EXPIRATION', 400, '카드 정보를 다시 확인해주세요. (유효기간)'],
  ['INVALID_CARD_IDENTITY', 400, '입력하신 주민번호/사업자번호가 카드 소유주 정보와 일치하지 않습니다.'],
  ['INVALID_REJECT_CARD', 400, '카드 사용이 거절되었습니다. 카드사 문의가 필요합니다.'],
  ['INVALID_STOPPED_CARD', 400, '정지된 카드 입니다.'],
  [
    'INVALID_BIRTH_DAY_FORMAT',
    400,
    '생년월일 정보는 6자리의 yyMMdd 형식이어야 합니다. 사업자등록번호는 10자리의 숫자여야 합니다.',
  ],
  ['NOT_REGISTERED_CARD_COMPANY', 400, '카드를 사용 등록 후 이용해주세요.'],
  ['INVALID_EMAIL', 400, '유효하지 않은 이메일 주소 형식입니다.'],
  ['NOT_SUPPORTED_METHOD', 400, '지원되지 않는 결제 수단입니다.'],
  ['INVALID_REQUEST', 400, '잘못된 요청입니다.'],
  ['EXCEED_MAX_AUTH_COUNT', 403, '최대 인증 횟수를 초과했습니다. 카드사로 문의해주세요.'],
  ['REJECT_CARD_COMPANY', 403, '결제 승인이 거절되었습니다.'],
  ['REJECT_ACCOUNT_PAYMENT', 403, '잔액부족으로 결제에 실패했습니다.'],
  ['NOT_FOUND_BILLING', 404, '존재하지 않는 빌링 결제 인증 정보 입니다.'],
  [
    'FAILED_INTERNAL_SYSTEM_PROCESSING',
    500,
    '내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요.',
  ],
  ['FAILED_DB_PROCESSING', 500, '잘못된 요청 값으로 처리 중 DB 에러가 발생했습니다.'],
  ['FAILED_CARD_COMPANY_RESPONSE', 500, '카드사에서 에러가 발생했습니다. 잠시 후 다시 시도해 주세요.'],
  [
    'FAILED_BILL_KEY_AUTH_CREATION',
    500,
    '빌링 결제 인증 중 키 생성에 실패했습니다. 잠시 후 다시 시도해주세요.',
  ],
  ['COMMON_ERROR', 500, '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.'],
  ['INVALID_BILLING_AUTH', 400, '유효하지 않은 빌링 인증입니다.'],
  ['INVALID_CARD_LOST_OR_STOLEN', 400, '분실 혹은 도난 카드입니다.'],
  ['INVALID_BILL_KEY_REQUEST', 400, '빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다.'],
  ['ALREADY_REMOVED_BILLING_KEY', 400, '이미 삭제된 빌링키입니다.'],
  [
    'DUPLICATED_ORDER_ID',
    400,
    '이미 승인 및 취소가 진행된 중복된 주문번호 입니다. 다른 주문번호로 진행해주세요.',
  ],
  ['NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT', 400, '할부가 지원되지 않는 카드 또는 가맹점 입니다.'],
  ['INVALID_CARD_INSTALLMENT_PLAN', 400, '할부 개월 정보가 잘못되었습니다.'],
  ['NOT_SUPPORTED_MONTHLY_INSTALLMENT_PLAN', 400, '할부가 지원되지 않는 카드입니다.'],
  ['NOT_MATCHES_CUSTOMER_KEY', 400, '빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.'],
  ['BELOW_MINIMUM_AMOUNT', 400, '신용카드는 결제금액이 100원 이상, 계좌는 200원이상부터 결제가 가능합니다.'],
  ['REJECT_CARD_PAYMENT', 403, '한도초과 혹은 잔액부족으로 결제에 실패했습니다.'],
  ['EXCEED_MAX_AMOUNT', 400, '거래금액 한도를 초과했습니다.'],
  ['ALREADY_CANCELED_PAYMENT', 400, '이미 취소된 결제 입니다.'],
  ['INVALID_REFUND_ACCOUNT_INFO', 400, '환불 계좌번호와 예금주명이 일치하지 않습니다.'],
  ['INVALID_REFUND_ACCOUNT_NUMBER', 400, '잘못된 환불 계좌번호입니다.'],
  ['INVALID_BANK', 400, '유효하지 않은 은행입니다.'],
  ['NOT_MATCHES_REFUNDABLE_AMOUNT', 400, '잔액 결과가 일치하지 않습니다.'],
  ['PROVIDER_ERROR', 400, '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.'],
  ['REFUND_REJECTED', 400, '환불이 거절됐습니다. 결제사에 문의 부탁드립니다.'],
  ['ALREADY_REFUND_PAYMENT', 400, '이미 환불된 결제입니다.'],
  ['NOT_CANCELABLE_AMOUNT', 403, '취소 할 수 없는 금액 입니다.'],
  ['NOT_CANCELABLE_PAYMENT', 403, '취소 할 수 없는 결제 입니다.'],
  ['EXCEED_MAX_REFUND_DUE', 403, '환불 가능한 기간이 초과했습니다.'],
  ['NOT_ALLOWED_PARTIAL_REFUND_WAITING_DEPOSIT', 403, '입금 대기중인 결제는 부분 환불이 불가합니다.'],
  ['NOT_ALLOWED_PARTIAL_REFUND', 403, '에스크로 주문, 현금 카드 결제 등의 사유로 부분 환불이 불가합니다.'],
  ['NOT_AVAILABLE_BANK', 403, '은행 서비스 시간이 아닙니다.'],
  ['EXCEED_CANCEL_LIMIT', 403, '취소 한도 금액을 초과 하였습니다.'],
  ['NOT_FOUND_PAYMENT', 404, '존재하지 않는 결제 정보 입니다.'],
  ['FAILED_REFUND_PROCESS', 500, '은행 응답시간 지연이나 일시적인 오류로 환불요청에 실패했습니다.'],
  ['NOT_FOUND', 404, '존재하지 않는 정보 입니다.'],
  ['INVALID_DATE', 400, '날짜 데이터가 잘못 되었습니다.'],
  ['EXCEED_MAX_QUERY_LIMIT', 400, '최대 조회 개수를 초과했습니다.'],
  ['INVALID_ORDER_NAME', 400, '주문 이름은 100자 이하여야 합니다.'],
  // Toss's error page (O4), which issue 17 asks a charge to be forced into.
  [
    'FDS_ERROR',
    403,
    '[토스페이먼츠] 위험거래가 감지되어 결제가 제한됩니다. 발송된 문자에 포함된 링크를 통해 본인인증 후 결제가 가능합니다.(고객센터: 1644-8051)',
  ],
  ['BELOW_ZERO_AMOUNT', 400, '금액은 0보다 커야 합니다.'],
  ['FAILED_BILLING_AUTO_CANCEL', 500, '빌링 자동결제 취소에 일시적인 오류가 발생했습니다.'],
  ['EXCEED_MAX_CARD_INSTALLMENT_PLAN', 400, '설정 가능한 최대 할부 개월 수를 초과했습니다.'],
  ['CARD_PROCESSING_ERROR', 400, '카드사에서 오류가 발생했습니다.'],
  ['UNKNOWN_ERROR', 500, '확인되지 않은 오류입니다. 잠시 후 다시 시도해주세요.'],
];

type EndpointName = 'lookup' | 'issue' | 'charge' | 'delete' | 'cancel' | 'transactions';

/** A request to each endpoint; the test code answers before anything is looked up. */
const REQUESTS: Readonly<Record<EndpointName, readonly [string, string]>> = {
  lookup: ['GET', '/v1/payments/some_key'],
  issue: ['POST', '/v1/billing/authorizations/card'],
  charge: ['POST', '/v1/billing/some_billing_key='],
  delete: ['DELETE', '/v1/billing/some_billing_key='],
  cancel: ['POST', '/v1/payments/some_key/cancel'],
  transactions: ['GET', '/v1/transactions'],
};

// SPEC follows toss-api.md's sections; each section's codes belong to that section's endpoint.
const SECTION_STARTS: readonly (readonly [string, EndpointName])[] = [
  ['UNAUTHORIZED_KEY', 'lookup'],
  ['INVALID_CARD_NUMBER', 'issue'],
  ['INVALID_CARD_LOST_OR_STOLEN', 'charge'],
  ['ALREADY_CANCELED_PAYMENT', 'cancel'],
  ['NOT_FOUND', 'lookup'],
  ['INVALID_DATE', 'transactions'],
  ['INVALID_ORDER_NAME', 'charge'],
  ['UNKNOWN_ERROR', 'lookup'],
];

function endpointOf(code: string): EndpointName {
  const index = SPEC.findIndex(([name]) => name === code);
  let endpoint: EndpointName = 'lookup';
  for (const [start, name] of SECTION_STARTS) {
    if (SPEC.findIndex(([row]) => row === start) <= index) endpoint = name;
  }
  return endpoint;
}

describe('TossPayments-Test-Code (§14, §17.2)', () => {
  const sandbox = sandboxPerTest();
  const forced = (
    code: string,
    headers: Readonly<Record<string, string>> = {},
    endpoint: EndpointName = endpointOf(code),
  ) => {
    const [method, path] = REQUESTS[endpoint];
    return sandbox.api.call(method, path, {
      headers: { 'TossPayments-Test-Code': code, ...headers },
      ...(method === 'POST' ? { body: {} } : {}),
    });
  };

  it.each(SPEC)('forces %s with status %i and the spec message', async (code, status, message) => {
    const result = await forced(code);
    expect(result.status).toBe(status);
    expect(result.json).toEqual({ code, message });
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 400 INVALID_TEST_CODE for an unknown code', async () => {
    const result = await forced('NO_SUCH_CODE');
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ code: 'INVALID_TEST_CODE', message: '유효하지 않은 테스트 코드입니다.' });
  });

  it('does not keep INVALID_TEST_CODE under the Idempotency-Key: the same key runs once the header is fixed', async () => {
    const billing = await sandbox.api.issue();
    const headers = { 'Idempotency-Key': 'bad-test-code' };
    const refused = await sandbox.api.charge(billing.billingKey, chargeBody(), {
      headers: { ...headers, 'TossPayments-Test-Code': 'NO_SUCH_CODE' },
    });
    expect(refused.json).toMatchObject({ code: 'INVALID_TEST_CODE' });
    const real = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    expect(real.status).toBe(200);
  });

  it.each([
    ['REJECT_CARD_PAYMENT', 'delete'],
    ['FDS_ERROR', 'lookup'],
    ['INVALID_DATE', 'charge'],
    ['ALREADY_CANCELED_PAYMENT', 'charge'],
    ['INVALID_CARD_NUMBER', 'cancel'],
    ['NOT_CANCELABLE_AMOUNT', 'transactions'],
  ] as const)(
    'refuses %s on the %s endpoint, where it does not belong, as INVALID_TEST_CODE',
    async (code, endpoint) => {
      const result = await forced(code, {}, endpoint);
      expect(result.status).toBe(400);
      expect(result.json).toEqual({ code: 'INVALID_TEST_CODE', message: '유효하지 않은 테스트 코드입니다.' });
    },
  );

  it.each([
    ['FDS_ERROR', 403],
    ['UNKNOWN_ERROR', 500],
    ['BELOW_ZERO_AMOUNT', 400],
    ['FAILED_BILLING_AUTO_CANCEL', 500],
    ['EXCEED_MAX_CARD_INSTALLMENT_PLAN', 400],
    ['CARD_PROCESSING_ERROR', 400],
  ] as const)('forces %s on a real charge with status %i', async (code, status) => {
    const billing = await sandbox.api.issue();
    const result = await sandbox.api.charge(billing.billingKey, chargeBody(), {
      headers: { 'TossPayments-Test-Code': code },
    });
    expect(result.status).toBe(status);
    expect(result.json).toMatchObject({ code });
    expect(await sandbox.api.payments()).toEqual([]);
  });

  it('applies after auth', async () => {
    const result = await sandbox.api.call('GET', '/v1/payments/some_key', {
      key: 'live_sk_abcdef',
      headers: { 'TossPayments-Test-Code': 'REJECT_CARD_PAYMENT' },
    });
    expect(result.json.code).toBe('UNAUTHORIZED_KEY');
  });

  it('changes nothing, and a forced 4xx is replayed under its Idempotency-Key for the next try (§9, measured)', async () => {
    const billing = await sandbox.api.issue();
    const headers = { 'Idempotency-Key': 'forced-then-real' };
    const refused = await sandbox.api.charge(billing.billingKey, chargeBody(), {
      headers: { ...headers, 'TossPayments-Test-Code': 'REJECT_CARD_PAYMENT' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'REJECT_CARD_PAYMENT' });
    expect(await sandbox.api.payments()).toEqual([]);

    const again = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
    expect(again.status).toBe(403);
    expect(again.bytes.equals(refused.bytes)).toBe(true);
    expect(await sandbox.api.payments()).toEqual([]);

    const fresh = await sandbox.api.charge(billing.billingKey, chargeBody(), {
      headers: { 'Idempotency-Key': 'a-new-key' },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.json.status).toBe('DONE');
  });

  it.each(['FAILED_INTERNAL_SYSTEM_PROCESSING', 'IDEMPOTENT_REQUEST_PROCESSING', 'TOO_MANY_REQUESTS'])(
    'does not keep a forced %s: the same key runs for real next time',
    async (code) => {
      const billing = await sandbox.api.issue();
      const headers = { 'Idempotency-Key': `forced-${code}` };
      const refused = await sandbox.api.charge(billing.billingKey, chargeBody(), {
        headers: { ...headers, 'TossPayments-Test-Code': code },
      });
      expect(refused.json).toMatchObject({ code });
      const real = await sandbox.api.charge(billing.billingKey, chargeBody(), { headers });
      expect(real.status).toBe(200);
      expect(real.json.status).toBe('DONE');
    },
  );
});

describe('Accept-Language (§2, §8.1)', () => {
  const sandbox = sandboxPerTest();
  const lookup = (headers: Readonly<Record<string, string>>) =>
    sandbox.api.call('GET', '/v1/payments/some_key', { headers });

  it.each(['en-US', 'en', 'EN-gb', 'en-US,en;q=0.9,ko;q=0.8'])(
    'answers in English for %s',
    async (language) => {
      const result = await lookup({ 'Accept-Language': language });
      expect(result.json).toEqual({ code: 'NOT_FOUND_PAYMENT', message: 'The payment does not exist.' });
    },
  );

  it.each(['ko-KR', 'ko-KR,en;q=0.8', '*'])('answers in Korean for %s', async (language) => {
    const result = await lookup({ 'Accept-Language': language });
    expect(result.json).toEqual({ code: 'NOT_FOUND_PAYMENT', message: '존재하지 않는 결제 정보 입니다.' });
  });

  it('has an English message for every code', async () => {
    for (const [code] of SPEC) {
      const [method, path] = REQUESTS[endpointOf(code)];
      const result = await sandbox.api.call(method, path, {
        headers: { 'Accept-Language': 'en-US', 'TossPayments-Test-Code': code },
        ...(method === 'POST' ? { body: {} } : {}),
      });
      expect(result.json.code).toBe(code);
      expect(result.json.message).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('answers auth and validation errors in English too', async () => {
    const auth = await sandbox.api.call('GET', '/v1/payments/some_key', {
      key: null,
      headers: { 'Accept-Language': 'en-US' },
    });
    expect(auth.json).toEqual({
      code: 'UNAUTHORIZED_KEY',
      message: 'This is an unauthenticated secret key or client key.',
    });
    const billing = await sandbox.api.issue();
    const charge = await sandbox.api.charge(billing.billingKey, chargeBody({ amount: 50 }), {
      headers: { 'Accept-Language': 'en-US' },
    });
    expect(charge.json).toEqual({
      code: 'BELOW_MINIMUM_AMOUNT',
      message: 'Payment can be made from 100 won or more by credit card, and 200 won or more for account.',
    });
    const zero = await sandbox.api.charge(billing.billingKey, chargeBody({ amount: 0 }), {
      headers: { 'Accept-Language': 'en-US' },
    });
    expect(zero.json).toEqual({ code: 'BELOW_ZERO_AMOUNT', message: 'The amount must be greater than 0.' });
  });
});
