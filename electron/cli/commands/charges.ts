import { stringify } from 'csv-stringify/sync';
import { zonedIso } from '../../../shared/zoned-time.ts';
import {
  allChargeLogEntries,
  CHARGE_KINDS,
  type ChargeLogFilter,
  type ChargeStatus,
} from '../../core/ledger/index.ts';
import { type StoreDay, storeDayOf, storeTimeZone } from '../../core/schedule/index.ts';
import { commandOptions, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

const USAGE =
  'usage: desk charges [--member ID] [--status DONE|DECLINED|FAILED|UNKNOWN|PENDING] [--from YYYY-MM-DD --to YYYY-MM-DD] [--csv]';
const STATUSES: readonly ChargeStatus[] = ['PENDING', 'DONE', 'DECLINED', 'FAILED', 'UNKNOWN'];
const COLUMNS = ['id', 'memberId', 'kind', 'status', 'orderId', 'amount', 'createdAt'] as const;

/** The charge log, newest first, as JSON (or CSV with --csv); dates are days in the store's time zone, both included. */
export const chargesCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(
    args,
    {
      member: { type: 'string' },
      status: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      csv: { type: 'boolean' },
    },
    USAGE,
  );
  const db = (await ctx.ledger()).db;
  const zone = storeTimeZone(db);
  // Attempts to charge only: refunds answer to `refund` and have ids of their own.
  const filter = {
    kinds: CHARGE_KINDS,
    ...(values.member === undefined ? {} : { memberId: wholeNumber(values.member, '--member', USAGE) }),
    ...(values.status === undefined ? {} : { status: status(values.status) }),
    ...(values.from === undefined ? {} : { from: storeDayOrThrow(values.from, '--from', zone).start }),
    ...(values.to === undefined ? {} : { to: storeDayOrThrow(values.to, '--to', zone).end }),
  } satisfies ChargeLogFilter;
  const rows = allRows(db, filter, zone);
  // --csv is for people and spreadsheets; under --json the rows stay one JSON document.
  const text = values.csv
    ? stringify(rows, { header: true, columns: [...COLUMNS] }).trimEnd()
    : rows.map((row) => Object.values(row).join('  ')).join('\n') || '결제 기록이 없습니다.';
  return { data: rows, text };
};

type Row = Record<(typeof COLUMNS)[number], string | number>;

/** Times in the store's zone with its offset, as every other date the store reads. */
function allRows(
  db: Parameters<typeof allChargeLogEntries>[0],
  filter: ChargeLogFilter,
  zone: string,
): Row[] {
  return allChargeLogEntries(db, filter).map((entry) => ({
    id: entry.id,
    memberId: entry.memberId,
    kind: entry.kind,
    status: entry.status,
    orderId: entry.orderId,
    amount: entry.amount,
    createdAt: zonedIso(entry.createdAt, zone),
  }));
}

function status(value: string): ChargeStatus {
  const found = STATUSES.find((known) => known === value.toUpperCase());
  if (!found) throw usageError(`--status는 ${STATUSES.join(', ')} 중 하나입니다: ${value}`, USAGE);
  return found;
}

function storeDayOrThrow(value: string, flag: string, zone: string): StoreDay {
  const day = storeDayOf(value, zone);
  if (!day) throw usageError(`${flag}는 YYYY-MM-DD 형식의 날짜여야 합니다: ${value}`, USAGE);
  return day;
}
