import type { Locale } from './i18n/i18n.tsx';

/** Every date on screen is the store's: Korea, whatever the PC's own zone is. */
export const STORE_TIME_ZONE = 'Asia/Seoul';

const TAGS: Readonly<Record<Locale, string>> = { ko: 'ko-KR', en: 'en-US' };

const grouping = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

/** 1234500 → '1,234,500' (the same grouping in both languages). */
export function groupDigits(amount: number): string {
  return grouping.format(amount);
}

/** 12000 → '12,000원' in Korean, '₩12,000' in English. */
export function formatWon(amount: number, locale: Locale): string {
  return locale === 'ko' ? `${groupDigits(amount)}원` : `₩${groupDigits(amount)}`;
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** An instant as the store reads it: '2026. 5. 3. 오후 2:05' (Asia/Seoul). */
export function formatDateTime(epochMs: number, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(TAGS[locale], {
      timeZone: STORE_TIME_ZONE,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(epochMs);
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
