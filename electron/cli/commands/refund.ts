import { commandOptions, optionalWholeNumber, required, wholeNumber } from '../args.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE = 'usage: desk refund --charge ID [--amount N] --reason S [--request-id R]';

/** Refunds all (no --amount) or part of a charge; Toss's balance after it is reported. */
export const refundCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(
    args,
    {
      charge: { type: 'string' },
      amount: { type: 'string' },
      reason: { type: 'string' },
      'request-id': { type: 'string' },
    },
    USAGE,
  );
  const billing = await ctx.billing({ toss: true });
  const refund = await billing.refunds.refund({
    chargeId: wholeNumber(required(values.charge, '--charge', USAGE), '--charge', USAGE),
    amount: optionalWholeNumber(values.amount, '--amount', USAGE),
    reason: required(values.reason, '--reason', USAGE),
    requestId: values['request-id'],
    actor: CLI_ACTOR,
    operatorId: await ctx.operatorId(),
  });
  const outcome =
    refund.status === 'DONE'
      ? `남은 금액 ${refund.chargeBalance ?? refund.balanceAfter ?? '-'}원`
      : (refund.tossMessage ?? '결과 확인 필요');
  return { data: refund, text: `환불 #${refund.id} ${refund.status} ${refund.amount}원 · ${outcome}` };
};
