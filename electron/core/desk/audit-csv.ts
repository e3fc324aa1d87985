import { stringify } from 'csv-stringify/sync';
import type { AuditEntryView } from '../audit/index.ts';

const AT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** UTF-8 with a BOM, so Excel on a Korean Windows opens the Hangul as Hangul rather than guessing. */
export function auditCsv(entries: readonly AuditEntryView[]): string {
  const rows = entries.map((entry) => [
    entry.id,
    AT.format(entry.at),
    entry.actor,
    entry.operatorId ?? '',
    entry.action,
    entry.subject,
    JSON.stringify(entry.details),
  ]);
  // escape_formulas: a name such as '=HYPERLINK(…)' must stay text when a spreadsheet opens the file.
  const header = ['번호', '시각(KST)', '누가', '직원 번호', '작업', '대상', '내용'];
  return `\uFEFF${stringify([header, ...rows], { escape_formulas: true })}`;
}
