import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDesk } from '../../electron/cli/desk.ts';
import type { SecretStore } from '../../electron/core/secrets/index.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface DeskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The keychain of the in-process CLI runs of one test file: one store for every data folder, as
 * the OS keychain is one per machine (each folder's entries are apart by its profile), kept from
 * run to run as the keychain keeps them, so `secret set` then `charge` works.
 */
export const cliKeychain: SecretStore = createMemorySecretStore();

/**
 * Runs the CLI in this process through runDesk, as electron/cli/desk.ts runs it in its own, only
 * over an in-memory keychain (`secretStore`, by default cliKeychain): stdout and stderr as the
 * process would print them, `stdin` as its standard input, runDesk's result as the exit code.
 * Tests about a process boundary (signals, another process's lock, the real keychain) spawn it.
 */
export async function runDeskInProcess(
  args: string[],
  stdin = '',
  secretStore: SecretStore = cliKeychain,
): Promise<DeskRun> {
  let stdout = '';
  let stderr = '';
  const code = await runDesk(args, {
    io: {
      out: (line) => {
        stdout += `${line}\n`;
      },
      err: (line) => {
        stderr += `${line}\n`;
      },
      readStdin: async () => stdin,
      // Only `sandbox` waits for Ctrl+C; its tests run it as a process and send the signal.
      untilStopSignal: () => new Promise(() => undefined),
    },
    platform: { platform: process.platform, env: {}, homedir: tmpdir() },
    secretStore: () => secretStore,
    now: () => new Date(),
  });
  return { code, stdout, stderr };
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
