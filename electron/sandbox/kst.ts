// Toss speaks Korea Standard Time: every timestamp carries +09:00 (§12), and the transactions
// query takes offset-less local times (§3.8). KST has no daylight saving, so a fixed offset is exact.

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

interface KstFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function kstFields(date: Date): KstFields {
  const shifted = new Date(date.getTime() + KST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `yyyy-MM-ddTHH:mm:ss+09:00` */
export function formatKst(date: Date): string {
  const f = kstFields(date);
  return `${f.year}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}:${two(f.second)}+09:00`;
}

/** `yyyyMMddHHmmss`, as inside test billing paymentKeys (§12). */
export function formatKstCompact(date: Date): string {
  const f = kstFields(date);
  return `${f.year}${two(f.month)}${two(f.day)}${two(f.hour)}${two(f.minute)}${two(f.second)}`;
}

export function kstYearMonth(date: Date): { readonly year: number; readonly month: number } {
  const { year, month } = kstFields(date);
  return { year, month };
}

/** The whole second a timestamp falls in, which is all the precision Toss's strings carry. */
export function truncateToSecond(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

const QUERY_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Parses a transactions query date: `yyyy-MM-dd` (midnight) or `yyyy-MM-ddTHH:mm:ss`, read as KST.
 * A trailing offset (`Z`, `+00:00`) is what Toss appears to ignore (see switches.ts, `transactionDates`): with
 * `offsets: 'ignore'` the wall time is read as KST as if it were absent, with `offsets: 'refuse'`
 * it makes the date invalid. Returns epoch ms, or undefined for anything else, including
 * impossible calendar dates.
 */
export function parseKstQueryDate(text: string, offsets: 'ignore' | 'refuse' = 'ignore'): number | undefined {
  const m = QUERY_DATE.exec(text);
  if (!m) return undefined;
  if (m[7] !== undefined && (offsets === 'refuse' || !validOffset(m[7]))) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) =>
    Number(part ?? '0'),
  ) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const roundTrip = new Date(asUtc);
  if (
    roundTrip.getUTCFullYear() !== year ||
    roundTrip.getUTCMonth() !== month - 1 ||
    roundTrip.getUTCDate() !== day ||
    roundTrip.getUTCHours() !== hour ||
    roundTrip.getUTCMinutes() !== minute ||
    roundTrip.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return asUtc - KST_OFFSET_MS;
}

function validOffset(offset: string): boolean {
  if (offset === 'Z') return true;
  return Number(offset.slice(1, 3)) <= 14 && Number(offset.slice(4, 6)) <= 59;
}
