export { type DerivedKeyPurpose, deriveLedgerKey } from './derived-keys.ts';
export {
  createKeytarSecretStore,
  DEFAULT_SERVICE,
  type KeytarSecretStoreOptions,
} from './keytar-store.ts';
export {
  createSealer,
  DATA_KEY_BYTES,
  SealedValueError,
  type SealedValueErrorCode,
  type Sealer,
} from './sealer.ts';
export {
  type SecretStore,
  type SecretStoreOperation,
  SecretStoreUnavailableError,
} from './secret-store.ts';
export {
  createSecrets,
  type InstalledDataKey,
  type Secrets,
  type SecretsOptions,
  type TossSecretKeyStatus,
} from './secrets.ts';
export { SecretsError, type SecretsErrorCode } from './secrets-error.ts';
export type { TossKeyMode } from './toss-secret-key.ts';
