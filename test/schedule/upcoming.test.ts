import { describe, expect, it } from 'vitest';
import {
  type CustomTerms,
  createSubscriptionService,
  materializeDuePeriods,
  upcoming,
} from '../../electron/core/schedule/index.ts';
import { offlineDesks } from './offline-desk.ts';
import { kst } from './runner-harness.ts';

const openDesk = offlineDesks();

const NOW = kst('2026-03-11T12:00:00');

async function desk() {
  const { ledger, billing, ctx } = await openDesk(() => new Date(NOW));
  const subscriptions = createSubscriptionService(ctx);
  const member = billing.members.create({ name: '김하늘' });
  const subscribe = (custom: CustomTerms, anchorDate: string, extra: { trialEnd?: string } = {}) =>
    subscriptions.create({
      consent: { method: 'in-person' },
      memberId: member.id,
      custom,
      orderName: '회비',
      anchorDate,
      ...extra,
    }).id;
  return { ledger, subscriptions, member, subscribe };
}

const monthly = (amount: number): CustomTerms => ({ amount, intervalUnit: 'month', intervalCount: 1 });

describe('upcoming charges', () => {
  it('lists the next charges per subscription and per store-local day with totals, from the schedules', async () => {
    const { ledger, subscriptions, subscribe } = await desk();
    const endOfMonth = subscribe(monthly(50_000), '2026-01-31');
    const weekly = subscribe({ amount: 10_000, intervalUnit: 'week', intervalCount: 1 }, '2026-03-02');
    const mid = subscribe(monthly(30_000), '2026-01-16');
    const trial = subscribe(monthly(70_000), '2026-03-01', { trialEnd: '2026-05-01' });
    const paused = subscribe(monthly(90_000), '2026-03-20');
    subscriptions.pause({ id: paused });
    const ending = subscribe(monthly(80_000), '2026-03-20');
    subscriptions.cancelAtPeriodEnd({ id: ending });

    const report = upcoming(ledger, { now: new Date(NOW) });
    expect(report).toMatchObject({ from: NOW, until: NOW + 30 * 86_400_000, days: 30, failed: 0 });
    expect(report.byDay.map((d) => [d.date, d.count, d.amount])).toEqual([
      ['2026-03-16', 2, 40_000],
      ['2026-03-23', 1, 10_000],
      ['2026-03-30', 1, 10_000],
      // Anchor day 31 stays the 31st in March (computed from the anchor, not from Feb 28).
      ['2026-03-31', 1, 50_000],
      ['2026-04-06', 1, 10_000],
    ]);
    expect(report.total).toEqual({ count: 6, amount: 120_000 });
    expect(report.byDay[0]?.charges.map((c) => c.subscriptionId)).toEqual([weekly, mid]);
    expect(report.byDay[3]?.charges[0]).toEqual({
      subscriptionId: endOfMonth,
      memberId: expect.any(Number),
      memberName: '김하늘',
      orderName: '회비',
      periodIndex: 2,
      date: '2026-03-31',
      dueAt: kst('2026-03-31T10:00:00'),
      amount: 50_000,
    });

    // Paused and ending-at-period-end subscriptions are not charged again, so they are left out.
    expect(report.subscriptions.map((s) => [s.subscriptionId, s.count, s.amount, s.next?.date])).toEqual([
      [endOfMonth, 1, 50_000, '2026-03-31'],
      [weekly, 4, 40_000, '2026-03-16'],
      [mid, 1, 30_000, '2026-03-16'],
      // The trial ends after the window: no charge in it, but the next one is still shown.
      [trial, 0, 0, '2026-05-01'],
    ]);
    expect(report.subscriptions.every((s) => s.hasCard === false)).toBe(true);

    expect(upcoming(ledger, { now: new Date(NOW), days: 5 }).total).toEqual({ count: 2, amount: 40_000 });
  });

  it('skips periods already in the ledger, and uses the current price for periods not yet written', async () => {
    const { ledger, subscriptions, subscribe } = await desk();
    const id = subscribe(monthly(50_000), '2026-01-31');
    // A run as of a later instant (a preview from the CLI) wrote and so took the Mar 31 period.
    materializeDuePeriods(ledger, { now: new Date(kst('2026-03-31T11:00:00')) });
    // A decrease applies at once (a raise would wait for the member's consent).
    subscriptions.changePrice({ id, amount: 45_000 });
    const report = upcoming(ledger, { now: new Date(NOW), days: 90 });
    expect(report.byDay.map((d) => [d.date, d.amount])).toEqual([
      ['2026-04-30', 45_000],
      ['2026-05-31', 45_000],
    ]);
    expect(report.subscriptions[0]?.next?.periodIndex).toBe(3);
  });

  it('excludes a charge due exactly now and refuses a bad window', async () => {
    const { ledger, subscribe } = await desk();
    subscribe(monthly(50_000), '2026-03-11');
    expect(upcoming(ledger, { now: new Date(kst('2026-03-11T10:00:00')), days: 1 }).total.count).toBe(0);
    expect(upcoming(ledger, { now: new Date(kst('2026-03-11T09:59:00')), days: 1 }).total.count).toBe(1);
    expect(() => upcoming(ledger, { now: new Date(NOW), days: 0 })).toThrow(RangeError);
    expect(() => upcoming(ledger, { now: new Date(NOW), days: 367 })).toThrow(RangeError);
  });
});
