import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChargeKind, ChargeStatus } from '../electron/core/ledger/index.ts';
import { splitVat } from '../electron/sandbox/vat.ts';

/**
 * Seeds a ledger with a store's three years: MEMBERS members, each with one card and a monthly
 * subscription (a third of them tax-free academy fees), every period charged on its due day with
 * dunning retries after declines, and manual charges filling each month up to CHARGES in all.
 * Outcomes: about 88% DONE, the rest declines and hard failures; in the last week some attempts
 * are still PENDING or UNKNOWN. About 2% of the approved charges are refunded, in full or half. Random but reproducible (a fixed seed). Sealed keys are random
 * bytes standing in for AES-GCM output; nothing here is real card data.
 */

export const MEMBERS = 10_000;
export const MONTHS = 36;
export const CHARGES = 1_000_000;
/**
 * Months per transaction. Every month touches pages all over the random-keyed and per-member
 * indexes, and a commit writes each dirty page once (then the checkpoint once more), so fewer,
 * larger transactions are what makes seeding fast; SEED_CACHE_KIB must hold one batch's pages.
 */
const MONTHS_PER_BATCH = 6;
export const SEED_CACHE_KIB = 512 * 1_024;

const HOUR = 3_600_000;
const KST = 9 * HOUR;
const DAY = 24 * HOUR;
/** The store's "now": 2025-07-01 00:00 in Seoul. */
export const END = Date.UTC(2025, 6, 1) - KST;

/** Start of month `index` (0 = the first of the three years) in Seoul, as epoch ms. */
export function monthStart(index: number): number {
  return Date.UTC(2022, 6 + index, 1) - KST;
}

export interface SeedReport {
  members: number;
  periods: number;
  charges: number;
  /** Refunds of DONE charges, within a week of them: what the charge log lists among the charges. */
  refunds: number;
  byStatus: Record<string, number>;
  seconds: number;
}

/** About one approved charge in fifty is refunded, half of those in full. */
const REFUND_SHARE = 0.02;

interface Attempt {
  orderId: string;
  memberId: number;
  periodId: number | null;
  attemptNo: number;
  kind: ChargeKind;
  amount: number;
  taxFree: number;
  orderName: string;
  status: ChargeStatus;
  createdAt: number;
  operatorId: number | null;
}

const PLANS = [
  { amount: 55_000, name: '월 회원권' },
  { amount: 88_000, name: '월 회원권 (락커 포함)' },
  { amount: 99_000, name: '월 PT 패키지' },
  { amount: 180_000, name: '월 수강료' },
  { amount: 250_000, name: '월 수강료 (심화반)' },
] as const;
const EXTRAS = ['PT 1회', '음료', '락커 이용료', '운동복 대여', '교재비', '특강'] as const;
const DECLINES = [
  ['REJECT_CARD_PAYMENT', '한도초과 혹은 잔액부족으로 결제에 실패했습니다.'],
  ['EXCEED_MAX_DAILY_PAYMENT_COUNT', '하루 결제 가능 횟수를 초과했습니다.'],
] as const;
const FAILURES = [
  ['INVALID_STOPPED_CARD', '정지된 카드 입니다.'],
  ['INVALID_CARD_EXPIRATION', '카드 정보를 다시 확인해주세요. (유효기간)'],
] as const;

type Generator = ReturnType<typeof generator>;

