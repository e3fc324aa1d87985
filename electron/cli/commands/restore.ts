import { RecoveryError, restoreBackup } from '../../core/recovery/index.ts';
import { commandOptions, required } from '../args.ts';
import type { Command } from '../command.ts';
import type { CliContext } from '../context.ts';

const USAGE = 'usage: desk restore --from FILE [--replace]   (the recovery code is read from stdin)';

/**
 * Restores an encrypted backup into the data folder (a new PC, or in place with --replace, which
 * moves the current ledger aside). When a Toss key is already set, the Toss catch-up runs at once
 * and its findings are printed; otherwise it runs with the first command that talks to Toss.
 */
export const restoreCommand: Command = async (args, ctx) => {
  const { values } = commandOptions(args, { from: { type: 'string' }, replace: { type: 'boolean' } }, USAGE);
  const from = required(values.from, '--from', USAGE);
  const input = {
    file: from,
    dataDir: ctx.dataDir,
    secrets: ctx.secrets(),
    replace: values.replace === true,
    now: ctx.now,
  };
  const restored = await restoreBackup(input).catch(async (error: unknown) => {
    if (!(error instanceof RecoveryError) || error.code !== 'RECOVERY_CODE_NEEDED') throw error;
    return restoreBackup({ ...input, code: await codeFromStdin(ctx, error) });
  });
  const keyConfigured = (await ctx.secrets().tossSecretKeyStatus()).configured;
  const report = keyConfigured ? await ctx.tossCatchUp() : null;
  const data = {
    restored: restored.file,
    backupCreatedAt: new Date(restored.backupCreatedAt).toISOString(),
    previousLedger: restored.previousLedger,
    catchUp: keyConfigured ? 'done' : 'pending',
    recoveredCharges: report?.recoveredCharges ?? 0,
    recoveredRefunds: report?.recoveredRefunds ?? 0,
    needsReview: report?.needsReview ?? 0,
  };
  const found = keyConfigured
    ? `토스 대조: 결제 ${data.recoveredCharges}건, 환불 ${data.recoveredRefunds}건을 찾아 기록했고 ${data.needsReview}건은 확인이 필요합니다.`
    : '토스 시크릿 키를 설정하면(desk secret set) 백업 이후의 결제와 환불을 토스에서 찾아 기록합니다.';
  return { data, text: `백업을 복원했습니다 (${data.backupCreatedAt} 백업). ${found}` };
};

/** The recovery code from stdin; with nothing there, the refusal that asked for it stands. */
export async function codeFromStdin(ctx: CliContext, needed: RecoveryError): Promise<string> {
  const code = (await ctx.io.readStdin()).trim();
  if (code === '') throw needed;
  return code;
}
