import { createRecoveryCode, recoveryStatus } from '../../core/recovery/index.ts';
import { commandOptions } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { CLI_ACTOR } from '../context.ts';

const USAGE = 'usage: desk recovery <create [--replace]|status>';

/**
 * The store's recovery code (design.md "Recovery"): `create` prints a new code once (it is kept
 * nowhere, only the data key wrapped under it); `status` says whether there is one and since when.
 */
export const recoveryCommand: Command = async (args, ctx) => {
  const [action, ...rest] = args;
  switch (action) {
    case 'create': {
      const { values } = commandOptions(rest, { replace: { type: 'boolean' } }, USAGE);
      const { code } = await createRecoveryCode(
        (await ctx.ledger()).db,
        { dataKey: await ctx.dataKey(), replace: values.replace === true, actor: CLI_ACTOR },
        ctx.now,
      );
      return {
        data: { code },
        text:
          `복구 코드: ${code}\n` +
          '이 코드는 지금 한 번만 보여 줍니다. 종이에 적거나 인쇄해 컴퓨터와 떨어진 곳에 보관해 주세요. ' +
          '컴퓨터를 잃어도 이 코드와 백업 파일이 있으면 새 컴퓨터에서 매장을 복원할 수 있습니다. ' +
          '이전 코드로 만든 백업은 계속 이전 코드가 필요합니다.',
      };
    }
    case 'status': {
      commandOptions(rest, {}, USAGE);
      const status = recoveryStatus((await ctx.ledger()).db);
      const createdAt = status.createdAt === null ? null : new Date(status.createdAt).toISOString();
      return {
        data: { configured: status.configured, createdAt },
        text: status.configured
          ? `복구 코드: 있음 (${createdAt} 생성)`
          : '복구 코드: 없음. desk recovery create로 만들어 주세요.',
      };
    }
    default:
      throw usageError(`알 수 없는 recovery 동작입니다: ${action ?? '(없음)'}`, USAGE);
  }
};
