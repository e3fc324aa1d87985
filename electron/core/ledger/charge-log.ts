import type Database from 'better-sqlite3';
import type { ChargeKind, ChargeStatus } from './charge-types.ts';

/** Any combination narrows the log; `from` is inclusive and `to` exclusive, epoch ms. */
export interface ChargeLogFilter {
  readonly memberId?: number;
  readonly status?: ChargeStatus;
  readonly kind?: ChargeKind;
  readonly from?: number;
  readonly to?: number;
}

/** The last entry of the page before: the next page starts strictly after it. */
export interface ChargeLogCursor {
  readonly createdAt: number;
  readonly id: number;
}

export interface ChargeLogPageRequest {
  /** 1 to 500; default 50. */
  readonly limit?: number;
  readonly before?: ChargeLogCursor;
}

export interface ChargeLogEntry {
  readonly id: number;
  readonly orderId: string;
  readonly memberId: number;
  readonly memberNo: string;
  readonly memberName: string;
  readonly maskedNumber: string;
  readonly companyName: string | null;
  readonly kind: ChargeKind;
  readonly orderName: string;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly status: ChargeStatus;
  readonly tossCode: string | null;
  readonly tossMessage: string | null;
  readonly approveNo: string | null;
  readonly receiptUrl: string | null;
  readonly balanceAmount: number | null;
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
 * One page of the charge log, newest first, by keyset: `(created_at, id) < before` walks the
 * index from where the last page stopped, so page 1,000 costs what page 1 costs and rows written
 * meanwhile neither shift nor repeat entries.
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
  const entries = db.prepare(chargeLogSql(filter, page.before !== undefined)).all({
    ...filter,
    beforeCreatedAt: page.before?.createdAt,
    beforeId: page.before?.id,
    limit: limit + 1,
  }) as ChargeLogEntry[];
  const more = entries.length > limit;
  if (more) entries.pop();
  const last = entries.at(-1);
  return { entries, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
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

/**
 * The statement for a filter. The index that drives it is named, not left to the planner: without
 * statistics SQLite may walk 900,000 DONE rows in date order looking for one member's fifty.
 * CROSS JOIN keeps charge_attempts the outer loop, so ORDER BY … LIMIT stops early.
 */
export function chargeLogSql(filter: ChargeLogFilter, hasCursor: boolean): string {
  const where: string[] = [];
  if (filter.memberId !== undefined) where.push('c.member_id = @memberId');
  if (filter.status !== undefined) where.push('c.status = @status');
  if (filter.kind !== undefined) where.push('c.kind = @kind');
  if (filter.from !== undefined) where.push('c.created_at >= @from');
  if (filter.to !== undefined) where.push('c.created_at < @to');
  if (hasCursor) where.push('(c.created_at, c.id) < (@beforeCreatedAt, @beforeId)');
  return `
    SELECT c.id, c.order_id AS orderId, c.member_id AS memberId, m.member_no AS memberNo,
      m.name AS memberName, k.masked_number AS maskedNumber, k.company_name AS companyName,
      c.kind, c.order_name AS orderName, c.amount, c.tax_free_amount AS taxFreeAmount, c.status,
      c.toss_code AS tossCode, c.toss_message AS tossMessage, c.approve_no AS approveNo,
      c.receipt_url AS receiptUrl, c.balance_amount AS balanceAmount, c.operator_id AS operatorId,
      c.created_at AS createdAt, c.resolved_at AS resolvedAt
    FROM charge_attempts AS c INDEXED BY ${drivingIndex(filter)}
    CROSS JOIN members AS m ON m.id = c.member_id
    CROSS JOIN cards AS k ON k.id = c.card_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT @limit`;
}

function drivingIndex(filter: ChargeLogFilter): string {
  if (filter.memberId !== undefined) return 'charge_attempts_by_member';
  if (filter.status !== undefined) return 'charge_attempts_by_status_totals';
  return 'charge_attempts_by_created';
}
