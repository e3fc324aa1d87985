import { describe, expect, it } from 'vitest';
import { storeDay, storeDayOf, storeMonth } from '../../electron/core/schedule/index.ts';

const HOUR = 3_600_000;

describe('store-local days', () => {
  it('names a day by its midnights in the store’s zone, whatever the machine’s zone is', () => {
    expect(storeDayOf('2026-11-29', 'Asia/Seoul')).toEqual({
      date: '2026-11-29',
      start: Date.parse('2026-11-28T15:00:00Z'),
      end: Date.parse('2026-11-29T15:00:00Z'),
    });
    expect(storeDayOf('2026-11-29', 'Asia/Shanghai')?.start).toBe(Date.parse('2026-11-28T16:00:00Z'));
  });

  it('is 23 or 25 hours long on a daylight-saving change', () => {
    const spring = storeDayOf('2026-03-08', 'America/New_York');
    const autumn = storeDayOf('2026-11-01', 'America/New_York');
    expect(spring && spring.end - spring.start).toBe(23 * HOUR);
    expect(autumn && autumn.end - autumn.start).toBe(25 * HOUR);
  });

  it('refuses what names no day', () => {
    for (const text of ['2026-02-29', '2026-13-01', '26-11-29', '2026-11-29T00:00', '']) {
      expect(storeDayOf(text, 'Asia/Seoul')).toBeUndefined();
    }
  });

  it('agrees with the day that holds an instant, and its month', () => {
    const now = new Date('2026-11-30T14:59:59Z'); // 23:59:59 on 30 Nov in Seoul
    expect(storeDay(now, 'Asia/Seoul')).toEqual(storeDayOf('2026-11-30', 'Asia/Seoul'));
    expect(storeDay(now, 'Asia/Seoul', 1)).toEqual(storeDayOf('2026-12-01', 'Asia/Seoul'));
    expect(storeMonth(now, 'Asia/Seoul')).toEqual({
      start: storeDayOf('2026-11-01', 'Asia/Seoul')?.start,
      end: storeDayOf('2026-12-01', 'Asia/Seoul')?.start,
    });
  });
});
