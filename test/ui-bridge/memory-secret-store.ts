import type { SecretStore } from '../../electron/core/secrets/index.ts';

/**
 * A keychain stand-in for `npm run ui:preview`: the preview's data folder is a throwaway temp
 * folder, so its keys should vanish with it rather than linger in the user's real keychain.
 * Never used by the app; the app has only the keytar store (secret-store.ts says why).
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

/**
 * Wraps a real keychain store and deletes, on `dispose`, every entry written through it, so a
 * test run on a developer's machine leaves nothing behind in their keychain.
 */
export function disposableSecretStore(store: SecretStore): SecretStore & { dispose(): Promise<void> } {
  const written = new Set<string>();
  return {
    get: (account) => store.get(account),
    async set(account, value) {
      written.add(account);
      await store.set(account, value);
    },
    async delete(account) {
      await store.delete(account);
    },
    async dispose() {
      for (const account of written) await store.delete(account);
      written.clear();
    },
  };
}
