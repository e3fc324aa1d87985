import type Database from 'better-sqlite3';
import { vatSplit } from '../../../shared/money/index.ts';
import { CHARGE_KINDS, type ChargeStatus, type LogKind } from './charge-types.ts';
import { statement } from './statement.ts';

/**
 * Any combination narrows the log; `from` is inclusive and `to` exclusive, epoch ms. Without
 * `kinds` the log holds every charge and every refund.
 */
export interface ChargeLogFilter {
  readonly memberId?: number;
  readonly status?: ChargeStatus;
  readonly kinds?: readonly LogKind[];
  readonly from?: number;
  readonly to?: number;
}

/** The last entry of the page before: the next page starts strictly after it. */
export interface ChargeLogCursor {
  readonly createdAt: number;
  readonly id: number;
  /** Charges and refunds number their ids apart, so the cursor says which one it stopped at. */
  readonly refund: boolean;
}

export interface ChargeLogPageRequest {
  /** 1 to 500; default 50. */
  readonly limit?: number;
  readonly before?: ChargeLogCursor;
}

export interface ChargeLogEntry {
  /** The charge's id, or the refund's for kind 'refund'. */
  readonly id: number;
  /** The charge itself, or the charge a refund gave money back from. */
  readonly chargeId: number;
  readonly orderId: string;
  readonly memberId: number;
  readonly memberNo: string;
  readonly memberName: string;
  readonly maskedNumber: string;
  readonly companyName: string | null;
  readonly kind: LogKind;
  readonly orderName: string;
  /** What was charged, or what was refunded. */
  readonly amount: number;
  /** What was asked to be tax-free (Toss may have ignored it: see tossTaxFreeAmount). */
  readonly taxFreeAmount: number;
  /**
   * Toss's split of an approved charge as it recorded it (supplied + vat + tax-free = amount), or
   * the share of a DONE refund by the same formula; null while nothing was approved.
   */
  readonly suppliedAmount: number | null;
  readonly vat: number | null;
  readonly tossTaxFreeAmount: number | null;
  readonly status: ChargeStatus;
  readonly tossCode: string | null;
  readonly tossMessage: string | null;
  /** Toss's X-TossPayments-Trace-Id of the last answer about the charge or refund. */
  readonly tossTraceId: string | null;
  readonly approveNo: string | null;
  readonly receiptUrl: string | null;
  /** What the charge has left; for a refund, what it left the charge with. */
  readonly balanceAmount: number | null;
  /** Why a refund was given; null for charges. */
  readonly reason: string | null;
  readonly operatorId: number | null;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
}

export interface ChargeLogPage {
  readonly entries: readonly ChargeLogEntry[];
  /** Pass as `before` for the next page; null when this page is the last. */
  readonly next: ChargeLogCursor | null;
}

/**
 * One page of the log, newest first, by keyset: `(created_at, refund, id) < before` walks each
 * index from where the last page stopped, so page 1,000 costs what page 1 costs and rows written
 * meanwhile neither shift nor repeat entries. Charges and refunds are read a page each and merged
 * here, which keeps each statement on its own index.
 */
export function chargeLogPage(
  db: Database.Database,
  filter: ChargeLogFilter,
  page: ChargeLogPageRequest = {},
): ChargeLogPage {
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new RangeError(`limit must be an integer from 1 to 500, got ${limit}`);
  }
  const params = {
    ...filter,
    kinds: undefined,
    ...Object.fromEntries(chargeKindsOf(filter).map((kind, i) => [`kind${i}`, kind])),
    beforeCreatedAt: page.before?.createdAt,
    beforeRank: page.before && Number(page.before.refund),
    beforeId: page.before?.id,
    limit: limit + 1,
  };
  const hasCursor = page.before !== undefined;
  const charges = chargeLogSql(filter, hasCursor);
  const refunds = refundLogSql(filter, hasCursor);
  const entries = [
    ...(charges ? (statement(db, charges).all(params) as ChargeLogEntry[]) : []),
    ...(refunds ? (statement(db, refunds).all(params) as RefundLogRow[]).map(withRefundSplit) : []),
  ]
    .sort(newestFirst)
    .slice(0, limit + 1);
  const more = entries.length > limit;
  if (more) entries.pop();
  const last = entries.at(-1);
  return {
    entries,
    next: more && last ? { createdAt: last.createdAt, id: last.id, refund: last.kind === 'refund' } : null,
  };
}

