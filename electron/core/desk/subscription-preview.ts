import { readSetting } from '../ledger/index.ts';
import { previewSchedule, SubscriptionError, storeTimeZone } from '../schedule/index.ts';
import type { Desk } from './open-desk.ts';
import { CATCH_UP_THRESHOLD_DAYS } from './settings.ts';

const DAY_MS = 24 * 60 * 60 * 1_000;

export interface SubscriptionPreviewRequest {
  readonly memberId: number;
  readonly planId: number;
  readonly anchorDate: string;
  readonly startDate?: string | undefined;
}

/**
 * The subscribe form's preview: the plan's terms on the given dates, read as subscribing would
 * copy them, with the member's card and the store's catch-up threshold (the runner's own).
 */
export function subscriptionPreview(desk: Desk, now: Date, request: SubscriptionPreviewRequest) {
  const db = desk.ledger.db;
  const plan = desk.plans.list().find((candidate) => candidate.id === request.planId);
  if (!plan) {
    throw new SubscriptionError('PLAN_NOT_FOUND', `요금제(번호 ${request.planId})를 찾을 수 없습니다.`);
  }
  const member = desk.billing().members.show(request.memberId);
  const thresholdDays = readSetting(db, CATCH_UP_THRESHOLD_DAYS);
  const preview = previewSchedule(
    {
      intervalUnit: plan.intervalUnit,
      intervalCount: plan.intervalCount,
      chargeTime: plan.chargeTime,
      anchorDate: request.anchorDate,
      startDate: request.startDate ?? request.anchorDate,
      trialEnd: null,
      timeZone: storeTimeZone(db),
    },
    now,
    thresholdDays * DAY_MS,
  );
  return {
    hasCard: member.card !== null,
    firstChargeDate: preview.firstCharge?.date ?? null,
    firstChargeAt: preview.firstCharge?.dueAt ?? null,
    dueNow: preview.dueNow,
    awaitingApproval: preview.awaitingApproval,
    catchUpThresholdDays: thresholdDays,
  };
}
