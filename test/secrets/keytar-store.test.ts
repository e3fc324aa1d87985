import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createKeytarSecretStore,
  DEFAULT_SERVICE,
  SecretStoreUnavailableError,
} from '../../electron/core/secrets/index.ts';
import { describeWithKeychain, inCI, keychainUnreachable, uniqueService } from './keychain.ts';

const run = promisify(execFile);
const secretsModule = path.resolve(import.meta.dirname, '../../electron/core/secrets/index.ts');

it.runIf(inCI)('reaches the OS keychain (CI=true requires it)', () => {
  expect(keychainUnreachable).toBeUndefined();
});

describeWithKeychain('keytar secret store', () => {
  const service = uniqueService();
  const store = createKeytarSecretStore({ service });
  const accounts = ['a', 'b', '프로필/키'];

  afterEach(async () => {
    for (const account of accounts) await keytar.deletePassword(service, account);
  });

  it('sets, gets, replaces and deletes an entry in the OS keychain under its service', async () => {
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'first');
    expect(await store.get('a')).toBe('first');
    expect(await keytar.getPassword(service, 'a')).toBe('first');
    await store.set('a', 'second');
    expect(await store.get('a')).toBe('second');
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
    expect(await keytar.getPassword(service, 'a')).toBeNull();
  });

  it('refuses empty accounts and values as a caller mistake, not a keychain failure', async () => {
    for (const call of [
      () => store.get(''),
      () => store.set('', 'v'),
      () => store.set('a', ''),
      () => store.delete(''),
    ]) {
      const error = await call().catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(SecretStoreUnavailableError);
      expect((error as Error).message).toMatch(/must not be empty/);
    }
    expect(await store.get('a')).toBeNull();
  });

  it('deleting an absent entry is not an error', async () => {
    await expect(store.delete('b')).resolves.toBeUndefined();
  });

  it('keeps non-ASCII accounts and values intact', async () => {
    await store.set('프로필/키', '값 ✓ ＝');
    expect(await store.get('프로필/키')).toBe('값 ✓ ＝');
  });

  it('entries of one service are not visible to another', async () => {
    await store.set('b', 'mine');
    expect(await createKeytarSecretStore({ service: uniqueService() }).get('b')).toBeNull();
  });
});

it('uses the service name autopay-desk unless told otherwise', () => {
  expect(DEFAULT_SERVICE).toBe('autopay-desk');
});

/**
 * The failure paths use the real keytar in child processes whose keychain cannot be reached (a
 * D-Bus address that leads nowhere) or is locked (a D-Bus session whose gnome-keyring was never
 * unlocked). Both exist only with Linux's Secret Service.
 */
const childScript = `
const [modulePath, service, ...names] = process.argv.slice(1);
const { createKeytarSecretStore, createSecrets } = await import(modulePath);
const store = createKeytarSecretStore({ service });
const secrets = createSecrets({ store, profile: 'p' });
const calls = {
  get: () => store.get('a'),
  set: () => store.set('a', 'value'),
  delete: () => store.delete('a'),
  ledgerDataKey: async () => (await secrets.ledgerDataKey()).toString('base64'),
  setTossSecretKey: () => secrets.setTossSecretKey('test_sk_abc'),
};
const out = {};
for (const name of names) {
  try {
    out[name] = { value: String(await calls[name]()) };
  } catch (error) {
    out[name] = { error: error.name, code: error.code, operation: error.operation, message: error.message };
  }
}
console.log(JSON.stringify(out));
`;

type ChildResult = Record<
  string,
  { value?: string; error?: string; code?: string; operation?: string; message?: string }
>;

/** Runs `calls` in a child started by `launcher` (env, dbus-run-session…) and returns what each gave. */
async function inChild(
  launcher: string[],
  env: NodeJS.ProcessEnv,
  service: string,
  calls: string[],
): Promise<ChildResult> {
  const [command = 'env', ...args] = launcher;
  const node = [process.execPath, '--input-type=module', '-e', childScript, secretsModule, service, ...calls];
  const { stdout } = await run(command, [...args, ...node], { env });
  // gnome-keyring may print its control socket first; the result is the last line.
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildResult;
}

function expectUnavailable(result: ChildResult, operations: Record<string, string>): void {
  for (const [call, operation] of Object.entries(operations)) {
    expect(result[call], call).toEqual({
      error: 'SecretStoreUnavailableError',
      code: 'KEYCHAIN_UNAVAILABLE',
      operation,
      message: new SecretStoreUnavailableError(operation as 'get', undefined).message,
    });
  }
}

// No window system: gnome-keyring cannot ask anyone to unlock, as on a CI machine.
const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...headless } = process.env;
const unlocked = [
  'dbus-run-session',
  '--',
  'sh',
  '-c',
  'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"',
  'sh',
];
const locked = ['dbus-run-session', '--'];
const secretServiceTools = await run('sh', [
  '-c',
  'command -v dbus-run-session && command -v gnome-keyring-daemon',
]).then(
  () => true,
  () => false,
);

describe.runIf(process.platform === 'linux')('an unreachable or locked keychain fails closed', () => {
  it('no D-Bus session: every operation throws KEYCHAIN_UNAVAILABLE; get does not answer "absent"', async () => {
    const result = await inChild(
      ['env'],
      { ...headless, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      uniqueService(),
      ['get', 'set', 'delete', 'ledgerDataKey', 'setTossSecretKey'],
    );
    expectUnavailable(result, {
      get: 'get',
      set: 'set',
      delete: 'delete',
      ledgerDataKey: 'get',
      setTossSecretKey: 'set',
    });
  });

  it.skipIf(!secretServiceTools && !inCI)(
    'a locked Secret Service: nothing is written, and the stored data key is not replaced by a new one',
    async () => {
      // A keyring folder of its own, so that the keyring locked here is this test's alone.
      const dataHome = await mkdtemp(path.join(tmpdir(), 'autopay-keyring-'));
      const env = { ...headless, XDG_DATA_HOME: dataHome };
      const service = uniqueService();
      try {
        const before = await inChild(unlocked, env, service, ['ledgerDataKey']);
        expect(before.ledgerDataKey?.value).toMatch(/^[A-Za-z0-9+/]{43}=$/);

        // libsecret answers "no entry" for an entry in a locked keyring, so ledgerDataKey goes on
        // to create a key: the write is what must fail, and it does.
        const whileLocked = await inChild(locked, env, service, ['set', 'ledgerDataKey', 'setTossSecretKey']);
        expectUnavailable(whileLocked, { set: 'set', ledgerDataKey: 'set', setTossSecretKey: 'set' });

        const after = await inChild(unlocked, env, service, ['get', 'ledgerDataKey']);
        expect(after).toEqual({ get: { value: 'null' }, ledgerDataKey: before.ledgerDataKey });
      } finally {
        await rm(dataHome, { recursive: true, force: true });
      }
    },
  );
});

it('SecretStoreUnavailableError keeps what keytar said as its cause', () => {
  const cause = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
  const error = new SecretStoreUnavailableError('get', cause);
  expect(error).toMatchObject({
    name: 'SecretStoreUnavailableError',
    code: 'KEYCHAIN_UNAVAILABLE',
    operation: 'get',
    cause,
  });
});
