import type { IntervalUnit, PlanView } from '../../core/schedule/index.ts';
import { commandOptions, optionalWholeNumber, required, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE =
  'usage: desk plan add --name S --amount N --every 1m|3m|1w|1y|Nd [--at HH:MM] [--tax-free N] | plan update ID [--amount N] [--tax-free N] [--name S] [--apply-to-subscriptions] | plan list';
const UNITS: Record<string, IntervalUnit> = { d: 'day', w: 'week', m: 'month', y: 'year' };
const UNIT_NAMES: Record<IntervalUnit, string> = { day: '일', week: '주', month: '개월', year: '년' };

/** Plans: the templates subscriptions copy their amount and interval from. */
export const planCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  const { plans } = await ctx.schedules();
  switch (action) {
    case 'add': {
      const { values } = commandOptions(
        rest,
        {
          name: { type: 'string' },
          amount: { type: 'string' },
          every: { type: 'string' },
          at: { type: 'string' },
          'tax-free': { type: 'string' },
        },
        USAGE,
      );
      const interval = parseEvery(required(values.every, '--every', USAGE));
      const plan = plans.create({
        name: required(values.name, '--name', USAGE),
        amount: wholeNumber(required(values.amount, '--amount', USAGE), '--amount', USAGE),
        ...interval,
        ...(values.at === undefined ? {} : { chargeTime: values.at }),
        ...(values['tax-free'] === undefined
          ? {}
          : { taxFreeAmount: optionalWholeNumber(values['tax-free'], '--tax-free', USAGE) ?? 0 }),
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      return { data: plan, text: `요금제를 만들었습니다: ${describe(plan)}` };
    }
    case 'update': {
      const { values, positionals } = commandOptions(
        rest,
        {
          amount: { type: 'string' },
          'tax-free': { type: 'string' },
          name: { type: 'string' },
          'apply-to-subscriptions': { type: 'boolean' },
        },
        USAGE,
        1,
      );
      const amount = optionalWholeNumber(values.amount, '--amount', USAGE);
      const taxFreeAmount = optionalWholeNumber(values['tax-free'], '--tax-free', USAGE);
      const result = plans.update({
        id: wholeNumber(required(positionals[0], 'ID', USAGE), 'ID', USAGE),
        ...(values.name === undefined ? {} : { name: values.name }),
        ...(amount === undefined ? {} : { amount }),
        ...(taxFreeAmount === undefined ? {} : { taxFreeAmount }),
        ...(values['apply-to-subscriptions'] ? { applyToSubscriptions: true } : {}),
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      const waiting =
        result.subscriptionsAwaitingConsent > 0
          ? ` · 구독 ${result.subscriptionsAwaitingConsent}건은 회원 동의 후 새 금액 적용 (desk consent list --pending)`
          : '';
      return {
        data: result,
        text: `요금제를 고쳤습니다: ${describe(result.plan)} · 구독 ${result.subscriptionsChanged}건에 적용${waiting}`,
      };
    }
    case 'list': {
      commandOptions(rest, {}, USAGE);
      const list = plans.list();
      return { data: list, text: list.map(describe).join('\n') || '요금제가 없습니다.' };
    }
    default:
      throw usageError(`알 수 없는 plan 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

function parseEvery(text: string): { intervalUnit: IntervalUnit; intervalCount: number } {
  const match = /^(\d{1,3})([dwmy])$/.exec(text);
  const unit = match?.[2] === undefined ? undefined : UNITS[match[2]];
  if (!match || !unit) throw usageError(`--every는 1m, 3m, 1w, 1y, 10d 같은 형식입니다: ${text}`, USAGE);
  return { intervalUnit: unit, intervalCount: Number(match[1]) };
}

function describe(plan: PlanView): string {
  return `#${plan.id} ${plan.name} ${plan.amount}원 · ${plan.intervalCount}${UNIT_NAMES[plan.intervalUnit]}마다 ${plan.chargeTime}`;
}
