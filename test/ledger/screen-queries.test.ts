import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { UNRESOLVED_ATTEMPTS_SQL } from '../../electron/core/ledger/attempts.ts';
import { chargeLogSql, refundLogSql } from '../../electron/core/ledger/charge-log.ts';
import { DUE_PERIODS_SQL } from '../../electron/core/ledger/due-periods.ts';
import {
  CHARGE_KINDS,
  type ChargeLogEntry,
  type ChargeLogFilter,
  type ChargeStatus,
  chargeLogPage,
  duePeriods,
  type Ledger,
  monthTotals,
  unresolvedAttempts,
} from '../../electron/core/ledger/index.ts';
import { MONTH_TOTALS_SQL } from '../../electron/core/ledger/month-totals.ts';
import { done, rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();
const HOUR = 3_600_000;
const JAN = Date.UTC(2024, 11, 31, 15); // 2025-01-01 00:00 in Seoul
const FEB = Date.UTC(2025, 0, 31, 15);
const MAR = Date.UTC(2025, 1, 28, 15);

interface Seeded {
  id: number;
  refund: boolean;
  memberId: number;
  status: ChargeStatus;
  createdAt: number;
  amount: number;
  taxFree: number;
}

let ledger: Ledger;
let db: Database.Database;
let members: number[];
let seeded: Seeded[];

/**
 * Two months of charges for three members, with pairs of charges sharing a timestamp so that
 * paging has ties to break, refunds of some of them (a few written in the same millisecond as a
 * charge), and a subscription with three periods.
 */
beforeEach(async () => {
  ledger = await temp.ledger();
  db = ledger.db;
  db.transaction(() => {
    const rows = rowInserts(db);
    members = [rows.member(), rows.member(), rows.member()];
    const cards = members.map((member) => rows.card(member));
    const statuses: ChargeStatus[] = [
      'DONE',
      'DONE',
      'DONE',
      'DECLINED',
      'DONE',
      'FAILED',
      'DONE',
      'UNKNOWN',
    ];
    seeded = [];
    const operator = rows.operator();
    for (let i = 0; i < 240; i++) {
      const who = i % 3;
      const memberId = members[who] as number;
      const status = statuses[i % statuses.length] as ChargeStatus;
      const createdAt = JAN + Math.floor((i * 2) / 3) * 6 * HOUR;
      const amount = 1_000 * (1 + (i % 17));
      const taxFree = i % 5 === 0 ? amount : 0;
      const outcome =
        status === 'DONE'
          ? done(amount, taxFree, createdAt)
          : status === 'UNKNOWN'
            ? { status }
            : { status, toss_code: 'REJECT_CARD_PAYMENT', resolved_at: createdAt };
      const id = rows.charge(memberId, cards[who] as number, {
        amount,
        tax_free_amount: taxFree,
        created_at: createdAt,
        updated_at: createdAt,
        ...outcome,
      });
      seeded.push({ id, refund: false, memberId, status, createdAt, amount, taxFree });
      if (status === 'DONE' && i % 4 === 0) {
        const refundedAt = createdAt + (i % 8 === 0 ? 0 : 3 * HOUR);
        const refund = rows.refund(id, operator, {
          amount: 500,
          status: 'DONE',
          transaction_key: `tx${i}`,
          balance_after: amount - 500,
          created_at: refundedAt,
          updated_at: refundedAt,
          resolved_at: refundedAt,
        });
        seeded.push({
          id: refund,
          refund: true,
          memberId,
          status,
          createdAt: refundedAt,
          amount: 500,
          taxFree: 0,
        });
      }
    }
    const subscription = rows.subscription(members[0] as number);
    rows.period(subscription, 0, { due_at: JAN + HOUR, status: 'paid' });
    rows.period(subscription, 1, {
      due_at: FEB + HOUR,
      period_start: '2025-02-28',
      period_end: '2025-03-31',
    });
    rows.period(subscription, 2, {
      due_at: MAR + HOUR,
      period_start: '2025-03-31',
      period_end: '2025-04-30',
    });
  })();
});

const keyOf = (entry: { id: number; refund: boolean }) => `${entry.refund ? 'r' : 'c'}${entry.id}`;
const keysOf = (entries: readonly ChargeLogEntry[]) =>
  entries.map((entry) => keyOf({ id: entry.id, refund: entry.kind === 'refund' }));

function newestFirst(filter: (row: Seeded) => boolean): string[] {
  return seeded
    .filter(filter)
    .sort((a, b) => b.createdAt - a.createdAt || Number(b.refund) - Number(a.refund) || b.id - a.id)
    .map(keyOf);
}

function walk(filter: ChargeLogFilter, limit: number): ChargeLogEntry[] {
  const all: ChargeLogEntry[] = [];
  let page = chargeLogPage(db, filter, { limit });
  all.push(...page.entries);
  while (page.next) {
    page = chargeLogPage(db, filter, { limit, before: page.next });
    all.push(...page.entries);
  }
  return all;
}

describe('chargeLogPage', () => {
  it('walks one member’s charges and refunds newest first, across timestamp ties, with no repeats or gaps', () => {
    const member = members[1] as number;
    const entries = walk({ memberId: member }, 7);
    expect(seeded.some((row) => row.refund && row.memberId === member)).toBe(true);
    expect(keysOf(entries)).toEqual(newestFirst((row) => row.memberId === member));
  });

  it('filters by status, by a month, and by both', () => {
    expect(keysOf(walk({ status: 'DECLINED' }, 10))).toEqual(newestFirst((r) => r.status === 'DECLINED'));
    const inFeb = (r: Seeded) => r.createdAt >= FEB && r.createdAt < MAR;
    expect(keysOf(walk({ from: FEB, to: MAR }, 50))).toEqual(newestFirst(inFeb));
    expect(keysOf(walk({ from: FEB, to: MAR, status: 'DONE', memberId: members[2] }, 4))).toEqual(
      newestFirst((r) => inFeb(r) && r.status === 'DONE' && r.memberId === members[2]),
    );
  });

  it('filters by kind: charges only, refunds only, or both', () => {
    expect(keysOf(walk({ kinds: CHARGE_KINDS }, 30))).toEqual(newestFirst((r) => !r.refund));
    expect(keysOf(walk({ kinds: ['refund'] }, 6))).toEqual(newestFirst((r) => r.refund));
    expect(walk({ kinds: ['scheduled'] }, 6)).toEqual([]);
    expect(keysOf(walk({ kinds: ['manual', 'refund'], memberId: members[0] }, 9))).toEqual(
      newestFirst((r) => r.memberId === members[0]),
    );
  });

  it('shows a refund under its charge’s order, with its own amount, balance and reason', () => {
    const refund = seeded.find((row) => row.refund) as Seeded;
    const entry = walk({ kinds: ['refund'] }, 500).find((e) => e.id === refund.id);
    const charge = db
      .prepare(
        'SELECT c.id, c.order_id AS orderId, c.amount FROM refunds r JOIN charge_attempts c ON c.id = r.charge_attempt_id WHERE r.id = ?',
      )
      .get(refund.id) as { id: number; orderId: string; amount: number };
    expect(entry).toMatchObject({
      kind: 'refund',
      chargeId: charge.id,
      orderId: charge.orderId,
      amount: 500,
      balanceAmount: charge.amount - 500,
      reason: '고객 요청',
      approveNo: null,
      status: 'DONE',
    });
  });

  it('returns the screen’s fields, and no cursor after the last page', () => {
    const page = chargeLogPage(db, { memberId: members[0] as number }, { limit: 500 });
    expect(page.next).toBeNull();
    const first = page.entries[0];
    expect(first).toMatchObject({
      memberId: members[0],
      memberNo: expect.stringMatching(/^M-/),
      memberName: '김하늘',
      maskedNumber: '43301234****123*',
      companyName: '현대',
      kind: 'manual',
      reason: null,
    });
    expect(first?.chargeId).toBe(first?.id);
    expect(() => chargeLogPage(db, {}, { limit: 501 })).toThrow(RangeError);
  });
});

describe('monthTotals', () => {
  it('sums the DONE charges of the month with Toss’s VAT split', () => {
    const feb = seeded.filter(
      (r) => !r.refund && r.status === 'DONE' && r.createdAt >= FEB && r.createdAt < MAR,
    );
    const vat = feb.reduce((sum, r) => sum + Math.round((r.amount - r.taxFree) / 11), 0);
    const amount = feb.reduce((sum, r) => sum + r.amount, 0);
    const taxFreeAmount = feb.reduce((sum, r) => sum + r.taxFree, 0);
    // Charges 186 to 239 fall in February (the first two of every three 6 h apart, from January 1st:
    // charge i at floor(2i/3) × 6 h); 5 of every 8 are DONE.
    expect(feb).toHaveLength(33);
    expect(monthTotals(db, FEB, MAR)).toEqual({
      count: feb.length,
      amount,
      suppliedAmount: amount - taxFreeAmount - vat,
      vat,
      taxFreeAmount,
    });
  });

  it('is all zeros for a month without charges', () => {
    expect(monthTotals(db, Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1))).toEqual({
      count: 0,
      amount: 0,
      suppliedAmount: 0,
      vat: 0,
      taxFreeAmount: 0,
    });
  });
});

