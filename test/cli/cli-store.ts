import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, expect } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';
import { type DeskRun, runDeskProcess } from './run-desk.ts';

export interface CliStore {
  /** Runs the CLI on the store's data folder against its emulator. */
  desk(args: string[], stdin?: string): Promise<DeskRun>;
  /** The same with --json, parsed as the caller says it is. */
  json<T>(args: string[], stdin?: string): Promise<T>;
}

/**
 * A data folder and an emulator for one test file's CLI runs, with a secret key set; the keychain
 * entries and the folder are removed after the file.
 */
export function cliStorePerFile(prefix: string, secretKey: string): CliStore {
  let dataDir = '';
  let sandbox: RunningSandbox;
  const store: CliStore = {
    desk: (args, stdin) =>
      runDeskProcess(['--data-dir', dataDir, '--toss-base', sandbox.url, ...args], stdin),
    json: async <T>(args: string[], stdin?: string) =>
      JSON.parse((await store.desk(['--json', ...args], stdin)).stdout) as T,
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    sandbox = await startSandbox();
    expect((await store.desk(['secret', 'set'], secretKey)).code).toBe(0);
  });
  afterAll(async () => {
    await runDeskProcess(['--data-dir', dataDir, 'secret', 'clear']);
    await keytar.deletePassword('autopay-desk', `${secretsProfileFor(dataDir)}/ledger-data-key`);
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return store;
}
