/**
 * Where the app keeps its two secrets: the Toss secret key and the ledger's data key. The only
 * implementation is the OS keychain (keytar); the interface exists so that Secrets can be composed
 * over it, not to allow a weaker store.
 */
export interface SecretStore {
  /** The stored value, or null when the account has no entry. */
  get(account: string): Promise<string | null>;
  /** Creates or replaces the entry. */
  set(account: string, value: string): Promise<void>;
  /** Removes the entry; removing an absent entry is not an error. */
  delete(account: string): Promise<void>;
}

export type SecretStoreOperation = 'get' | 'set' | 'delete';

/**
 * The keychain could not be reached or unlocked. The app stops rather than fall back to a file,
 * plaintext or memory, so staff are told to fix the keychain, not to carry on without it.
 */
export class SecretStoreUnavailableError extends Error {
  override readonly name = 'SecretStoreUnavailableError';
  readonly code = 'KEYCHAIN_UNAVAILABLE';
  readonly operation: SecretStoreOperation;

  constructor(operation: SecretStoreOperation, cause: unknown) {
    super(
      '운영체제 키체인(macOS 키체인, Windows 자격 증명 관리자)에 접근하지 못했습니다. ' +
        '토스페이먼츠 시크릿 키와 장부 암호화 키는 키체인에만 보관하므로, 키체인에 접근하거나 잠금을 해제할 수 있을 때까지 앱을 사용할 수 없습니다. ' +
        '컴퓨터에 로그인한 사용자로 키체인 잠금을 해제한 뒤 앱을 다시 시작해 주세요.',
      { cause },
    );
    this.operation = operation;
  }
}
