import type { ChargeView } from '../../core/billing/index.ts';
import { commandOptions, optionalWholeNumber, required, wholeNumber } from '../args.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE = 'usage: desk charge --member ID --amount N --order-name S [--tax-free N] [--request-id R]';

/**
 * Charges a member's card once. The outcome (DONE, DECLINED, FAILED, UNKNOWN) is the answer, so
 * the exit code is 0 whenever the attempt was recorded; a request id repeated by a script returns
 * the first attempt instead of charging again.
 */
export const chargeCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(
    args,
    {
      member: { type: 'string' },
      amount: { type: 'string' },
      'order-name': { type: 'string' },
      'tax-free': { type: 'string' },
      'request-id': { type: 'string' },
    },
    USAGE,
  );
  const billing = await ctx.billing({ toss: true });
  const charge = await billing.charges.charge({
    memberId: wholeNumber(required(values.member, '--member', USAGE), '--member', USAGE),
    amount: wholeNumber(required(values.amount, '--amount', USAGE), '--amount', USAGE),
    orderName: required(values['order-name'], '--order-name', USAGE),
    taxFreeAmount: optionalWholeNumber(values['tax-free'], '--tax-free', USAGE),
    requestId: values['request-id'],
    actor: CLI_ACTOR,
    operatorId: await ctx.operatorId(),
  });
  return { data: charge, text: describeCharge(charge) };
};

export function describeCharge(charge: ChargeView): string {
  const base = `#${charge.id} ${charge.status} ${charge.amount}원 ${charge.orderName} (주문번호 ${charge.orderId})`;
  if (charge.status === 'DONE') return `${base} · 승인번호 ${charge.approveNo ?? '-'}`;
  return charge.tossMessage ? `${base} · ${charge.tossMessage}` : base;
}
