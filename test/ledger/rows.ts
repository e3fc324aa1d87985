import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { splitVat } from '../../electron/sandbox/vat.ts';

/**
 * Row builders for tests and the benchmark: plausible defaults, overridable per call. Sealed keys
 * are random bytes standing in for AES-GCM output; nothing here is real card data.
 */

export type Row = Record<string, string | number | Buffer | null>;

export interface RowInserts {
  member(values?: Row): number;
  card(memberId: number, values?: Row): number;
  operator(values?: Row): number;
  subscription(memberId: number, values?: Row): number;
  period(subscriptionId: number, periodIndex: number, values?: Row): number;
  /** A charge attempt: PENDING and manual unless told otherwise; `done(...)` gives a DONE outcome. */
  charge(memberId: number, cardId: number, values?: Row): number;
  refund(chargeAttemptId: number, operatorId: number, values?: Row): number;
}

export const sealed = (): Buffer => randomBytes(60);
export const uid = (): string => randomUUID().replaceAll('-', '');

/** A DONE charge of `amount` as Toss approves it (the emulator's VAT split) and the fields it carries. */
export function done(amount: number, taxFreeAmount = 0, resolvedAt = Date.UTC(2025, 0, 15)): Row {
  const { suppliedAmount, vat } = splitVat(amount, taxFreeAmount, 0);
  return {
    amount,
    tax_free_amount: taxFreeAmount,
    status: 'DONE',
    payment_key: `tpay${uid()}`,
    approve_no: '00000000',
    supplied_amount: suppliedAmount,
    vat,
    balance_amount: amount,
    receipt_url: `https://dashboard-sandbox.tosspayments.com/receipt/redirection?transactionId=${uid()}&ref=PX`,
    resolved_at: resolvedAt,
  };
}

export function rowInserts(db: Database.Database, at = Date.UTC(2025, 0, 15)): RowInserts {
  const insert = (table: string, defaults: () => Row) => {
    const statements = new Map<string, Database.Statement>();
    return (values: Row): number => {
      const row = { ...defaults(), ...values };
      const columns = Object.keys(row);
      const key = columns.join(',');
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        );
        statements.set(key, statement);
      }
      return Number(statement.run(row).lastInsertRowid);
    };
  };
  const member = insert('members', () => ({
    uid: uid(),
    member_no: `M-${uid().slice(0, 12)}`,
    name: '김하늘',
    phone: '01012345678',
    customer_key_sealed: sealed(),
    created_at: at,
    updated_at: at,
  }));
  const card = insert('cards', () => ({
    uid: uid(),
    billing_key_sealed: sealed(),
    masked_number: '43301234****123*',
    issuer_code: '61',
    acquirer_code: '31',
    company_name: '현대',
    card_type: '신용',
    owner_type: '개인',
    authenticated_at: at,
    created_at: at,
  }));
  const operator = insert('operators', () => ({
    name: `직원-${uid().slice(0, 6)}`,
    role: 'staff',
    pin_hash: 'scrypt$dummy$0123456789abcdef',
    created_at: at,
  }));
  const subscription = insert('subscriptions', () => ({
    amount: 99_000,
    order_name: '월 회원권',
    interval_unit: 'month',
    interval_count: 1,
    charge_time: '10:00',
    anchor_date: '2025-01-31',
    start_date: '2025-01-31',
    created_at: at,
    updated_at: at,
  }));
  const period = insert('subscription_periods', () => ({
    due_at: at,
    period_start: '2025-01-31',
    period_end: '2025-02-28',
    amount: 99_000,
    created_at: at,
    updated_at: at,
  }));
  const charge = insert('charge_attempts', () => ({
    order_id: `ord_${uid()}`,
    idempotency_key: randomUUID(),
    kind: 'manual',
    amount: 15_000,
    order_name: '추가 결제',
    created_at: at,
    updated_at: at,
  }));
  const refund = insert('refunds', () => ({
    idempotency_key: randomUUID(),
    amount: 1_000,
    reason: '고객 요청',
    created_at: at,
    updated_at: at,
  }));
  return {
    member: (values = {}) => member(values),
    card: (memberId, values = {}) => card({ member_id: memberId, ...values }),
    operator: (values = {}) => operator(values),
    subscription: (memberId, values = {}) => subscription({ member_id: memberId, ...values }),
    period: (subscriptionId, periodIndex, values = {}) =>
      period({ subscription_id: subscriptionId, period_index: periodIndex, ...values }),
    charge: (memberId, cardId, values = {}) => charge({ member_id: memberId, card_id: cardId, ...values }),
    refund: (chargeAttemptId, operatorId, values = {}) =>
      refund({ charge_attempt_id: chargeAttemptId, operator_id: operatorId, ...values }),
  };
}
