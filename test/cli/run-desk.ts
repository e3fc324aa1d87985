import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, expect } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';

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

/** An emulator test card as `card register` reads it from stdin. */
export const CLI_TEST_CARD = {
  cardNumber: '9410001234567890',
  expiryYear: '30',
  expiryMonth: '12',
  identity: '900101',
  password: '12',
};

/**
 * A data folder with a test secret key against a fresh emulator, for a suite of CLI runs (set up
 * in beforeAll, removed with its keychain entries in afterAll). `desk` runs the CLI with --json.
 */
export function cliAgainstSandbox(prefix: string, secretKey: string) {
  let dataDir = '';
  let sandbox: RunningSandbox | undefined;
  const url = () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox.url;
  };
  const desk = async (args: string[], stdin?: string) => {
    const run = await runDeskProcess(['--data-dir', dataDir, '--toss-base', url(), '--json', ...args], stdin);
    return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined };
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    sandbox = await startSandbox();
    expect((await desk(['secret', 'set'], secretKey)).code).toBe(0);
  });
  afterAll(async () => {
    await runDeskProcess(['--data-dir', dataDir, 'secret', 'clear']);
    await keytar.deletePassword('autopay-desk', `${secretsProfileFor(dataDir)}/ledger-data-key`);
    await sandbox?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return { desk, dataDir: () => dataDir, sandboxUrl: url };
}
