import type { I18n } from '../../i18n/i18n.tsx';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3분 전": how long a row has waited, which tells staff more at a glance than a timestamp. */
export function timeAgo(t: I18n['t'], since: number, now: number): string {
  const elapsed = Math.max(0, now - since);
  if (elapsed < MINUTE) return t('review.agoSeconds');
  if (elapsed < HOUR) return t('review.agoMinutes', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t('review.agoHours', { count: Math.floor(elapsed / HOUR) });
  return t('review.agoDays', { count: Math.floor(elapsed / DAY) });
}
