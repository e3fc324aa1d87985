import { describe, expect, it } from 'vitest';
import {
  type CustomTerms,
  createSubscriptionService,
  dueNowPreview,
  materializeDuePeriods,
} from '../../electron/core/schedule/index.ts';
import { offlineDesks } from './offline-desk.ts';
import { kst } from './runner-harness.ts';

const openDesk = offlineDesks();
const DAY = 86_400_000;
const NOW = kst('2026-03-11T12:00:00');
const monthly = (amount: number): CustomTerms => ({ amount, intervalUnit: 'month', intervalCount: 1 });

describe('dueNowPreview: what a run now would do, without writing', () => {
  it('sets missed periods beyond the threshold aside, and skips members without a card', async () => {
    const { ledger, billing, ctx } = await openDesk(() => new Date(NOW));
    const subscriptions = createSubscriptionService(ctx);
    const member = billing.members.create({ name: '김하늘' });
    const subscribe = (amount: number, anchorDate: string) =>
      subscriptions.create({
        memberId: member.id,
        custom: monthly(amount),
        orderName: '회비',
        anchorDate,
        consent: { method: 'in-person' },
      });
    subscribe(30_000, '2026-03-10'); // due yesterday 10:00: within 3 days
    subscribe(50_000, '2026-02-01'); // 1 Feb and 1 Mar: both older than 3 days
    subscribe(70_000, '2026-03-20'); // not due yet
    const paused = subscribe(90_000, '2026-03-09');
    subscriptions.pause({ id: paused.id });

    const before = ledger.db.prepare('SELECT count(*) FROM subscription_periods').pluck().get();
    expect(dueNowPreview(ledger, new Date(NOW), 3 * DAY)).toEqual({
      count: 0,
      amount: 0,
      awaitingApproval: 2,
      withoutCard: 1,
      awaitingConsent: 0,
    });
    // Nothing was written: a preview is not a run.
    expect(ledger.db.prepare('SELECT count(*) FROM subscription_periods').pluck().get()).toBe(before);

    // Once materialized, the pending period is still counted (once), the set-aside ones are not.
    materializeDuePeriods(ledger, { now: new Date(NOW), catchUpThresholdMs: 3 * DAY });
    expect(dueNowPreview(ledger, new Date(NOW), 3 * DAY)).toEqual({
      count: 0,
      amount: 0,
      awaitingApproval: 0,
      withoutCard: 1,
      awaitingConsent: 0,
    });
  });
});
