import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { secretsProfileFor } from '../../electron/core/app-paths.ts';
import { DATA_KEY_BYTES, DEFAULT_SERVICE } from '../../electron/core/secrets/index.ts';
import { describeWithKeychain } from '../secrets/keychain.ts';
import { runDeskProcess } from './run-desk.ts';

/*
 * The one end-to-end check of the CLI on the real OS keychain: `desk` as its own process, as a
 * user runs it, with the keytar store desk.ts composes. Every other CLI suite runs the commands
 * in-process over an in-memory keychain (run-desk.ts), and test/secrets covers the keytar store.
 */
describeWithKeychain('npm run desk on the real keychain, one process per command', () => {
  let dataDir = '';
  const account = (entry: string) => `${secretsProfileFor(dataDir)}/${entry}`;
  const desk = (args: string[], stdin?: string) =>
    runDeskProcess(['--data-dir', dataDir, '--json', ...args], stdin);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-cli-keychain-'));
  });
  afterAll(async () => {
    // By name, not by listing the service: other test files add and delete entries there meanwhile.
    for (const entry of ['toss-secret-key', 'ledger-data-key', 'audit-head']) {
      await keytar.deletePassword(DEFAULT_SERVICE, account(entry));
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the secret key and the data key in the keychain from one run to the next', async () => {
    expect(await desk(['secret', 'set'], 'test_sk_cliKeychainEndToEnd01\n')).toEqual({
      code: 0,
      stdout: '{"configured":true,"mode":"test"}\n',
      stderr: '',
    });
    expect(await keytar.getPassword(DEFAULT_SERVICE, account('toss-secret-key'))).toBe(
      'test_sk_cliKeychainEndToEnd01',
    );

    // The first command that opens the ledger makes its data key, in the keychain only.
    const added = await desk(['member', 'add', '--name', '김열쇠']);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const dataKey = await keytar.getPassword(DEFAULT_SERVICE, account('ledger-data-key'));
    expect(Buffer.from(dataKey ?? '', 'base64')).toHaveLength(DATA_KEY_BYTES);

    // A later process opens the same ledger with the key it finds there, and keeps it.
    const listed = await desk(['member', 'list']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: '김열쇠' })]);
    expect(await keytar.getPassword(DEFAULT_SERVICE, account('ledger-data-key'))).toBe(dataKey);

    expect((await desk(['secret', 'clear'])).code).toBe(0);
    expect(await keytar.getPassword(DEFAULT_SERVICE, account('toss-secret-key'))).toBeNull();
    expect(JSON.parse((await desk(['secret', 'status'])).stdout)).toEqual({ configured: false, mode: null });
  });
});