/** mulberry32: a small seeded generator, so every run seeds the same ledger. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    hex: (length: number) => {
      let out = '';
      while (out.length < length) {
        out += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      }
      return out.slice(0, length);
    },
  };
}

function isoDate(epochMs: number): string {
  return new Date(epochMs + KST).toISOString().slice(0, 10);
}

export function seedLedger(db: Database.Database): SeedReport {
  const random = generator(20250701);
  const started = performance.now();
  const insertMember = db.prepare(
    `INSERT INTO members (id, uid, member_no, name, phone, status, customer_key_sealed, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
  );
  const insertCard = db.prepare(
    `INSERT INTO cards (id, uid, member_id, billing_key_sealed, masked_number, issuer_code, acquirer_code,
       company_name, card_type, owner_type, authenticated_at, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '신용', '개인', ?, 'active', ?)`,
  );
  const insertOperator = db.prepare(
    `INSERT INTO operators (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, 'scrypt$bench$0123456789abcdef', ?)`,
  );
  const insertSubscription = db.prepare(
    `INSERT INTO subscriptions (id, member_id, amount, tax_free_amount, order_name, interval_unit, interval_count,
       charge_time, anchor_date, start_date, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'month', 1, '10:00', ?, ?, 'active', ?, ?)`,
  );
  const insertPeriod = db.prepare(
    `INSERT INTO subscription_periods (subscription_id, period_index, due_at, period_start, period_end, amount,
       tax_free_amount, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCharge = db.prepare(
    `INSERT INTO charge_attempts (order_id, idempotency_key, request_id, member_id, card_id, subscription_period_id,
       attempt_no, kind, amount, tax_free_amount, order_name, status, toss_code, toss_message, payment_key,
       approve_no, supplied_amount, vat, receipt_url, balance_amount, operator_id, created_at, sent_at,
       resolved_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const insertRefund = db.prepare(
    `INSERT INTO refunds (charge_attempt_id, idempotency_key, amount, reason, status, transaction_key,
       balance_after, operator_id, created_at, resolved_at, updated_at)
     VALUES (?, ?, ?, '회원 요청', 'DONE', ?, ?, ?, ?, ?, ?)`,
  );
  const lowerBalance = db.prepare('UPDATE charge_attempts SET balance_amount = ? WHERE id = ?');

  const start = monthStart(0);
  const plans = Array.from({ length: MEMBERS }, () => random.pick(PLANS));
  const academy = Array.from({ length: MEMBERS }, () => random.next() < 1 / 3);
  const anchorDay = Array.from({ length: MEMBERS }, () => random.int(1, 28));
  db.transaction(() => {
    for (let id = 1; id <= 5; id++) insertOperator.run(id, `직원${id}`, id === 1 ? 'owner' : 'staff', start);
    for (let id = 1; id <= MEMBERS; id++) {
      const plan = plans[id - 1] ?? PLANS[0];
      const taxFree = academy[id - 1] ? plan.amount : 0;
      const anchor = isoDate(start + ((anchorDay[id - 1] ?? 1) - 1) * DAY);
      insertMember.run(id, randomUUID(), `M${id}`, `회원${id}`, '01000000000', randomBytes(60), start, start);
      insertCard.run(
        id,
        randomUUID(),
        id,
        randomBytes(76),
        '43301234****123*',
        '61',
        '31',
        '현대',
        start,
        start,
      );
      insertSubscription.run(id, id, plan.amount, taxFree, plan.name, anchor, anchor, start, start);
    }
  })();

  const byStatus: Record<string, number> = {};
  let charges = 0;
  let periods = 0;
  let manualSerial = 0;
  let refunds = 0;
  const seedMonth = (month: number) => {
    const from = monthStart(month);
    const attempts: Attempt[] = [];
    for (let member = 1; member <= MEMBERS; member++) {
      const plan = plans[member - 1] ?? PLANS[0];
      const dueAt = from + ((anchorDay[member - 1] ?? 1) - 1) * DAY + 10 * HOUR;
      const taxFree = academy[member - 1] ? plan.amount : 0;
      const tries = dunning(dueAt, random);
      const last = tries.at(-1)?.status;
      const status =
        last === 'DONE' ? 'paid' : last === 'PENDING' || last === 'UNKNOWN' ? 'charging' : 'failed';
      const periodEnd = isoDate(monthStart(month + 1) + (dueAt - from));
      const periodId = Number(
        insertPeriod.run(
          member,
          month,
          dueAt,
          isoDate(dueAt),
          periodEnd,
          plan.amount,
          taxFree,
          status,
          dueAt,
          dueAt,
        ).lastInsertRowid,
      );
      periods++;
      tries.forEach((attempt, index) => {
        attempts.push({
          orderId: `sub_${member}_${month}_${index + 1}`,
          memberId: member,
          periodId,
          attemptNo: index + 1,
          kind: index > 0 ? 'retry' : month === 0 ? 'first' : 'scheduled',
          amount: plan.amount,
          taxFree,
          orderName: `${plan.name} ${isoDate(dueAt).slice(0, 7)}`,
          status: attempt.status,
          createdAt: attempt.createdAt,
          operatorId: null,
        });
      });
    }
    const target = Math.round((CHARGES * (month + 1)) / MONTHS) - charges;
    const days = Math.round((monthStart(month + 1) - from) / DAY);
    while (attempts.length < target) {
      const createdAt = from + random.int(0, days - 1) * DAY + 9 * HOUR + random.int(0, 13 * HOUR);
      attempts.push({
        orderId: `man_${(++manualSerial).toString(36).padStart(8, '0')}`,
        memberId: random.int(1, MEMBERS),
        periodId: null,
        attemptNo: 1,
        kind: 'manual',
        amount: 100 * random.int(10, 3_000),
        taxFree: 0,
        orderName: random.pick(EXTRAS),
        status: unresolvedLate(createdAt, random) ?? pickStatus(random.next(), 0.9, 0.97),
        createdAt,
        operatorId: random.int(1, 5),
      });
    }
    attempts.sort((a, b) => a.createdAt - b.createdAt);
    for (const attempt of attempts) {
      byStatus[attempt.status] = (byStatus[attempt.status] ?? 0) + 1;
      const chargeId = Number(insertCharge.run(chargeRow(attempt, random)).lastInsertRowid);
      if (attempt.status === 'DONE' && random.next() < REFUND_SHARE) {
        const amount = random.next() < 0.5 ? attempt.amount : Math.ceil(attempt.amount / 200) * 100;
        const at = Math.min(END - 1, attempt.createdAt + random.int(1, 7 * DAY));
        const left = attempt.amount - amount;
        insertRefund.run(chargeId, randomUUID(), amount, random.hex(32), left, random.int(1, 5), at, at, at);
        lowerBalance.run(left, chargeId);
        refunds++;
      }
    }
    charges += attempts.length;
  };
  for (let month = 0; month < MONTHS; month += MONTHS_PER_BATCH) {
    db.transaction(() => {
      for (let each = month; each < Math.min(MONTHS, month + MONTHS_PER_BATCH); each++) seedMonth(each);
    })();
  }
  return {
    members: MEMBERS,
    periods,
    charges,
    refunds,
    byStatus,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * A period's attempts: the due charge, then dunning retries at +1 and +3 days after a soft
 * decline only (a hard failure waits for a new card), stopping at the first success.
 */
