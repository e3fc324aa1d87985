import { offsetText, zoneOffsetMinutes } from '../../shared/zoned-time.ts';

/**
 * The zones a store picks from: Korea first, then a short list of common ones under the names
 * people use, canonical IANA names only (no legacy aliases such as Asia/Calcutta or ROK).
 */
const COMMON: readonly (readonly [zone: string, ko: string, en: string])[] = [
  ['Asia/Seoul', '한국 (서울)', 'Korea (Seoul)'],
  ['Asia/Tokyo', '일본 (도쿄)', 'Japan (Tokyo)'],
  ['Asia/Shanghai', '중국 (베이징·상하이)', 'China (Beijing, Shanghai)'],
  ['Asia/Taipei', '대만 (타이베이)', 'Taiwan (Taipei)'],
  ['Asia/Hong_Kong', '홍콩', 'Hong Kong'],
  ['Asia/Singapore', '싱가포르', 'Singapore'],
  ['Asia/Bangkok', '태국 (방콕)', 'Thailand (Bangkok)'],
  ['Asia/Ho_Chi_Minh', '베트남 (호찌민)', 'Vietnam (Ho Chi Minh City)'],
  ['Asia/Manila', '필리핀 (마닐라)', 'Philippines (Manila)'],
  ['Asia/Jakarta', '인도네시아 (자카르타)', 'Indonesia (Jakarta)'],
  ['Australia/Sydney', '호주 (시드니)', 'Australia (Sydney)'],
  ['Pacific/Auckland', '뉴질랜드 (오클랜드)', 'New Zealand (Auckland)'],
  ['America/Los_Angeles', '미국 서부 (로스앤젤레스)', 'US Pacific (Los Angeles)'],
  ['America/New_York', '미국 동부 (뉴욕)', 'US Eastern (New York)'],
  ['Europe/London', '영국 (런던)', 'UK (London)'],
  ['Europe/Paris', '프랑스 (파리)', 'France (Paris)'],
  ['Europe/Berlin', '독일 (베를린)', 'Germany (Berlin)'],
  ['UTC', '협정 세계시 (UTC)', 'Coordinated Universal Time (UTC)'],
];

export interface TimeZoneChoice {
  readonly zone: string;
  /** '한국 (서울) · UTC+09:00': the name people use and the offset right now. */
  readonly label: string;
}

/** The picker's options; a store already in another zone keeps it, listed last under its IANA name. */
// The locale as a plain union (i18n.tsx's Locale), so that this module stays free of JSX imports.
export function timeZoneChoices(current: string, locale: 'ko' | 'en', now = Date.now()): TimeZoneChoice[] {
  const offset = (zone: string) => `UTC${offsetText(zoneOffsetMinutes(now, zone))}`;
  const choices = COMMON.map(([zone, ko, en]) => ({
    zone,
    label: `${locale === 'ko' ? ko : en} · ${offset(zone)}`,
  }));
  if (current !== '' && !COMMON.some(([zone]) => zone === current)) {
    choices.push({ zone: current, label: `${current} · ${offset(current)}` });
  }
  return choices;
}
