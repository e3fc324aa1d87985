import type { Schedule } from '../../electron/core/schedule/index.ts';

/** A monthly 10:00 Asia/Seoul schedule starting on its anchor, with `overrides` on top. */
export function schedule(overrides: Partial<Schedule> = {}): Schedule {
  const anchorDate = overrides.anchorDate ?? '2024-01-31';
  return {
    intervalUnit: 'month',
    intervalCount: 1,
    chargeTime: '10:00',
    anchorDate,
    startDate: anchorDate,
    trialEnd: null,
    timeZone: 'Asia/Seoul',
    ...overrides,
  };
}
