import { zonedIso } from '../../../shared/zoned-time.ts';
import { type CatchUpEntry, storeTimeZone } from '../../core/schedule/index.ts';
import { commandOptions, required, wholeNumber } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE = 'usage: desk catch-up list | catch-up approve ID | catch-up skip ID --reason S';

/** The confirm catch-up queue: periods missed for longer than the threshold wait for a decision. */
export const catchUpCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  switch (action) {
    case 'list': {
      commandOptions(rest, {}, USAGE);
      const { catchUp } = await ctx.schedules();
      const list = catchUp.list();
      const zone = storeTimeZone((await ctx.ledger()).db);
      return {
        data: list,
        text: list.map((entry) => describe(entry, zone)).join('\n') || '확인 대기 중인 결제가 없습니다.',
      };
    }
    case 'approve': {
      const [id] = commandOptions(rest, {}, USAGE, 1).positionals;
      const periodId = wholeNumber(required(id, 'ID', USAGE), 'ID', USAGE);
      const { catchUp } = await ctx.schedules();
      const decision = catchUp.approve({ periodId, actor: CLI_ACTOR, operatorId: await ctx.operatorId() });
      return {
        data: decision,
        text: `구독 기간 #${periodId}을(를) 승인했습니다. 다음 run-due에서 결제됩니다.`,
      };
    }
    case 'skip': {
      const { values, positionals } = commandOptions(rest, { reason: { type: 'string' } }, USAGE, 1);
      const periodId = wholeNumber(required(positionals[0], 'ID', USAGE), 'ID', USAGE);
      const reason = required(values.reason, '--reason', USAGE);
      const { catchUp } = await ctx.schedules();
      const decision = catchUp.skip({
        periodId,
        reason,
        actor: CLI_ACTOR,
        operatorId: await ctx.operatorId(),
      });
      return { data: decision, text: `구독 기간 #${periodId}을(를) 결제하지 않기로 했습니다: ${reason}` };
    }
    default:
      throw usageError(`알 수 없는 catch-up 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};

function describe(entry: CatchUpEntry, zone: string): string {
  const due = zonedIso(entry.dueAt, zone);
  return `#${entry.periodId} ${entry.memberName} · ${entry.orderName} ${entry.amount}원 · ${entry.periodStart} 기간 (예정 ${due}) · 구독 #${entry.subscriptionId}`;
}
