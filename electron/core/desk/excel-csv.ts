import { stringify } from 'csv-stringify/sync';
import { wallClockText } from '../../../shared/zoned-time.ts';

/** '2026-11-29 10:00:00' in the store's time: what the store reads on paper and in a spreadsheet. */
export function storeTimestamp(epochMs: number, timeZone: string): string {
  return wallClockText(epochMs, timeZone);
}

/** A column title naming the zone its times are in: '일시(KST)' for Korea, '일시(Asia/Tokyo)' elsewhere. */
export function zonedTitle(title: string, timeZone: string): string {
  return `${title}(${timeZone === 'Asia/Seoul' ? 'KST' : timeZone})`;
}

/**
 * CSV as Excel opens it on a Korean Windows: UTF-8 with a BOM (else Hangul is read as CP949 and
 * garbled), and formulas escaped so a name such as '=HYPERLINK(…)' stays text.
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${stringify([header, ...rows], { escape_formulas: true })}`;
}
