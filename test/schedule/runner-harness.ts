import type { Ledger } from '../../electron/core/ledger/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { createScheduleRunner, type ScheduleRunnerDeps } from '../../electron/core/schedule/index.ts';
import type { Desk } from '../billing/harness.ts';

/** An instant given as store-local (Asia/Seoul) wall-clock time. */
export const kst = (local: string) => Date.parse(`${local}+09:00`);

export interface SubscriptionRowInput {
  memberId: number;
  anchorDate?: string;
  startDate?: string;
  amount?: number;
  taxFreeAmount?: number;
  orderName?: string;
  status?: string;
  intervalUnit?: 'day' | 'week' | 'month' | 'year';
}

/** A subscription written with plain SQL, so these tests do not depend on the subscription service. */
export function insertSubscription(ledger: Ledger, input: SubscriptionRowInput): number {
  const anchorDate = input.anchorDate ?? '2024-01-31';
  const result = ledger.db
    .prepare(
      `INSERT INTO subscriptions (member_id, amount, tax_free_amount, order_name, interval_unit, interval_count,
         charge_time, anchor_date, start_date, status, time_zone, created_at, updated_at)
       VALUES (@memberId, @amount, @taxFreeAmount, @orderName, @intervalUnit, 1, '10:00', @anchorDate, @startDate,
         @status, 'Asia/Seoul', 0, 0)`,
    )
    .run({
      memberId: input.memberId,
      amount: input.amount ?? 50_000,
      taxFreeAmount: input.taxFreeAmount ?? 0,
      orderName: input.orderName ?? '월 회비',
      intervalUnit: input.intervalUnit ?? 'month',
      anchorDate,
      startDate: input.startDate ?? anchorDate,
      status: input.status ?? 'active',
    });
  return Number(result.lastInsertRowid);
}

export interface PeriodRecord {
  id: number;
  subscriptionId: number;
  periodIndex: number;
  periodStart: string;
  dueAt: number;
  amount: number;
  status: string;
}

export function periodsOf(ledger: Ledger, subscriptionId?: number): PeriodRecord[] {
  return ledger.db
    .prepare(
      `SELECT id, subscription_id AS subscriptionId, period_index AS periodIndex, period_start AS periodStart,
         due_at AS dueAt, amount, status FROM subscription_periods
       WHERE @sub IS NULL OR subscription_id = @sub ORDER BY subscription_id, period_index`,
    )
    .all({ sub: subscriptionId ?? null }) as PeriodRecord[];
}

export interface AttemptRecord {
  id: number;
  orderId: string;
  periodId: number | null;
  attemptNo: number;
  kind: string;
  status: string;
  tossCode: string | null;
  amount: number;
}

export function attemptsOf(ledger: Ledger): AttemptRecord[] {
  return ledger.db
    .prepare(
      `SELECT id, order_id AS orderId, subscription_period_id AS periodId, attempt_no AS attemptNo, kind, status,
         toss_code AS tossCode, amount FROM charge_attempts ORDER BY id`,
    )
    .all() as AttemptRecord[];
}

/** A runner over the desk's ledger, billing services and clock. */
export function runnerFor(d: Desk, overrides: Partial<ScheduleRunnerDeps> = {}) {
  const log = createLogger({
    sink: (line) => d.lines.push(line),
    now: () => new Date(d.clock.now),
    level: 'debug',
  });
  return createScheduleRunner({
    ledger: d.ledger,
    billing: d.services,
    now: () => new Date(d.clock.now),
    log,
    sleep: async () => {},
    ...overrides,
  });
}
