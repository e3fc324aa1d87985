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
