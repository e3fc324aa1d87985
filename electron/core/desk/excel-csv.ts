import { stringify } from 'csv-stringify/sync';

const KST_TIMESTAMP = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** '2026-11-29 10:00:00' in Korean time: what the store reads on paper and in a spreadsheet. */
export function kstTimestamp(epochMs: number): string {
  return KST_TIMESTAMP.format(epochMs);
}

/**
 * CSV as Excel opens it on a Korean Windows: UTF-8 with a BOM (else Hangul is read as CP949 and
 * garbled), and formulas escaped so a name such as '=HYPERLINK(…)' stays text.
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${stringify([header, ...rows], { escape_formulas: true })}`;
}
