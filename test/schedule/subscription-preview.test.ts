import { describe, expect, it } from 'vitest';
import { previewSchedule } from '../../electron/core/schedule/index.ts';
import { schedule } from './schedule.ts';

const DAY = 24 * 60 * 60 * 1_000;
// 09:00 in Seoul on 2 April 2026.
const APRIL_2_0900_KST = new Date('2026-04-02T00:00:00Z');

describe('previewSchedule: what subscribing will lead to', () => {
  it('a start date in the past: each missed period is due now, those beyond the threshold wait', () => {
    const preview = previewSchedule(
      schedule({ anchorDate: '2026-02-01', chargeTime: '10:00' }),
      APRIL_2_0900_KST,
      3 * DAY,
    );
    expect(preview).toEqual({
      firstCharge: { date: '2026-02-01', dueAt: Date.parse('2026-02-01T01:00:00Z') },
      dueNow: 3,
      // 1 Feb and 1 Mar are more than 3 days old; 1 Apr (a day ago) is caught up at once.
      awaitingApproval: 2,
    });
  });

  it('a start date today, before the charge time: nothing is due yet', () => {
    expect(
      previewSchedule(schedule({ anchorDate: '2026-04-02', chargeTime: '10:00' }), APRIL_2_0900_KST, 3 * DAY),
    ).toEqual({
      firstCharge: { date: '2026-04-02', dueAt: Date.parse('2026-04-02T01:00:00Z') },
      dueNow: 0,
      awaitingApproval: 0,
    });
  });

  it('terms that cannot be scheduled preview as nothing', () => {
    expect(previewSchedule(schedule({ anchorDate: '2026-02-30' }), APRIL_2_0900_KST, 3 * DAY)).toEqual({
      firstCharge: null,
      dueNow: 0,
      awaitingApproval: 0,
    });
  });
});
