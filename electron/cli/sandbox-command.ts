import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.ts';
import type { CliIo } from './io.ts';

const USAGE = 'usage: desk sandbox [--port N]';

/**
 * Serves the Toss emulator until a stop signal. The first line is the base URL and nothing else,
 * so scripts can read it; the port defaults to 0, a free one.
 */
export async function sandboxCommand(args: string[], io: CliIo): Promise<number> {
  let port: number;
  try {
    const { values } = parseArgs({ args, options: { port: { type: 'string', default: '0' } }, strict: true });
    port = parsePort(values.port);
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // Listen for the stop signal before announcing the URL: a script may send it right after reading.
  const stopped = io.untilStopSignal();
  const sandbox = await startSandbox({ port });
  io.out(sandbox.url);
  await stopped;
  await sandbox.close();
  return 0;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new Error(`포트 번호가 올바르지 않습니다: ${text}`);
  return port;
}
