import { startSandbox } from '../../sandbox/index.ts';
import { commandOptions } from '../args.ts';
import { usageError } from '../cli-error.ts';
import type { Command } from '../command.ts';

const USAGE = 'usage: desk sandbox [--port N]';

/**
 * Serves the Toss emulator until a stop signal. The first line is the base URL and nothing else,
 * so scripts can read it; the port defaults to 0, a free one.
 */
export const sandboxCommand: Command = async (args, ctx) => {
  const port = parsePort(args);
  // Listen for the stop signal before announcing the URL: a script may send it right after reading.
  const stopped = ctx.io.untilStopSignal();
  const sandbox = await startSandbox({ port });
  ctx.io.out(sandbox.url);
  await stopped;
  await sandbox.close();
  return undefined;
};

function parsePort(args: string[]): number {
  const { values } = commandOptions(args, { port: { type: 'string', default: '0' } }, USAGE);
  const text = values.port;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw usageError(`포트 번호가 올바르지 않습니다: ${text}`, USAGE);
  return port;
}
