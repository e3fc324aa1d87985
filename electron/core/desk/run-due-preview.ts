import { readSetting } from '../ledger/index.ts';
import { dueNowPreview, storeDay, storeTimeZone, upcoming } from '../schedule/index.ts';
import type { Desk } from './open-desk.ts';
import { CATCH_UP_THRESHOLD_DAYS } from './settings.ts';

const DAY_MS = 24 * 60 * 60 * 1_000;

/**
 * "지금 결제 실행" asks first: what a run now would charge (count and total), and what is still to
 * come later today, grouped by due time, so a run that charges nothing can say why ("10:00에 결제
 * 예정 3건: 아직 시간이 안 됨").
 */
export function runDuePreview(desk: Desk, now: Date) {
  const db = desk.ledger.db;
  const due = dueNowPreview(desk.ledger, now, readSetting(db, CATCH_UP_THRESHOLD_DAYS) * DAY_MS);
  const today = storeDay(now, storeTimeZone(db)).date;
  const charges =
    upcoming(desk.ledger, { now, days: 1 }).byDay.find((day) => day.date === today)?.charges ?? [];
  const byTime = new Map<number, { dueAt: number; count: number; amount: number }>();
  for (const charge of charges) {
    const slot = byTime.get(charge.dueAt) ?? { dueAt: charge.dueAt, count: 0, amount: 0 };
    byTime.set(charge.dueAt, { ...slot, count: slot.count + 1, amount: slot.amount + charge.amount });
  }
  return { ...due, laterToday: [...byTime.values()].sort((a, b) => a.dueAt - b.dueAt) };
}
