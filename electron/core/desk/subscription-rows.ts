import { memberLabels } from '../ledger/index.ts';
import type { SubscriptionView } from '../schedule/index.ts';
import { upcoming } from '../schedule/index.ts';
import type { Desk } from './open-desk.ts';

export interface SubscriptionRow extends SubscriptionView {
  readonly memberNo: string;
  readonly memberName: string;
  /** Store-local date and instant of the next charge still to come; null when none will be made. */
  readonly nextChargeDate: string | null;
  readonly nextChargeAt: number | null;
}

/**
 * Subscriptions as the screens list them: with the member (staff look for a person, not an order
 * name) and the next charge from the schedule itself (upcoming finds each one's next period
 * whatever the window, so one day is enough).
 */
export function subscriptionRows(
  desk: Desk,
  now: Date,
  subscriptions: readonly SubscriptionView[],
  memberId?: number,
): SubscriptionRow[] {
  const report = upcoming(desk.ledger, { now, days: 1, ...(memberId === undefined ? {} : { memberId }) });
  const next = new Map(report.subscriptions.map((entry) => [entry.subscriptionId, entry.next]));
  const members = memberLabels(
    desk.ledger.db,
    subscriptions.map((subscription) => subscription.memberId),
  );
  return subscriptions.map((subscription) => {
    const member = members.get(subscription.memberId);
    const charge = next.get(subscription.id) ?? null;
    return {
      ...subscription,
      memberNo: member?.memberNo ?? '',
      memberName: member?.name ?? '',
      nextChargeDate: charge?.date ?? null,
      nextChargeAt: charge?.dueAt ?? null,
    };
  });
}
