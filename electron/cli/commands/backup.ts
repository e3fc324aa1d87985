import { backupLedgerTo } from '../../core/ledger/index.ts';
import { commandOptions } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

const USAGE = 'usage: desk backup --to FILE';

/** An online backup of the data folder's ledger to a new file (an existing one is never replaced). */
export const backupCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(args, { to: { type: 'string' } }, USAGE);
  const to = values.to;
  if (!to) throw usageError('백업 파일을 --to로 지정해 주세요.', USAGE);
  const file = await backupLedgerTo(ctx.ledger(), to);
  return { data: { file }, text: `장부를 백업했습니다: ${file}` };
};