function dunning(dueAt: number, random: Generator): { status: ChargeStatus; createdAt: number }[] {
  const tries: { status: ChargeStatus; createdAt: number }[] = [];
  for (const [delay, doneUpTo] of [
    [0, 0.88],
    [DAY, 0.6],
    [3 * DAY, 0.5],
  ] as const) {
    const createdAt = dueAt + delay + random.int(0, 600_000);
    if (createdAt >= END) break;
    const status = unresolvedLate(createdAt, random) ?? pickStatus(random.next(), doneUpTo, 0.97);
    tries.push({ status, createdAt });
    if (status !== 'DECLINED') break;
  }
  return tries;
}

function pickStatus(roll: number, doneUpTo: number, declinedUpTo: number): ChargeStatus {
  return roll < doneUpTo ? 'DONE' : roll < declinedUpTo ? 'DECLINED' : 'FAILED';
}

/** In the last week, some attempts are still waiting for reconciliation. */
function unresolvedLate(createdAt: number, random: Generator): ChargeStatus | null {
  if (createdAt < END - 7 * DAY) return null;
  const roll = random.next();
  return roll < 0.01 ? 'PENDING' : roll < 0.02 ? 'UNKNOWN' : null;
}

function chargeRow(attempt: Attempt, random: Generator): unknown[] {
  const { status } = attempt;
  const sentAt = attempt.createdAt + 5;
  const resolvedAt = status === 'PENDING' || status === 'UNKNOWN' ? null : sentAt + random.int(300, 3_000);
  // What Toss answers for the approval (the emulator's reading of the formula in toss-api.md §5.1).
  const { suppliedAmount, vat } = splitVat(attempt.amount, attempt.taxFree, 0);
  const isDone = status === 'DONE';
  const [code, message] =
    status === 'DECLINED'
      ? random.pick(DECLINES)
      : status === 'FAILED'
        ? random.pick(FAILURES)
        : status === 'UNKNOWN'
          ? ['CLIENT_TIMEOUT', '토스페이먼츠 응답 시간이 초과되었습니다.']
          : [null, null];
  const transaction = random.hex(32).toUpperCase();
  return [
    attempt.orderId,
    randomUUID(),
    attempt.kind === 'manual' ? randomUUID() : null,
    attempt.memberId,
    attempt.memberId,
    attempt.periodId,
    attempt.attemptNo,
    attempt.kind,
    attempt.amount,
    attempt.taxFree,
    attempt.orderName,
    status,
    code,
    message,
    isDone ? `tviva${attempt.createdAt}${random.hex(5)}` : null,
    isDone ? String(random.int(0, 99_999_999)).padStart(8, '0') : null,
    isDone ? suppliedAmount : null,
    isDone ? vat : null,
    isDone
      ? `https://dashboard.tosspayments.com/receipt/redirection?transactionId=${transaction}&ref=PX`
      : null,
    isDone ? attempt.amount : null,
    attempt.operatorId,
    attempt.createdAt,
    status === 'PENDING' ? null : sentAt,
    resolvedAt,
    resolvedAt ?? sentAt,
  ];
}
