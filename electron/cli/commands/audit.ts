import { commandOptions } from '../args.ts';
import { CliError, usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { AUDIT_BROKEN_EXIT_CODE } from '../context.ts';

const USAGE = 'usage: desk audit verify';

/**
 * Walks the audit chain with its key and checks it against the head in the keychain, as the app
 * does when it opens the ledger. A broken chain exits with AUDIT_BROKEN_EXIT_CODE and says where
 * it breaks (with --json also as the one document on stdout, for scripts).
 */
export const auditCommand: Command = async (args, ctx) => {
  const { positionals } = commandOptions(args, {}, USAGE, 1);
  if (positionals[0] !== 'verify')
    throw usageError(`알 수 없는 하위 명령입니다: ${positionals[0] ?? '(없음)'}`, USAGE);
  const status = (await ctx.audit()).status();
  if (!status.ok) {
    const { brokenAt, reason } = status;
    if (ctx.json) ctx.io.out(JSON.stringify({ ok: false, brokenAt, reason }));
    throw new CliError(`${status.message} (brokenAt=${brokenAt}, reason=${reason})`, AUDIT_BROKEN_EXIT_CODE);
  }
  return { data: { ok: true, count: status.count }, text: `감사 기록 ${status.count}건, 변조 없음` };
};
