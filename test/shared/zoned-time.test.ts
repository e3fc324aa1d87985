import { describe, expect, it } from 'vitest';
import { offsetText, wallClockText, zonedIso, zoneOffsetMinutes } from '../../shared/zoned-time.ts';

const AT = Date.UTC(2025, 0, 31, 23, 59, 59, 123);

describe('times in the store zone', () => {
  it('reads the wall clock and the offset of a zone at an instant', () => {
    expect(wallClockText(AT, 'Asia/Seoul')).toBe('2025-02-01 08:59:59');
    expect(zoneOffsetMinutes(AT, 'Asia/Seoul')).toBe(540);
    expect(zoneOffsetMinutes(AT, 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 1), 'America/New_York')).toBe(-240);
    expect(zoneOffsetMinutes(AT, 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(-1, 'UTC')).toBe(0);
    expect([offsetText(540), offsetText(-300, ''), offsetText(0)]).toEqual(['+09:00', '-0500', '+00:00']);
  });

  it('writes ISO 8601 in the zone, naming the same instant', () => {
    for (const [zone, text] of [
      ['Asia/Seoul', '2025-02-01T08:59:59+09:00'],
      ['America/New_York', '2025-01-31T18:59:59-05:00'],
      ['Asia/Kolkata', '2025-02-01T05:29:59+05:30'],
    ] as const) {
      expect(zonedIso(AT, zone)).toBe(text);
      expect(Date.parse(text)).toBe(AT - 123);
    }
  });
});
