import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../electron/core/ledger/index.ts';
import { done, type Row, type RowInserts, rowInserts } from './rows.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();

/** The SQLite error code of what `write` throws: the constraint is SQLite's, not code's. */
function sqliteRefusal(write: () => unknown): string {
  try {
    write();
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  return 'accepted';
}

let ledger: Ledger;
let db: Database.Database;
let rows: RowInserts;
let member: number;
let card: number;
let operator: number;

beforeEach(async () => {
  ledger = await temp.ledger();
  db = ledger.db;
  rows = rowInserts(db);
  member = rows.member();
  card = rows.card(member);
  operator = rows.operator();
});

function period(index = 0): number {
  return rows.period(rows.subscription(member), index);
}

describe('charge attempts: exactly once (design.md invariant 4)', () => {
  it('rejects a second DONE charge for one period', () => {
    const p = period();
    rows.charge(member, card, { kind: 'scheduled', subscription_period_id: p, ...done(15_000) });
    expect(
      sqliteRefusal(() =>
        rows.charge(member, card, {
          kind: 'retry',
          attempt_no: 2,
          subscription_period_id: p,
          ...done(15_000),
        }),
      ),
    ).toMatch(/^SQLITE_CONSTRAINT_UNIQUE: .*charge_attempts\.subscription_period_id/);
  });

  it('rejects a new attempt for a period while one is unresolved, and allows a retry after a decline', () => {
    const p = period();
    const first = rows.charge(member, card, {
      kind: 'scheduled',
      subscription_period_id: p,
      status: 'UNKNOWN',
    });
    expect(
      sqliteRefusal(() =>
        rows.charge(member, card, { kind: 'retry', attempt_no: 2, subscription_period_id: p }),
      ),
    ).toMatch(/^SQLITE_CONSTRAINT_UNIQUE/);
    db.prepare(
      "UPDATE charge_attempts SET status = 'DECLINED', toss_code = 'REJECT_CARD_PAYMENT', resolved_at = 2 WHERE id = ?",
    ).run(first);
    expect(
      sqliteRefusal(() =>
        rows.charge(member, card, { kind: 'retry', attempt_no: 2, subscription_period_id: p }),
      ),
    ).toBe('accepted');
  });

  it('allows any number of manual charges, and needs a period exactly for scheduled kinds', () => {
    rows.charge(member, card, done(15_000));
    rows.charge(member, card, done(15_000));
    expect(sqliteRefusal(() => rows.charge(member, card, { kind: 'scheduled' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { subscription_period_id: period() }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { attempt_no: 2 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('keeps orderId, Idempotency-Key and request id unique', () => {
    rows.charge(member, card, { order_id: 'order_0001', idempotency_key: 'key-1', request_id: 'click-1' });
    const clashes: Row[] = [
      { order_id: 'order_0001' },
      { idempotency_key: 'key-1' },
      { request_id: 'click-1' },
    ];
    for (const clash of clashes) {
      expect(sqliteRefusal(() => rows.charge(member, card, clash))).toMatch(/^SQLITE_CONSTRAINT_UNIQUE/);
    }
    expect(sqliteRefusal(() => rows.charge(member, card, { order_id: 'bad id!' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('never changes a recorded request, so a resend is the same request', () => {
    const id = rows.charge(member, card, { status: 'UNKNOWN' });
    for (const change of [
      'amount = 20000',
      "idempotency_key = 'other'",
      "order_id = 'order_other'",
      'card_id = 99',
    ]) {
      expect(
        sqliteRefusal(() => db.prepare(`UPDATE charge_attempts SET ${change} WHERE id = ?`).run(id)),
      ).toMatch(/^SQLITE_CONSTRAINT_TRIGGER: 기록된 결제 요청/);
    }
    expect(
      sqliteRefusal(() =>
        db.prepare("UPDATE charge_attempts SET status = 'PENDING', sent_at = 5 WHERE id = ?").run(id),
      ),
    ).toBe('accepted');
  });

  it('keeps a final outcome final; only refunds lower the balance', () => {
    const id = rows.charge(member, card, done(15_000));
    const update = (set: string) =>
      sqliteRefusal(() => db.prepare(`UPDATE charge_attempts SET ${set} WHERE id = ?`).run(id));
    expect(update("status = 'FAILED', toss_code = 'X'")).toMatch(
      /^SQLITE_CONSTRAINT_TRIGGER: 확정된 결제 결과/,
    );
    expect(update('vat = 0')).toMatch(/^SQLITE_CONSTRAINT_TRIGGER/);
    expect(update('balance_amount = 10000')).toBe('accepted');
    expect(update('balance_amount = 12000')).toMatch(/^SQLITE_CONSTRAINT_TRIGGER/);
    expect(update('balance_amount = 0')).toBe('accepted');
    expect(update('balance_amount = -1')).toMatch(/^SQLITE_CONSTRAINT_CHECK/);
  });

  it('requires what a DONE answer carries, and a code for every failure', () => {
    const { payment_key: _, ...noKey } = done(15_000);
    expect(sqliteRefusal(() => rows.charge(member, card, noKey))).toMatch(/^SQLITE_CONSTRAINT_CHECK/);
    expect(sqliteRefusal(() => rows.charge(member, card, { ...done(15_000), vat: 2_000 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { status: 'DECLINED', resolved_at: 2 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { status: 'PENDING', resolved_at: 2 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { status: 'DONE_ISH' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('charges only a card of the member being charged', () => {
    const other = rows.member();
    const othersCard = rows.card(other);
    expect(sqliteRefusal(() => rows.charge(member, othersCard))).toMatch(/^SQLITE_CONSTRAINT_FOREIGNKEY/);
  });
});

describe('money is integer KRW (invariant 7)', () => {
  it('refuses fractions, text, amounts below 100 and tax-free parts above the amount', () => {
    expect(sqliteRefusal(() => rows.charge(member, card, { amount: 15_000.5 }))).toMatch(
      /^SQLITE_CONSTRAINT_DATATYPE/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { amount: '15000원' }))).toMatch(
      /^SQLITE_CONSTRAINT_DATATYPE/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { amount: 99 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.charge(member, card, { tax_free_amount: 15_001 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(sqliteRefusal(() => rows.period(rows.subscription(member), 0, { tax_free_amount: -1 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('never lets refunds exceed the balance, counting refunds still in flight', () => {
    const charge = rows.charge(member, card, done(10_000));
    expect(sqliteRefusal(() => rows.refund(charge, operator, { amount: 10_001 }))).toMatch(
      /^SQLITE_CONSTRAINT_TRIGGER: 환불 금액이 결제의 남은 금액보다 큽니다/,
    );
    rows.refund(charge, operator, { amount: 6_000 });
    expect(sqliteRefusal(() => rows.refund(charge, operator, { amount: 4_001 }))).toMatch(
      /^SQLITE_CONSTRAINT_TRIGGER/,
    );
    expect(sqliteRefusal(() => rows.refund(charge, operator, { amount: 4_000 }))).toBe('accepted');
    const declined = rows.charge(member, card, {
      status: 'DECLINED',
      toss_code: 'REJECT_CARD_PAYMENT',
      resolved_at: 2,
    });
    expect(sqliteRefusal(() => rows.refund(declined, operator, { amount: 100 }))).toMatch(
      /^SQLITE_CONSTRAINT_TRIGGER/,
    );
  });

  it('keeps a refund request fixed and a DONE refund final', () => {
    const refund = rows.refund(rows.charge(member, card, done(10_000)), operator, {
      status: 'DONE',
      transaction_key: 'B7103F204998813B889C77C043D09502',
      balance_after: 9_000,
      resolved_at: 2,
    });
    for (const change of ['amount = 2000', "status = 'FAILED', toss_code = 'X'", 'balance_after = 10000']) {
      expect(
        sqliteRefusal(() => db.prepare(`UPDATE refunds SET ${change} WHERE id = ?`).run(refund)),
      ).toMatch(/^SQLITE_CONSTRAINT_TRIGGER: 기록된 환불 요청/);
    }
  });
});

describe('members and cards', () => {
  it('stores keys only sealed: text is refused, and so is anything too short to be AES-GCM output', () => {
    expect(sqliteRefusal(() => rows.member({ customer_key_sealed: 'customer-key-plain' }))).toMatch(
      /^SQLITE_CONSTRAINT_DATATYPE/,
    );
    expect(sqliteRefusal(() => rows.member({ customer_key_sealed: Buffer.alloc(28) }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    expect(
      sqliteRefusal(() => rows.card(member, { billing_key_sealed: 'Z_t5vOvQxrj4499PeiJcjen28=' })),
    ).toMatch(/^SQLITE_CONSTRAINT_DATATYPE/);
  });

  it('never stores an unmasked card number', () => {
    expect(sqliteRefusal(() => rows.card(rows.member(), { masked_number: '4330123412341234' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('allows one active card per member; replaced cards stay for history', () => {
    expect(sqliteRefusal(() => rows.card(member))).toMatch(/^SQLITE_CONSTRAINT_UNIQUE/);
    db.prepare("UPDATE cards SET status = 'replaced', removed_at = 2 WHERE id = ?").run(card);
    expect(sqliteRefusal(() => rows.card(member))).toBe('accepted');
    expect(sqliteRefusal(() => rows.card(rows.member(), { status: 'removed' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('keeps member numbers and sealing ids unique', () => {
    rows.member({ member_no: 'A-100' });
    expect(sqliteRefusal(() => rows.member({ member_no: 'A-100' }))).toMatch(/^SQLITE_CONSTRAINT_UNIQUE/);
    expect(sqliteRefusal(() => rows.member({ status: 'deleted' }))).toMatch(/^SQLITE_CONSTRAINT_CHECK/);
  });
});

describe('schedules, operators and settings', () => {
  it('takes real calendar dates and times of day only', () => {
    for (const [column, value] of [
      ['anchor_date', '2024-02-30'],
      ['anchor_date', '2024-13-01'],
      ['start_date', '2024-2-1'],
      ['charge_time', '24:00'],
      ['charge_time', '9:30'],
    ] as const) {
      expect(sqliteRefusal(() => rows.subscription(member, { [column]: value }))).toMatch(
        /^SQLITE_CONSTRAINT_CHECK/,
      );
    }
    expect(
      sqliteRefusal(() => rows.subscription(member, { anchor_date: '2024-02-29', start_date: '2024-02-29' })),
    ).toBe('accepted');
    expect(sqliteRefusal(() => rows.subscription(member, { trial_end: '2024-12-31' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('numbers a subscription’s periods once each, with an end after the start', () => {
    const subscription = rows.subscription(member);
    rows.period(subscription, 0);
    expect(sqliteRefusal(() => rows.period(subscription, 0))).toMatch(/^SQLITE_CONSTRAINT_UNIQUE/);
    expect(sqliteRefusal(() => rows.period(subscription, 1, { period_end: '2025-01-31' }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
  });

  it('checks operator roles, caps and name clashes among active operators', () => {
    expect(sqliteRefusal(() => rows.operator({ role: 'admin' }))).toMatch(/^SQLITE_CONSTRAINT_CHECK/);
    expect(sqliteRefusal(() => rows.operator({ per_charge_cap: 500_000, daily_cap: 100_000 }))).toMatch(
      /^SQLITE_CONSTRAINT_CHECK/,
    );
    rows.operator({ name: '김민수' });
    expect(sqliteRefusal(() => rows.operator({ name: '김민수' }))).toMatch(/^SQLITE_CONSTRAINT_UNIQUE/);
    expect(sqliteRefusal(() => rows.operator({ name: '김민수', active: 0 }))).toBe('accepted');
  });

  it('keeps settings as JSON', () => {
    const put = (value: string) =>
      sqliteRefusal(() =>
        db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('k', ?, 1)").run(value),
      );
    expect(put('{"days":[1,3,7]}')).toBe('accepted');
    expect(put('1, 3, 7')).toMatch(/^SQLITE_CONSTRAINT_CHECK/);
  });
});
