import { type RefundState, refundStateOf } from '../../../shared/money/index.ts';
import type { ChargeLogEntry, ChargeStatus, LogKind } from '../ledger/index.ts';
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

/** An approved charge after refunds, as the screens say it; the balance is its own column. */
const REFUNDED: Readonly<Record<Exclude<RefundState, 'none'>, string>> = {
  partial: '부분 환불',
  full: '전액 환불',
};

const HEADER = [
  '주문번호',
  '회원번호',
  '회원',
  '종류',
  '결제 내용',
  '금액',
  '공급가액',
  '부가세',
  '면세',
  '상태',
  '승인번호',
  '카드사',
  '카드',
  '남은 금액',
  '사유',
  // Toss support asks for it first about any charge or refund.
  '토스 추적 ID',
];

/**
 * The charge log for a spreadsheet, one row per attempt, in the words the screens use. Supplied
 * amount, VAT and tax-free are what Toss recorded (blank while nothing was approved), so they add
 * up to the amount. A refund's amounts are negative, so that summing a column gives what the
 * store kept.
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
    signed(entry, entry.suppliedAmount),
    signed(entry, entry.vat),
    signed(entry, entry.tossTaxFreeAmount),
    statusText(entry),
    entry.approveNo ?? '',
    entry.companyName ?? '',
    entry.maskedNumber,
    entry.balanceAmount ?? '',
    [entry.reason, entry.tossMessage].filter(Boolean).join(' / '),
    entry.tossTraceId ?? '',
  ]);
  return excelCsv([zonedTitle('일시', timeZone), ...HEADER], rows);
}

function statusText(entry: ChargeLogEntry): string {
  if (entry.kind === 'refund') return entry.status === 'DONE' ? '환불됨' : STATUS[entry.status];
  const refunded = refundStateOf(entry);
  return refunded === 'none' ? STATUS[entry.status] : REFUNDED[refunded];
}

function signed(entry: ChargeLogEntry, amount: number | null): number | string {
  if (amount === null) return '';
  return entry.kind === 'refund' && amount !== 0 ? -amount : amount;
}

/** What an export was asked for: the log's filter, with the member's name when it names one. */
export interface ExportScope {
  readonly storeName: string;
  readonly memberName?: string | undefined;
  readonly status?: ChargeStatus | undefined;
  readonly kind?: LogKind | undefined;
  /** Epoch ms: from inclusive, to exclusive, as the log filter takes them. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

/**
 * '행복피트니스_결제내역_2026-12-01_2026-12-31.csv': the store, the filter and the days (in the
 * store's zone) the file covers, so files saved side by side say what each holds. Without a date
 * in the filter the range is that of the rows exported (today when there are none).
 */
export function chargesFileName(
  scope: ExportScope,
  entries: readonly ChargeLogEntry[],
  timeZone: string,
  now: Date,
): string {
  const day = (epochMs: number) => storeTimestamp(epochMs, timeZone).slice(0, 10);
  const newest = entries[0]?.createdAt ?? now.getTime();
  const oldest = entries.at(-1)?.createdAt ?? now.getTime();
  const from = day(scope.from ?? oldest);
  const to = day(scope.to === undefined ? newest : scope.to - 1);
  const parts = [
    scope.storeName,
    '결제내역',
    scope.memberName,
    scope.kind && KIND[scope.kind],
    scope.status && STATUS[scope.status],
    from,
    to,
  ];
  return `${parts
    .map((part) => fileNamePart(part ?? ''))
    .filter(Boolean)
    .join('_')}.csv`;
}

/** Spaces and characters Windows or macOS refuse in a file name are left out. */
function fileNamePart(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\s\\/:*?"<>|\u0000-\u001f]+/g, '').slice(0, 40);
}
