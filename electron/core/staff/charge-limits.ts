import type Database from 'better-sqlite3';
import { chargedByOperator, operatorCaps } from '../ledger/index.ts';
import { storeDay } from '../schedule/index.ts';

export interface CapExceeded {
  readonly kind: 'per_charge' | 'daily';
  readonly cap: number;
  /** For the daily cap: what the operator has charged today before this one. */
  readonly used: number;
}

const KRW = new Intl.NumberFormat('ko-KR');

/**
 * Whether charging `amount` would take the operator over a cap set by the owner: the per-charge
 * cap, or the daily cap counted over today's attempts that charged or may have (DONE, PENDING,
 * UNKNOWN) in the store's time zone. Declined and failed attempts moved no money and do not count.
 */
export function chargeCapExceeded(
  db: Database.Database,
  operatorId: number,
  amount: number,
  now: Date,
  timeZone: string,
): CapExceeded | null {
  const caps = operatorCaps(db, operatorId);
  if (!caps) return null;
  if (caps.perChargeCap !== null && amount > caps.perChargeCap) {
    return { kind: 'per_charge', cap: caps.perChargeCap, used: 0 };
  }
  if (caps.dailyCap === null) return null;
  const day = storeDay(now, timeZone);
  const used = chargedByOperator(db, operatorId, day.start, day.end);
  return used + amount > caps.dailyCap ? { kind: 'daily', cap: caps.dailyCap, used } : null;
}

/** The cashier's message: which cap, how much, and what to do. */
export function capMessage(exceeded: CapExceeded): string {
  return exceeded.kind === 'per_charge'
    ? `1회 결제 한도 ${KRW.format(exceeded.cap)}원을 넘습니다. 매니저 PIN 승인이 필요합니다.`
    : `오늘 결제 한도 ${KRW.format(exceeded.cap)}원을 넘습니다(오늘 ${KRW.format(exceeded.used)}원 결제). 매니저 PIN 승인이 필요합니다.`;
}
