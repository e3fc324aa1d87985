import {
  CONSENT_METHODS,
  type ConsentMethod,
  type ConsentView,
  type PriceIncreaseEntry,
  type TrialConversionEntry,
} from '../../core/schedule/index.ts';
import { commandOptions, optionalWholeNumber, required, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const METHODS = CONSENT_METHODS.join('|');
const USAGE = `usage: desk consent record --subscription ID --kind price-increase|trial-conversion --method ${METHODS} [--note S] | consent list [--member ID] [--pending]`;

/** A consent method typed on the command line; anything else is a usage error. */
export function consentMethod(value: string, flag: string, usage: string): ConsentMethod {
  if (!(CONSENT_METHODS as readonly string[]).includes(value)) {
    throw usageError(`${flag}는 ${METHODS} 중 하나입니다: ${value}`, usage);
  }
  return value as ConsentMethod;
}

/** Members' consents: record one to a raise or a trial's paid charges, or list them. */
export const consentCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  const { consents } = await ctx.schedules();
  switch (action) {
    case 'record': {
      const { values } = commandOptions(
        rest,
        {
          subscription: { type: 'string' },
          kind: { type: 'string' },
          method: { type: 'string' },
          note: { type: 'string' },
        },
        USAGE,
      );
      const kind = required(values.kind, '--kind', USAGE);
      if (kind !== 'price-increase' && kind !== 'trial-conversion') {
        throw usageError(`--kind는 price-increase 또는 trial-conversion입니다: ${kind}`, USAGE);
      }
      const consent = consents.record({
        subscriptionId: wholeNumber(
          required(values.subscription, '--subscription', USAGE),
          '--subscription',
          USAGE,
        ),
        kind,
        method: consentMethod(required(values.method, '--method', USAGE), '--method', USAGE),
        ...(values.note === undefined ? {} : { note: values.note }),
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      return { data: consent, text: `동의를 기록했습니다: ${describe(consent)}` };
    }
    case 'list': {
      const { values } = commandOptions(
        rest,
        { member: { type: 'string' }, pending: { type: 'boolean' } },
        USAGE,
      );
      const memberId = optionalWholeNumber(values.member, '--member', USAGE);
      const filter = memberId === undefined ? {} : { memberId };
      if (values.pending) {
        const pending = consents.pending(filter);
        const lines = [...pending.priceIncreases.map(describeIncrease), ...pending.trials.map(describeTrial)];
        return { data: pending, text: lines.join('\n') || '동의를 기다리는 항목이 없습니다.' };
      }
      const list = consents.list(filter);
      return { data: list, text: list.map(describe).join('\n') || '동의 기록이 없습니다.' };
    }
    default:
      throw usageError(`알 수 없는 consent 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

function describe(consent: ConsentView): string {
  const at = new Date(consent.recordedAt).toISOString();
  return `#${consent.id} ${at} 회원 ${consent.memberId}(${consent.memberName}) · 구독 ${consent.subscriptionId} · ${consent.kind} · ${consent.method} · ${consent.terms.amount}원 · ${consent.operatorName}`;
}

function describeIncrease(entry: PriceIncreaseEntry): string {
  return `가격 인상 · 구독 ${entry.subscriptionId} 회원 ${entry.memberId}(${entry.memberName}) · ${entry.fromAmount}원 → ${entry.amount}원 · ${entry.effectiveFrom}부터 · 동의 없음`;
}

function describeTrial(entry: TrialConversionEntry): string {
  // The held period's id is what `desk catch-up skip ID --reason S` takes.
  const held = entry.heldPeriodId === null ? '' : ` · 결제 대기 중 (기간 ${entry.heldPeriodId})`;
  return `유료 전환 · 구독 ${entry.subscriptionId} 회원 ${entry.memberId}(${entry.memberName}) · 첫 유료 결제 ${entry.firstPaidDate} ${entry.amount}원 · 동의 없음${held}`;
}
