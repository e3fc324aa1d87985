import { storeTimeZone, upcoming } from '../schedule/index.ts';
import type { Desk } from './open-desk.ts';

/**
 * The tray's "다음 결제" line: the earliest scheduled charge still to come, in store time. Each
 * subscription's `next` is found whatever the window, so a one-day window is enough.
 */
export function nextChargeLabel(desk: Desk, now: Date): string {
  const dueTimes = upcoming(desk.ledger, { now, days: 1 })
    .subscriptions.flatMap((subscription) => (subscription.next ? [subscription.next.dueAt] : []))
    .sort((a, b) => a - b);
  const first = dueTimes[0];
  if (first === undefined) return '예정된 결제 없음';
  return new Intl.DateTimeFormat('ko-KR', {
    timeZone: storeTimeZone(desk.ledger.db),
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(first);
}
