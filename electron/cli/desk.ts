import { homedir } from 'node:os';
import { createKeytarSecretStore } from '../core/secrets/index.ts';
import { CliError, usageError } from './cli-error.ts';
import type { Command } from './command.ts';
import { auditCommand } from './commands/audit.ts';
import { backupCommand } from './commands/backup.ts';
import { cardCommand } from './commands/card.ts';
import { catchUpCommand } from './commands/catch-up.ts';
import { chargeCommand } from './commands/charge.ts';
import { chargesCommand } from './commands/charges.ts';
import { consentCommand } from './commands/consent.ts';
import { memberCommand } from './commands/member.ts';
import { planCommand } from './commands/plan.ts';
import { reconcileCommand } from './commands/reconcile.ts';
import { recoveryCommand } from './commands/recovery.ts';
import { refundCommand } from './commands/refund.ts';
import { restoreCommand } from './commands/restore.ts';
import { runDueCommand } from './commands/run-due.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { secretCommand } from './commands/secret.ts';
import { settingsCommand } from './commands/settings.ts';
import { subscribeCommand, subscriptionCommand } from './commands/subscribe.ts';
import { upcomingCommand } from './commands/upcoming.ts';
import { type CliDeps, createCliContext } from './context.ts';
import { GLOBAL_USAGE, parseGlobalOptions } from './global-options.ts';
import { processIo } from './io.ts';

/** The headless CLI: `npm run desk -- [global options] <command> [options]`. */
const COMMANDS: Record<string, Command> = {
  audit: auditCommand,
  backup: backupCommand,
  card: cardCommand,
  'catch-up': catchUpCommand,
  charge: chargeCommand,
  charges: chargesCommand,
  consent: consentCommand,
  member: memberCommand,
  plan: planCommand,
  reconcile: reconcileCommand,
  refund: refundCommand,
  'run-due': runDueCommand,
  sandbox: sandboxCommand,
  secret: secretCommand,
  settings: settingsCommand,
  subscribe: subscribeCommand,
  subscription: subscriptionCommand,
  upcoming: upcomingCommand,
  recovery: recoveryCommand,
  restore: restoreCommand,
};

const USAGE = `usage: desk <${Object.keys(COMMANDS).join('|')}> [options]; ${GLOBAL_USAGE}`;

/** Runs one command; every failure becomes one line on stderr and a non-zero exit code. */
export async function runDesk(argv: string[], deps: CliDeps): Promise<number> {
  try {
    const { options, rest } = parseGlobalOptions(argv);
    const [name, ...args] = rest;
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command) throw usageError(`알 수 없는 명령입니다: ${name ?? '(없음)'}`, USAGE);
    const ctx = createCliContext(options, deps);
    try {
      const output = await command(args, ctx);
      if (output) deps.io.out(ctx.json ? JSON.stringify(output.data) : output.text);
    } finally {
      await ctx.close();
    }
    return 0;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const distinct = typeof code === 'string' ? DISTINCT_EXIT_CODES[code] : undefined;
    // A refusal scripts must tell apart carries its code on the line too, not only its exit code.
    deps.io.err(distinct === undefined ? oneLine(error) : `${code}: ${oneLine(error)}`);
    if (error instanceof CliError) return error.exitCode;
    return distinct ?? 1;
  }
}

/**
 * Refusals with an exit code of their own (1 is any other failure, 2 a usage error): a charge for
 * a member whose earlier charge is still unresolved must not be retried by a script as if it failed.
 */
export const DISTINCT_EXIT_CODES: Readonly<Record<string, number>> = { UNRESOLVED_CHARGE: 3 };

/** The error's message, with the per-field problems a BillingError carries, on one line. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const fields = (error as { fields?: Record<string, { message: string }> } | null)?.fields;
  const details = fields
    ? Object.entries(fields).map(([field, problem]) => `${field}: ${problem.message}`)
    : [];
  const line = details.length ? `${message} (${details.join('; ')})` : message;
  return line.replaceAll(/\s*\n\s*/g, ' ');
}

if (import.meta.main) {
  process.exitCode = await runDesk(process.argv.slice(2), {
    io: processIo(),
    platform: { platform: process.platform, env: process.env, homedir: homedir() },
    secretStore: () => createKeytarSecretStore(),
    now: () => new Date(),
  });
}
