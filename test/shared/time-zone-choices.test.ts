import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from '../../renderer/components/time-zones.ts';

const JANUARY = Date.UTC(2026, 0, 15);
const JULY = Date.UTC(2026, 6, 15);

describe('the time zone picker', () => {
  it('offers Korea first, then common zones by the names people use, with the offset of the day', () => {
    const choices = timeZoneChoices('Asia/Seoul', 'ko', JANUARY);
    expect(choices[0]).toEqual({ zone: 'Asia/Seoul', label: '한국 (서울) · UTC+09:00' });
    expect(choices.find((choice) => choice.zone === 'America/New_York')?.label).toBe(
      '미국 동부 (뉴욕) · UTC-05:00',
    );
    expect(timeZoneChoices('Asia/Seoul', 'en', JULY).find((c) => c.zone === 'America/New_York')?.label).toBe(
      'US Eastern (New York) · UTC-04:00',
    );
    // Each a zone this runtime knows (its ICU may list an older alias, as Asia/Saigon, itself).
    for (const { zone } of choices) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone }), zone).not.toThrow();
    }
    expect(choices).toHaveLength(18);
    expect(choices.map((choice) => choice.zone)).not.toContain('Asia/Calcutta');
  });

  it('keeps a store already in a zone off the list, last, under its IANA name', () => {
    const choices = timeZoneChoices('Asia/Kolkata', 'ko', JANUARY);
    expect(choices.at(-1)).toEqual({ zone: 'Asia/Kolkata', label: 'Asia/Kolkata · UTC+05:30' });
    expect(choices.filter((choice) => choice.zone === 'Asia/Kolkata')).toHaveLength(1);
  });
});
