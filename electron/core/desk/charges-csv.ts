import type { ChargeLogEntry } from '../ledger/index.ts';
import { excelCsv, storeTimestamp, zonedTitle } from './excel-csv.ts';

const KIND: Readonly<Record<ChargeLogEntry['kind'], string>> = {
  manual: '수동',
  scheduled: '정기',
  first: '첫 결제',
  retry: '재시도',
  refund: '환불',
};

const STATUS: Readonly<Record<ChargeLogEntry['status'], string>> = {
  DONE: '승인',
  DECLINED: '거절',
  FAILED: '실패',
  UNKNOWN: '확인 필요',
  PENDING: '처리 중',
};

const HEADER = [
  '주문번호',
  '회원번호',
  '회원',
  '종류',
  '결제 내용',
  '금액',
  '면세',
  '상태',
  '승인번호',
  '카드',
  '남은 금액',
  '사유',
  // Toss support asks for it first about any charge or refund.
  '토스 추적 ID',
];

/**
 * The charge log for a spreadsheet, one row per attempt, in the words the screens use. A refund's
 * amounts are negative, so that summing the column gives what the store kept.
 */
export function chargesCsv(entries: readonly ChargeLogEntry[], timeZone: string): string {
  const rows = entries.map((entry) => [
    storeTimestamp(entry.createdAt, timeZone),
    entry.orderId,
    entry.memberNo,
    entry.memberName,
    KIND[entry.kind],
    entry.orderName,
    signed(entry, entry.amount),
    signed(entry, entry.taxFreeAmount),
    entry.kind === 'refund' && entry.status === 'DONE' ? '환불됨' : STATUS[entry.status],
    entry.approveNo ?? '',
    `${entry.companyName ?? ''} ${entry.maskedNumber}`.trim(),
    entry.balanceAmount ?? '',
    [entry.reason, entry.tossMessage].filter(Boolean).join(' / '),
    entry.tossTraceId ?? '',
  ]);
  return excelCsv([zonedTitle('일시', timeZone), ...HEADER], rows);
}

function signed(entry: ChargeLogEntry, amount: number): number {
  return entry.kind === 'refund' ? -amount : amount;
}
