import { checkBackup, RecoveryError, writeEncryptedBackup } from '../../core/recovery/index.ts';
import { commandOptions } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';
import { codeFromStdin } from './restore.ts';

const USAGE =
  'usage: desk backup --to FILE | --verify FILE   (--verify reads the recovery code from stdin when needed)';

/**
 * `--to`: an encrypted backup of the data folder's ledger to a new file (an existing one is never
 * replaced). `--verify`: opens and checks a backup without restoring it.
 */
export const backupCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(args, { to: { type: 'string' }, verify: { type: 'string' } }, USAGE);
  if (values.to && values.verify) throw usageError('--to와 --verify는 함께 쓸 수 없습니다.', USAGE);
  if (values.verify) return verify(values.verify, ctx);
  const to = values.to;
  if (!to) throw usageError('백업 파일을 --to로 지정해 주세요.', USAGE);
  const file = await writeEncryptedBackup(await ctx.ledger(), to, {
    dataKey: await ctx.dataKey(),
    now: ctx.now,
  });
  return { data: { file }, text: `장부를 암호화해 백업했습니다: ${file}` };
};

async function verify(file: string, ctx: CliContext) {
  const dataKey = await ctx
    .secrets()
    .ledgerDataKey({ mayCreate: false })
    .catch(() => undefined);
  const check = await checkBackup(file, { dataKey }, ctx.dataDir).catch(async (error: unknown) => {
    // This PC's keychain cannot open it: the recovery code, from stdin (never argv).
    if (!(error instanceof RecoveryError) || error.code !== 'RECOVERY_CODE_NEEDED') throw error;
    return checkBackup(file, { code: await codeFromStdin(ctx, error) }, ctx.dataDir);
  });
  const data = { ok: true, ...check, createdAt: new Date(check.createdAt).toISOString() };
  return {
    data,
    text: `백업을 확인했습니다: ${check.file} (${data.createdAt} 백업, 회원 ${check.members}명, 결제 ${check.charges}건, 감사 기록 ${check.auditEntries}건)`,
  };
}
