import type { AuditEntryView } from '../audit/index.ts';
import { excelCsv, kstTimestamp } from './excel-csv.ts';

const HEADER = ['번호', '시각(KST)', '누가', '직원 번호', '작업', '대상', '내용'];

export function auditCsv(entries: readonly AuditEntryView[]): string {
  return excelCsv(
    HEADER,
    entries.map((entry) => [
      entry.id,
      kstTimestamp(entry.at),
      entry.actor,
      entry.operatorId ?? '',
      entry.action,
      entry.subject,
      JSON.stringify(entry.details),
    ]),
  );
}