/** Every entry the filter matches, newest first, read a page at a time (for exports). */
export function allChargeLogEntries(db: Database.Database, filter: ChargeLogFilter): ChargeLogEntry[] {
  const entries: ChargeLogEntry[] = [];
  let page = chargeLogPage(db, filter, { limit: 500 });
  entries.push(...page.entries);
  while (page.next) {
    page = chargeLogPage(db, filter, { limit: 500, before: page.next });
    entries.push(...page.entries);
  }
  return entries;
}

type RefundLogRow = Omit<ChargeLogEntry, 'suppliedAmount' | 'vat' | 'tossTaxFreeAmount'> & {
  readonly chargeTaxFree: number | null;
};

/**
 * A refund's share of supplied amount, VAT and tax-free, by invariant 7's formula on what it gave
 * back. Its tax-free part counts only where Toss kept one on the charge: a taxable merchant's Toss
 * recorded the charge's tax-free as 0 and ignores the refund's too.
 */
function withRefundSplit({ chargeTaxFree, ...row }: RefundLogRow): ChargeLogEntry {
  if (row.status !== 'DONE' || chargeTaxFree === null) {
    return { ...row, suppliedAmount: null, vat: null, tossTaxFreeAmount: null };
  }
  const split = vatSplit(row.amount, chargeTaxFree === 0 ? 0 : Math.min(row.taxFreeAmount, row.amount));
  return {
    ...row,
    suppliedAmount: split.suppliedAmount,
    vat: split.vat,
    tossTaxFreeAmount: split.taxFreeAmount,
  };
}

function newestFirst(a: ChargeLogEntry, b: ChargeLogEntry): number {
  return (
    b.createdAt - a.createdAt || Number(b.kind === 'refund') - Number(a.kind === 'refund') || b.id - a.id
  );
}

function chargeKindsOf(filter: ChargeLogFilter): readonly LogKind[] {
  return filter.kinds?.filter((kind) => kind !== 'refund') ?? CHARGE_KINDS;
}

/**
 * The charges of a filter, or null when it asks for refunds only. The index that drives it is
 * named, not left to the planner: without statistics SQLite may walk 900,000 DONE rows in date
 * order looking for one member's fifty. CROSS JOIN keeps charge_attempts the outer loop, so
 * ORDER BY … LIMIT stops early.
 */
export function chargeLogSql(filter: ChargeLogFilter, hasCursor: boolean): string | null {
  const kinds = chargeKindsOf(filter);
  if (kinds.length === 0) return null;
  const where = sharedConditions('c', filter, hasCursor, 0);
  if (kinds.length < CHARGE_KINDS.length)
    where.push(`c.kind IN (${kinds.map((_, i) => `@kind${i}`).join(', ')})`);
  return `
    SELECT c.id, c.id AS chargeId, c.order_id AS orderId, c.member_id AS memberId,
      m.member_no AS memberNo, m.name AS memberName,
      coalesce(c.paid_card_number, k.masked_number) AS maskedNumber,
      coalesce(c.paid_card_company, k.company_name) AS companyName, c.toss_trace_id AS tossTraceId,
      c.kind, c.order_name AS orderName, c.amount,
      c.tax_free_amount AS taxFreeAmount, c.supplied_amount AS suppliedAmount, c.vat,
      c.amount - c.supplied_amount - c.vat AS tossTaxFreeAmount, c.status, c.toss_code AS tossCode,
      c.toss_message AS tossMessage, c.approve_no AS approveNo, c.receipt_url AS receiptUrl,
      c.balance_amount AS balanceAmount, NULL AS reason, c.operator_id AS operatorId,
      c.created_at AS createdAt, c.resolved_at AS resolvedAt
    FROM charge_attempts AS c INDEXED BY ${chargeIndex(filter)}
    CROSS JOIN members AS m ON m.id = c.member_id
    CROSS JOIN cards AS k ON k.id = c.card_id
    ${whereClause(where)}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT @limit`;
}

