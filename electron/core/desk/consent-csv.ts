import type { ConsentKind, ConsentMethod, ConsentView } from '../schedule/index.ts';
import { excelCsv, storeTimestamp, zonedTitle } from './excel-csv.ts';

export const CONSENT_KIND_LABELS: Readonly<Record<ConsentKind, string>> = {
  subscription: '정기결제 동의',
  'price-increase': '가격 인상 동의',
  'trial-conversion': '유료 전환 동의',
  withdrawal: '동의 철회(해지)',
};

export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, string>> = {
  'in-person': '대면 확인',
  signature: '대면 서명',
  phone: '전화',
  message: '메시지',
};

/** The consent records of a date range, for the store's files or an inspector. */
export function consentsCsv(consents: readonly ConsentView[], timeZone: string): string {
  return excelCsv(
    [
      '번호',
      zonedTitle('기록 시각', timeZone),
      '회원 번호',
      '회원',
      '구독 번호',
      '종류',
      '방법',
      '서명',
      '상품',
      '금액',
      '이전 금액',
      '주기',
      '적용일',
      '받은 직원',
      '메모',
      '동의 내용',
    ],
    consents.map((consent) => [
      consent.id,
      storeTimestamp(consent.recordedAt, timeZone),
      consent.memberId,
      consent.memberName,
      consent.subscriptionId,
      CONSENT_KIND_LABELS[consent.kind],
      CONSENT_METHOD_LABELS[consent.method],
      consent.hasSignature ? '있음' : '',
      consent.terms.orderName,
      consent.terms.amount,
      consent.terms.fromAmount ?? '',
      consent.terms.cycle,
      consent.effectiveDate,
      consent.operatorName,
      consent.note ?? '',
      consent.terms.text,
    ]),
  );
}
