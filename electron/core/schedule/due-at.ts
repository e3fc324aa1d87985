import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from './local-date.ts';

const CHARGE_TIME_SHAPE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The hour and minute of a valid 'HH:MM' (00:00–23:59), or undefined. */
export function parseChargeTime(text: string): { hour: number; minute: number } | undefined {
  const match = CHARGE_TIME_SHAPE.exec(text);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The instant (epoch ms) at which the store-local wall-clock `date` + `chargeTime` happens in
 * `timeZone`. The wall-clock time is not always an instant, so the rule, pinned by tests:
 * - a time skipped by a DST jump (02:30 on a spring-forward night in New York) moves forward by the
 *   length of the jump (03:30 EDT), i.e. it is read with the offset in force before the jump; this
 *   is Temporal's "compatible" disambiguation and RFC 5545's rule for nonexistent times;
 * - a time that happens twice (01:30 on a fall-back night) is its first occurrence, so the charge
 *   is never an hour later than the member would expect.
 * @date-fns/tz's TZDate constructor implements exactly that. Asia/Seoul has no DST, so there the
 * result is simply date + time at UTC+9.
 */
export function dueAtOf(date: CalendarDate, chargeTime: string, timeZone: string): number {
  const key = `${date.getTime()} ${chargeTime} ${timeZone}`;
  const known = computed.get(key);
  if (known !== undefined) return known;
  const instant = compute(date, chargeTime, timeZone);
  if (computed.size >= MAX_COMPUTED) computed.clear();
  computed.set(key, instant);
  return instant;
}

// A TZDate costs several Intl look-ups of the zone's offset, and a due run asks for the same few
// days over and over (every monthly subscription anchored on the 5th, at 10:00 in Asia/Seoul).
const computed = new Map<string, number>();
const MAX_COMPUTED = 10_000;

function compute(date: CalendarDate, chargeTime: string, timeZone: string): number {
  const time = parseChargeTime(chargeTime);
  if (time === undefined) throw new RangeError(`not a charge time: ${JSON.stringify(chargeTime)}`);
  const instant = new TZDate(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    time.hour,
    time.minute,
    timeZone,
  ).getTime();
  if (!Number.isFinite(instant)) throw new RangeError(`not a time zone: ${JSON.stringify(timeZone)}`);
  return instant;
}