/**
 * The refunds of a filter, or null when it asks for none (charge kinds only, or DECLINED, which no
 * refund ever is). A member's refunds are found through their charges and sorted (a member has
 * few); the rest walk refunds by status or by date.
 */
export function refundLogSql(filter: ChargeLogFilter, hasCursor: boolean): string | null {
  if (filter.kinds && !filter.kinds.includes('refund')) return null;
  if (filter.status === 'DECLINED') return null;
  const where = sharedConditions('r', filter, hasCursor, 1);
  if (filter.memberId !== undefined) where.push('c.member_id = @memberId');
  const from =
    filter.memberId === undefined
      ? `refunds AS r INDEXED BY ${filter.status === undefined ? 'refunds_by_created' : 'refunds_by_status'}
         CROSS JOIN charge_attempts AS c ON c.id = r.charge_attempt_id`
      : 'charge_attempts AS c INDEXED BY charge_attempts_by_member CROSS JOIN refunds AS r ON r.charge_attempt_id = c.id';
  return `
    SELECT r.id, c.id AS chargeId, c.order_id AS orderId, c.member_id AS memberId,
      m.member_no AS memberNo, m.name AS memberName,
      coalesce(c.paid_card_number, k.masked_number) AS maskedNumber,
      coalesce(c.paid_card_company, k.company_name) AS companyName, r.toss_trace_id AS tossTraceId,
      'refund' AS kind, c.order_name AS orderName, r.amount,
      r.tax_free_amount AS taxFreeAmount, c.amount - c.supplied_amount - c.vat AS chargeTaxFree,
      r.status, r.toss_code AS tossCode,
      r.toss_message AS tossMessage, NULL AS approveNo, c.receipt_url AS receiptUrl,
      r.balance_after AS balanceAmount, r.reason, r.operator_id AS operatorId,
      r.created_at AS createdAt, r.resolved_at AS resolvedAt
    FROM ${from}
    CROSS JOIN members AS m ON m.id = c.member_id
    CROSS JOIN cards AS k ON k.id = c.card_id
    ${whereClause(where)}
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT @limit`;
}

/**
 * Status, dates and the cursor, on the table alias that drives the statement. The plain
 * `created_at <=` beside the row value lets the index seek to the cursor; the row value then
 * breaks the tie between a charge and a refund written in the same millisecond.
 */
function sharedConditions(
  alias: 'c' | 'r',
  filter: ChargeLogFilter,
  hasCursor: boolean,
  rank: 0 | 1,
): string[] {
  const where: string[] = [];
  if (alias === 'c' && filter.memberId !== undefined) where.push('c.member_id = @memberId');
  if (filter.status !== undefined) where.push(`${alias}.status = @status`);
  if (filter.from !== undefined) where.push(`${alias}.created_at >= @from`);
  if (filter.to !== undefined) where.push(`${alias}.created_at < @to`);
  if (hasCursor) {
    where.push(`${alias}.created_at <= @beforeCreatedAt`);
    where.push(`(${alias}.created_at, ${rank}, ${alias}.id) < (@beforeCreatedAt, @beforeRank, @beforeId)`);
  }
  return where;
}

function whereClause(where: readonly string[]): string {
  return where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
}

function chargeIndex(filter: ChargeLogFilter): string {
  if (filter.memberId !== undefined) return 'charge_attempts_by_member';
  if (filter.status !== undefined) return 'charge_attempts_by_status_totals';
  return 'charge_attempts_by_created';
}
