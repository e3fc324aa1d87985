import type Database from 'better-sqlite3';
import {
  type ChargeablePeriod,
  type ChargingMemberRow,
  chargeablePeriod,
  chargingMember,
  markPeriodFailed,
  markPeriodPaid,
} from '../ledger/index.ts';
import type { ChargeStatus } from './views.ts';

/**
 * Everything a scheduled charge's try is made from, in two reads (a due run makes thousands):
 * the period with its subscription and attempts so far (ledger's chargeablePeriod), then its member
 * (with the sealed customer key) and the member's active card (with the sealed billing key; nulls
 * without one).
 */
export type ChargeablePeriodRow = ChargeablePeriod & ChargingMemberRow;

export function chargeablePeriodRow(
  db: Database.Database,
  periodId: number,
  attemptNo: number,
): ChargeablePeriodRow | undefined {
  const period = chargeablePeriod(db, periodId, attemptNo);
  if (!period) return undefined;
  const member = chargingMember(db, period.memberId);
  // The subscription's member_id is a foreign key: the member is there.
  if (!member) throw new Error(`member ${period.memberId} of period ${periodId} is missing`);
  return { ...period, ...member };
}

/**
 * Makes an attempt's period (its periodId) follow the attempt's outcome, in the transaction that records it:
 * DONE → 'paid' (money was taken, so whatever the period said, it is paid now); DECLINED or
 * FAILED → 'failed', but only from 'charging' (a period another attempt has moved on is left).
 * UNKNOWN changes nothing: the period stays 'charging' until the reconciler knows. A manual
 * attempt has no period and nothing happens.
 */
export function followPeriodOutcome(
  db: Database.Database,
  periodId: number | null,
  status: ChargeStatus,
  at: number,
): void {
  if (status !== 'DONE' && status !== 'DECLINED' && status !== 'FAILED') return;
  if (periodId === null) return;
  if (status === 'DONE') markPeriodPaid(db, periodId, at);
  else markPeriodFailed(db, periodId, at);
}
