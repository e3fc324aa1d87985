import { type CliIo, processIo } from './io.ts';
import { sandboxCommand } from './sandbox-command.ts';

/** The headless CLI: `npm run desk -- <command> [options]`. */
const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  sandbox: sandboxCommand,
};

export async function runDesk(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.err(
      `알 수 없는 명령입니다: ${name ?? '(없음)'}\nusage: desk <${Object.keys(COMMANDS).join('|')}> [options]`,
    );
    return 2;
  }
  return command(args, io);
}

if (import.meta.main) {
  process.exitCode = await runDesk(process.argv.slice(2), processIo());
}
