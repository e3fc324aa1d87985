import type { SubscriptionView } from '../../core/schedule/index.ts';
import { commandOptions, required, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';
import { consentMethod } from './consent.ts';

const SUBSCRIBE_USAGE =
  'usage: desk subscribe --member ID --plan ID --anchor YYYY-MM-DD --consent in-person|signature|phone|message [--start YYYY-MM-DD]';
const SUBSCRIPTION_USAGE =
  'usage: desk subscription pause|resume|cancel ID [--withdrawal in-person|signature|phone|message]';

/** Subscribes a member to a plan; periods are counted from the anchor date. */
export const subscribeCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(
    args,
    {
      member: { type: 'string' },
      plan: { type: 'string' },
      anchor: { type: 'string' },
      start: { type: 'string' },
      consent: { type: 'string' },
    },
    SUBSCRIBE_USAGE,
  );
  // No consent, no subscription (design.md invariant 12): refused before the ledger is opened.
  const method = consentMethod(
    required(values.consent, '--consent', SUBSCRIBE_USAGE),
    '--consent',
    SUBSCRIBE_USAGE,
  );
  const { subscriptions } = await ctx.schedules();
  const subscription = subscriptions.create({
    memberId: wholeNumber(required(values.member, '--member', SUBSCRIBE_USAGE), '--member', SUBSCRIBE_USAGE),
    planId: wholeNumber(required(values.plan, '--plan', SUBSCRIBE_USAGE), '--plan', SUBSCRIBE_USAGE),
    anchorDate: required(values.anchor, '--anchor', SUBSCRIBE_USAGE),
    ...(values.start === undefined ? {} : { startDate: values.start }),
    consent: { method },
    actor: CLI_ACTOR,
    operatorId: await ctx.operatorId(),
  });
  return { data: subscription, text: `구독을 만들었습니다: ${describe(subscription)}` };
};

/** Pauses, resumes or cancels a subscription at once. */
export const subscriptionCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  const { positionals, values } = commandOptions(
    rest,
    { withdrawal: { type: 'string' } },
    SUBSCRIPTION_USAGE,
    1,
  );
  const input = {
    id: wholeNumber(required(positionals[0], 'ID', SUBSCRIPTION_USAGE), 'ID', SUBSCRIPTION_USAGE),
    actor: CLI_ACTOR,
    operatorId: await ctx.operatorId(),
  };
  if (action !== 'pause' && action !== 'resume' && action !== 'cancel') {
    throw usageError(`알 수 없는 subscription 동작입니다: ${action ?? '(없음)'}`, SUBSCRIPTION_USAGE);
  }
  if (values.withdrawal !== undefined && action !== 'cancel') {
    throw usageError('--withdrawal은 cancel에만 씁니다.', SUBSCRIPTION_USAGE);
  }
  const { subscriptions } = await ctx.schedules();
  // A cancel the member asked for is recorded as the withdrawal of their consent.
  const subscription =
    action === 'cancel' && values.withdrawal !== undefined
      ? subscriptions.cancel({
          ...input,
          withdrawal: { method: consentMethod(values.withdrawal, '--withdrawal', SUBSCRIPTION_USAGE) },
        })
      : subscriptions[action](input);
  return { data: subscription, text: describe(subscription) };
};

function describe(subscription: SubscriptionView): string {
  return `#${subscription.id} 회원 ${subscription.memberId} · ${subscription.orderName} ${subscription.amount}원 · ${subscription.status} · 기준일 ${subscription.anchorDate}`;
}
