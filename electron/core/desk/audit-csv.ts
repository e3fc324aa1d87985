import type { AuditEntryView } from '../audit/index.ts';
import { excelCsv, storeTimestamp, zonedTitle } from './excel-csv.ts';

export function auditCsv(entries: readonly AuditEntryView[], timeZone: string): string {
  return excelCsv(
    ['번호', zonedTitle('시각', timeZone), '누가', '직원 번호', '작업', '대상', '내용'],
    entries.map((entry) => [
      entry.id,
      storeTimestamp(entry.at, timeZone),
      entry.actor,
      entry.operatorId ?? '',
      entry.action,
      entry.subject,
      JSON.stringify(entry.details),
    ]),
  );
}
