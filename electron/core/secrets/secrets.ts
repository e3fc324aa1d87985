import { randomBytes } from 'node:crypto';
import { DATA_KEY_BYTES } from './sealer.ts';
import { type SecretStore, SecretStoreUnavailableError } from './secret-store.ts';
import { SecretsError } from './secrets-error.ts';
import { parseTossSecretKey, type TossKeyMode, tossSecretKeyMode } from './toss-secret-key.ts';

/** All that leaves main about the secret key (design.md invariant 1). */
export interface TossSecretKeyStatus {
  configured: boolean;
  mode: TossKeyMode | null;
}

export interface Secrets {
  /** Checks the shape (see parseTossSecretKey) and stores the key, replacing any previous one. */
  setTossSecretKey(key: string): Promise<void>;
  tossSecretKeyStatus(): Promise<TossSecretKeyStatus>;
  clearTossSecretKey(): Promise<void>;
  /** For main's Toss client only: its `getSecretKey` option. Never pass the result anywhere else. */
  getTossSecretKey(): Promise<string>;
  /**
   * The ledger's 32-byte data key for createSealer, created on first use. A stored key that is
   * not exactly 32 bytes is an error, never a reason to make a new one: a new key would leave
   * every sealed billing key unreadable. For the same reason, pass `mayCreate: false` once the
   * ledger holds sealed values: a keychain that answers "no such entry" while locked (the Secret
   * Service on Linux does) then gets LEDGER_DATA_KEY_MISSING instead of a fresh key.
   */
  ledgerDataKey(options?: { mayCreate?: boolean }): Promise<Buffer>;
  /**
   * The audit chain's head (core/audit's own text: where the keyed part starts, the last id and
   * its hash), kept in the keychain where an edit of the ledger file cannot reach it.
   */
  readAuditHead(): Promise<string | null>;
  writeAuditHead(head: string): Promise<void>;
  /**
   * Makes `key` this profile's data key: a restore brings the store's key from its backup (opened
   * with the recovery code). A different key already in the keychain is not lost: it is kept
   * under an account named after `stamp`, since the ledger moved aside still needs it. Returns
   * that account (null when there was no other key) and an undo for a restore that fails later.
   */
  installLedgerDataKey(key: Buffer, stamp: string): Promise<InstalledDataKey>;
}

export interface InstalledDataKey {
  readonly previousAccount: string | null;
  undo(): Promise<void>;
}

export interface SecretsOptions {
  store: SecretStore;
  /**
   * Names the data folder the secrets belong to (for example `default` or `training`), so that
   * each profile has its own Toss key and its own data key.
   */
  profile: string;
}

const PROFILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// 32 bytes are exactly 43 base64 characters and one '=': matching this is the length check.
const DATA_KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

export function createSecrets({ store, profile }: SecretsOptions): Secrets {
  if (!PROFILE.test(profile)) {
    throw new Error('A secrets profile is 1 to 64 letters, digits, dots, dashes or underscores');
  }
  // The keychain entries the app writes, each one per data folder.
  const tossKeyAccount = `${profile}/toss-secret-key`;
  const dataKeyAccount = `${profile}/ledger-data-key`;
  const auditHeadAccount = `${profile}/audit-head`;
  // Shared by concurrent first uses: each creating its own key would let a later one replace a
  // key that an earlier caller has already sealed values with.
  let dataKey: Promise<Buffer> | undefined;

  async function storedTossKey(): Promise<{ key: string; mode: TossKeyMode } | null> {
    const key = await store.get(tossKeyAccount);
    if (key === null) return null;
    const mode = tossSecretKeyMode(key);
    if (!mode) throw new SecretsError('TOSS_KEY_STORED_MALFORMED');
    return { key, mode };
  }

  async function loadOrCreateDataKey(mayCreate: boolean): Promise<Buffer> {
    const stored = await store.get(dataKeyAccount);
    if (stored !== null) return decodeDataKey(stored);
    if (!mayCreate) throw new SecretsError('LEDGER_DATA_KEY_MISSING');
    await store.set(dataKeyAccount, randomBytes(DATA_KEY_BYTES).toString('base64'));
    // Use what the keychain kept, not what was written: a key it did not keep would make every
    // value sealed with it unreadable at the next start.
    const kept = await store.get(dataKeyAccount);
    if (kept === null) {
      throw new SecretStoreUnavailableError('set', new Error('The keychain did not keep the new data key'));
    }
    return decodeDataKey(kept);
  }

  return {
    async setTossSecretKey(input) {
      const { key } = parseTossSecretKey(input);
      await store.set(tossKeyAccount, key);
    },
    async tossSecretKeyStatus() {
      const stored = await storedTossKey();
      return stored ? { configured: true, mode: stored.mode } : { configured: false, mode: null };
    },
    clearTossSecretKey: () => store.delete(tossKeyAccount),
    async getTossSecretKey() {
      const stored = await storedTossKey();
      if (!stored) throw new SecretsError('TOSS_KEY_NOT_CONFIGURED');
      return stored.key;
    },
    async ledgerDataKey({ mayCreate = true } = {}) {
      dataKey ??= loadOrCreateDataKey(mayCreate).catch((error: unknown) => {
        dataKey = undefined;
        throw error;
      });
      // A copy each time, so that a caller zeroing its buffer cannot change another's key.
      return Buffer.from(await dataKey);
    },
    readAuditHead: () => store.get(auditHeadAccount),
    writeAuditHead: (head) => store.set(auditHeadAccount, head),
    async installLedgerDataKey(key, stamp) {
      if (key.length !== DATA_KEY_BYTES) throw new Error(`The data key must be ${DATA_KEY_BYTES} bytes`);
      const encoded = key.toString('base64');
      const before = await store.get(dataKeyAccount);
      dataKey = undefined;
      if (before === encoded) return { previousAccount: null, undo: async () => {} };
      const previousAccount = before === null ? null : `${dataKeyAccount}.before-restore-${stamp}`;
      if (previousAccount !== null && before !== null) await store.set(previousAccount, before);
      await store.set(dataKeyAccount, encoded);
      if ((await store.get(dataKeyAccount)) !== encoded) {
        throw new SecretStoreUnavailableError(
          'set',
          new Error('The keychain did not keep the restored data key'),
        );
      }
      return {
        previousAccount,
        async undo() {
          dataKey = undefined;
          if (before === null) await store.delete(dataKeyAccount);
          else await store.set(dataKeyAccount, before);
        },
      };
    },
  };
}

function decodeDataKey(stored: string): Buffer {
  if (!DATA_KEY_BASE64.test(stored)) throw new SecretsError('LEDGER_DATA_KEY_CORRUPT');
  return Buffer.from(stored, 'base64');
}
