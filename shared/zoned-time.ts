const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * '2026-11-29 10:00:00': an instant as a wall clock in `timeZone` shows it, sortable and the same
 * on every PC (Swedish formatting is ISO-like). Formatters are cached: building one is slow.
 */
export function wallClockText(epochMs: number, timeZone: string): string {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  return format.format(epochMs);
}

/** How many minutes `timeZone`'s wall clock is ahead of UTC at `epochMs` (+540 for Korea). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const wall = Date.parse(`${wallClockText(epochMs, timeZone).replace(' ', 'T')}Z`);
  return Math.round((wall - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
}

/** '+09:00', or with `separator` '' '+0900': the offset as ISO 8601 writes it. */
export function offsetText(minutes: number, separator = ':'): string {
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${sign}${hh}${separator}${mm}`;
}

/** '2026-11-29T10:00:00+09:00': ISO 8601 in the store's time, for people and machines alike. */
export function zonedIso(epochMs: number, timeZone: string): string {
  return `${wallClockText(epochMs, timeZone).replace(' ', 'T')}${offsetText(zoneOffsetMinutes(epochMs, timeZone))}`;
}
