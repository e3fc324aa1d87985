import keytar from 'keytar';
import { type SecretStore, type SecretStoreOperation, SecretStoreUnavailableError } from './secret-store.ts';

export const DEFAULT_SERVICE = 'autopay-desk';

export interface KeytarSecretStoreOptions {
  /** The keychain service name; tests pass a unique one so runs never share entries. */
  service?: string;
}

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service
 * on Linux. Arguments are checked first, so that keytar fails only when the keychain itself did
 * (no D-Bus session, locked and not unlocked, access denied); every such failure becomes
 * SecretStoreUnavailableError and nothing is ever kept anywhere else instead.
 */
export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? DEFAULT_SERVICE;
  nonEmpty('Keychain service name', service);

  async function call<T>(operation: SecretStoreOperation, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new SecretStoreUnavailableError(operation, error);
    }
  }

  return {
    async get(account) {
      nonEmpty('Keychain account', account);
      return call('get', () => keytar.getPassword(service, account));
    },
    async set(account, value) {
      nonEmpty('Keychain account', account);
      nonEmpty('Keychain value', value);
      await call('set', () => keytar.setPassword(service, account, value));
    },
    async delete(account) {
      nonEmpty('Keychain account', account);
      // false only means there was no entry, which is what deleting wants.
      await call('delete', () => keytar.deletePassword(service, account));
    },
  };
}

/** keytar refuses empty strings; that is a bug in the caller, not a keychain failure. */
function nonEmpty(what: string, value: string): void {
  if (value.length === 0) throw new Error(`${what} must not be empty`);
}
