import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';
import { type DeskRun, runDeskInProcess } from './run-desk.ts';

export interface CliStore {
  /** Runs the CLI on the store's data folder against its emulator. */
  desk(args: string[], stdin?: string): Promise<DeskRun>;
  /** The same with --json, parsed as the caller says it is. */
  json<T>(args: string[], stdin?: string): Promise<T>;
  /** The same with --json, with what a successful run printed parsed beside the run (as JSON.parse gives it). */
  deskJson(args: string[], stdin?: string): Promise<DeskRun & { json: ReturnType<typeof JSON.parse> }>;
  dataDir(): string;
  sandboxUrl(): string;
}

/**
 * A data folder and an emulator for one test file's in-process CLI runs, with a secret key set in
 * the file's in-memory keychain; the folder is removed after the file.
 */
export function cliStorePerFile(prefix: string, secretKey: string): CliStore {
  let dataDir = '';
  let sandbox: RunningSandbox;
  const store: CliStore = {
    desk: (args, stdin) =>
      runDeskInProcess(['--data-dir', dataDir, '--toss-base', sandbox.url, ...args], stdin),
    json: async <T>(args: string[], stdin?: string) =>
      JSON.parse((await store.desk(['--json', ...args], stdin)).stdout) as T,
    deskJson: async (args, stdin) => {
      const run = await store.desk(['--json', ...args], stdin);
      return { ...run, json: run.code === 0 ? JSON.parse(run.stdout) : undefined };
    },
    dataDir: () => dataDir,
    sandboxUrl: () => sandbox.url,
  };
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), prefix));
    sandbox = await startSandbox();
    expect((await store.desk(['secret', 'set'], secretKey)).code).toBe(0);
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return store;
}
