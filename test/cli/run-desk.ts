import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface DeskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would, in its own process, with `stdin` as its standard input. */
export function runDeskProcess(args: string[], stdin = ''): Promise<DeskRun> {
  return runNodeProcess(['electron/cli/desk.ts', ...args], { stdin });
}

/** Runs this Node on `args` in the project folder until the process ends by itself. */
export async function runNodeProcess(
  args: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<DeskRun> {
  const child = spawn(process.execPath, args, { cwd: root, env: options.env ?? process.env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin.end(options.stdin ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
