import { retryClassOf, type TossRetryClass } from './retry-class.ts';

/** Codes the client itself produces when Toss gave no usable answer or was never asked. */
export type ClientErrorCode =
  | 'CLIENT_NETWORK_ERROR'
  | 'CLIENT_TIMEOUT'
  | 'CLIENT_BAD_RESPONSE'
  | 'CLIENT_INVALID_REQUEST'
  | 'CLIENT_ABORTED';

export interface TossErrorInit {
  /** HTTP status, or null when no response arrived (or no request was sent). */
  status: number | null;
  code: string;
  message: string;
  retryClass?: TossRetryClass;
  /** X-TossPayments-Trace-Id of the answer; null when none came. */
  traceId?: string | null;
  /** Retry-After of the answer, in ms. */
  retryAfterMs?: number | null;
  cause?: Error;
}

/**
 * The one error type of the Toss client. `message` is Toss's own (Korean unless the client asked
 * for English) or the client's, and never holds the secret key or card data.
 */
export class TossError extends Error {
  override readonly name = 'TossError';
  readonly status: number | null;
  readonly code: string;
  readonly retryClass: TossRetryClass;
  /** Toss's trace id of the answer, for its support; null when no answer came. */
  readonly traceId: string | null;
  /** How long the answer's Retry-After asked to wait (a 429); null when it named no time. */
  readonly retryAfterMs: number | null;

  constructor(init: TossErrorInit) {
    super(init.message, init.cause ? { cause: init.cause } : undefined);
    this.status = init.status;
    this.code = init.code;
    this.retryClass = init.retryClass ?? retryClassOf(init.status, init.code);
    this.traceId = init.traceId ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Whether the payment may have happened and must be looked up before anything else. */
  get outcomeUnknown(): boolean {
    return this.retryClass === 'unknown-outcome';
  }
}

export type MessageLanguage = 'ko' | 'en';

const CLIENT_MESSAGES: Record<ClientErrorCode, Record<MessageLanguage, string>> = {
  CLIENT_NETWORK_ERROR: {
    ko: '토스페이먼츠와 통신하지 못했습니다. 결제 여부를 조회해 확인해야 합니다.',
    en: 'Could not reach Toss Payments. Look the payment up before trying again.',
  },
  CLIENT_TIMEOUT: {
    ko: '토스페이먼츠 응답 시간이 초과되었습니다. 결제 여부를 조회해 확인해야 합니다.',
    en: 'Toss Payments did not answer in time. Look the payment up before trying again.',
  },
  CLIENT_BAD_RESPONSE: {
    ko: '토스페이먼츠 응답을 해석하지 못했습니다. 결제 여부를 조회해 확인해야 합니다.',
    en: 'The Toss Payments response could not be read. Look the payment up before trying again.',
  },
  CLIENT_INVALID_REQUEST: {
    ko: '요청 값이 올바르지 않아 토스페이먼츠로 보내지 않았습니다',
    en: 'The request was not sent to Toss Payments because a value is invalid',
  },
  CLIENT_ABORTED: {
    ko: '요청이 취소되었습니다. 결제 여부를 조회해 확인해야 합니다.',
    en: 'The request was cancelled. Look the payment up before trying again.',
  },
};

export function clientError(
  code: ClientErrorCode,
  language: MessageLanguage,
  options: { status?: number | null; detail?: string; cause?: Error; traceId?: string | null } = {},
): TossError {
  const base = CLIENT_MESSAGES[code][language];
  const retryClass: TossRetryClass = code === 'CLIENT_INVALID_REQUEST' ? 'input' : 'unknown-outcome';
  const init: TossErrorInit = {
    status: options.status ?? null,
    code,
    message: options.detail ? `${base}: ${options.detail}` : base,
    retryClass,
    traceId: options.traceId ?? null,
  };
  if (options.cause) init.cause = options.cause;
  return new TossError(init);
}
