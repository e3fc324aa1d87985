import { wallClockText } from '../shared/zoned-time.ts';
import type { Locale } from './i18n/locale.ts';

/**
 * Every date on screen is in the store's zone, whatever the PC's own zone is: Korea's until the
 * app status names the store's (see StoreTimeZone).
 */
const DEFAULT_TIME_ZONE = 'Asia/Seoul';

const grouping = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

/** 1234500 → '1,234,500' (the same grouping in both languages). */
export function groupDigits(amount: number): string {
  return grouping.format(amount);
}

/**
 * 12000 → '12,000원' in Korean, '₩12,000' in English. A negative amount takes the minus sign
 * (U+2212) every screen uses for money going back, never a hyphen: −5,000원.
 */
export function formatWon(amount: number, locale: Locale): string {
  const sign = amount < 0 ? '−' : '';
  const digits = groupDigits(Math.abs(amount));
  return locale === 'ko' ? `${sign}${digits}원` : `${sign}₩${digits}`;
}

/**
 * An instant as the store reads it, in one format on every screen and in both languages, the one
 * the CSV and the day lists use: '2026-05-03 14:05' in the store's zone, 24-hour.
 */
export function formatDateTime(epochMs: number, _locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return wallClockText(epochMs, timeZone).slice(0, 16);
}

/** The digits of what was typed into an amount field, without leading zeros: '01,2a3' → '123'. */
export function amountDigits(typed: string): string {
  return typed
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, 10);
}

/** What an amount field shows for its digits: '1234500' → '1,234,500', '' → ''. */
export function formatAmountInput(digits: string): string {
  return digits === '' ? '' : groupDigits(Number(digits));
}

/**
 * What an amount field keeps of what was typed: the digits of a plain amount ('12,000' → '12000'),
 * or the text itself when it is not one ('-5000', '5.5'), so that the form refuses it with a reason
 * instead of silently charging 5,000 or 55.
 */
export function amountText(typed: string): string {
  const compact = typed.replace(/[\s,]/g, '');
  if (/^\d*$/.test(compact)) return compact.replace(/^0+(?=\d)/, '').slice(0, 10);
  return typed.trim().slice(0, 20);
}

/** What an amount field shows: a plain amount grouped ('1,234,500'), anything else as typed. */
export function formatAmountText(text: string): string {
  return /^\d+$/.test(text) ? groupDigits(Number(text)) : text;
}

export type AmountTextProblem = 'amount.negative' | 'amount.fraction' | 'amount.notNumber';

/** Why amountText's result is not a whole number of won, or null when it is one (or empty). */
export function amountTextProblem(text: string): AmountTextProblem | null {
  if (/^\d*$/.test(text)) return null;
  if (/[-−]/.test(text)) return 'amount.negative';
  if (/\./.test(text)) return 'amount.fraction';
  return 'amount.notNumber';
}
