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
export async function runDeskProcess(args: string[], stdin = ''): Promise<DeskRun> {
  const child = spawn(process.execPath, ['electron/cli/desk.ts', ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin.end(stdin);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** The emulator's good test card as `card register` reads it from stdin. */
export const CLI_TEST_CARD = {
  cardNumber: '9410001234567890',
  expiryYear: '30',
  expiryMonth: '12',
  identity: '900101',
  password: '12',
};