describe('queues', () => {
  it('lists unresolved attempts oldest first with what reconciliation needs', () => {
    const queue = unresolvedAttempts(db);
    expect(queue.map((a) => keyOf({ id: a.id, refund: false }))).toEqual(
      newestFirst((r) => r.status === 'UNKNOWN' || r.status === 'PENDING').reverse(),
    );
    expect(queue[0]).toMatchObject({
      status: 'UNKNOWN',
      kind: 'manual',
      attemptNo: 1,
      subscriptionPeriodId: null,
    });
    expect(queue[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(unresolvedAttempts(db, 2)).toHaveLength(2);
  });

  it('lists pending periods that are due, earliest first', () => {
    expect(duePeriods(db, FEB + HOUR).map((p) => p.periodIndex)).toEqual([1]);
    expect(duePeriods(db, MAR + HOUR).map((p) => p.periodStart)).toEqual(['2025-02-28', '2025-03-31']);
  });
});

/** EXPLAIN QUERY PLAN, one line per step (the plan does not depend on the values bound). */
function plan(sql: string): string[] {
  const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, 1]));
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

/** Every query searches its index; only a member's refunds, a handful, are sorted. */
describe('every screen query searches its index', () => {
  it.each([
    ['member', { memberId: 1 }, 'SEARCH c USING INDEX charge_attempts_by_member (member_id=?'],
    ['status', { status: 'DONE' }, 'SEARCH c USING INDEX charge_attempts_by_status_totals (status=?'],
    [
      'month',
      { from: 1, to: 2 },
      'SEARCH c USING INDEX charge_attempts_by_created (created_at>? AND created_at<?)',
    ],
    [
      'member in a month',
      { memberId: 1, from: 1, to: 2 },
      'SEARCH c USING INDEX charge_attempts_by_member (member_id=? AND created_at>? AND created_at<?)',
    ],
  ] as const)('charge log by %s', (_, filter, search) => {
    for (const hasCursor of [false, true]) {
      const steps = plan(chargeLogSql(filter, hasCursor) as string);
      expect(steps[0]).toContain(search);
      expect(steps.slice(1)).toEqual([
        'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
        'SEARCH k USING INTEGER PRIMARY KEY (rowid=?)',
      ]);
    }
  });

  it('refunds by date or status walk their own indexes; a member’s come through the member’s charges', () => {
    for (const hasCursor of [false, true]) {
      expect(plan(refundLogSql({ from: 1, to: 2 }, hasCursor) as string)).toEqual([
        expect.stringMatching(
          /^SEARCH r USING INDEX refunds_by_created \(created_at>\? AND created_at<\?\)$/,
        ),
        'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
        'SEARCH m USING INTEGER PRIMARY KEY (rowid=?)',
        'SEARCH k USING INTEGER PRIMARY KEY (rowid=?)',
      ]);
      expect(plan(refundLogSql({ memberId: 1 }, hasCursor) as string).slice(0, 2)).toEqual([
        'SEARCH c USING INDEX charge_attempts_by_member (member_id=?)',
        'SEARCH r USING INDEX refunds_by_charge (charge_attempt_id=?)',
      ]);
    }
    expect(plan(refundLogSql({ status: 'FAILED' }, true) as string)[0]).toMatch(
      /^SEARCH r USING INDEX refunds_by_status \(status=\? AND created_at<\?\)$/,
    );
    expect(refundLogSql({ status: 'DECLINED' }, false)).toBeNull();
    expect(refundLogSql({ kinds: ['manual'] }, false)).toBeNull();
    expect(chargeLogSql({ kinds: ['refund'] }, false)).toBeNull();
  });

  it('month totals read the covering index only', () => {
    expect(plan(MONTH_TOTALS_SQL)).toEqual([
      'SEARCH charge_attempts USING COVERING INDEX charge_attempts_by_status_totals (status=? AND created_at>? AND created_at<?)',
    ]);
  });

  it('the unresolved queue and due periods use their partial indexes', () => {
    expect(plan(UNRESOLVED_ATTEMPTS_SQL)).toEqual([
      'SCAN charge_attempts USING INDEX charge_attempts_unresolved',
    ]);
    expect(plan(DUE_PERIODS_SQL)).toEqual([
      'SEARCH subscription_periods USING INDEX subscription_periods_due (due_at<?)',
    ]);
  });
});
