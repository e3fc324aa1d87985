import type { SecretStore } from '../../electron/core/secrets/index.ts';

/**
 * A keychain stand-in for `npm run ui:preview` and for the tests that are not about the keychain
 * (desk, CLI, UI): their data folders are throwaway temp folders, so their keys should vanish with
 * them rather than linger in a real keychain, and they run where there is none. Never used by the
 * app; the app has only the keytar store (secret-store.ts says why), tested in test/secrets.
 */
export function createMemorySecretStore(): SecretStore {
  const entries = new Map<string, string>();
  return {
    get: async (account) => entries.get(account) ?? null,
    async set(account, value) {
      entries.set(account, value);
    },
    async delete(account) {
      entries.delete(account);
    },
  };
}
