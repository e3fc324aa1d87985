import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';

/** AES-256 takes a 32-byte key. */
export const DATA_KEY_BYTES = 32;

// Layout of a sealed value: version (1 byte) | nonce (12) | ciphertext | GCM tag (16).
// The version byte lets the format change later while old rows still open.
const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES;

export type SealedValueErrorCode =
  | 'SEALED_VALUE_MALFORMED'
  | 'SEALED_VALUE_UNSUPPORTED_VERSION'
  | 'SEALED_VALUE_AUTH_FAILED';

const MESSAGES: Record<SealedValueErrorCode, string> = {
  SEALED_VALUE_MALFORMED: '암호화된 값이 잘렸거나 형식이 올바르지 않아 읽을 수 없습니다.',
  SEALED_VALUE_UNSUPPORTED_VERSION:
    '이 버전의 앱이 모르는 형식으로 암호화된 값입니다. 앱을 최신 버전으로 업데이트해 주세요.',
  SEALED_VALUE_AUTH_FAILED:
    '암호화된 값을 열 수 없습니다. 다른 컴퓨터나 다른 프로필의 장부이거나, 값이 변조되었거나 다른 행으로 옮겨졌습니다.',
};

/** A sealed value that does not open: wrong data key, wrong row, tampered or truncated. */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
  readonly code: SealedValueErrorCode;

  constructor(code: SealedValueErrorCode, cause?: unknown) {
    super(MESSAGES[code], cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

export interface Sealer {
  /**
   * Encrypts `plaintext` bound to `associatedData`, the identity of where the value is stored
   * (for example `cards.billing_key:<row uid>`): the value opens only with the same identity, so
   * a sealed value copied into another row or column is refused instead of being used there.
   */
  seal(plaintext: string, associatedData: string): Buffer;
  /** The plaintext, or SealedValueError when the value does not open under this key and identity. */
  open(sealed: Buffer, associatedData: string): string;
}

/**
 * AES-256-GCM with a random 96-bit nonce per value. Random nonces are safe far beyond the number
 * of values a store's ledger will ever seal under one key (the limit is about 2^32).
 */
export function createSealer(dataKey: Buffer): Sealer {
  if (dataKey.length !== DATA_KEY_BYTES) {
    throw new Error(`The data key must be ${DATA_KEY_BYTES} bytes (got ${dataKey.length})`);
  }
  // A KeyObject keeps its own copy outside the JS heap: the caller's buffer can be reused or
  // zeroed, and the key does not show up when the sealer is inspected or logged.
  const key = createSecretKey(dataKey);

  return {
    seal(plaintext, associatedData) {
      const nonce = randomBytes(NONCE_BYTES);
      const header = Buffer.concat([Buffer.of(VERSION), nonce]);
      const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData(associatedData));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([header, body, cipher.getAuthTag()]);
    },

    open(sealed, associatedData) {
      const aad = additionalData(associatedData);
      if (sealed.length < HEADER_BYTES + TAG_BYTES) throw new SealedValueError('SEALED_VALUE_MALFORMED');
      if (sealed[0] !== VERSION) throw new SealedValueError('SEALED_VALUE_UNSUPPORTED_VERSION');
      const nonce = sealed.subarray(1, HEADER_BYTES);
      const body = sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (error) {
        throw new SealedValueError('SEALED_VALUE_AUTH_FAILED', error);
      }
    },
  };
}

/** The version byte is authenticated too, so a value cannot be relabelled as another format. */
function additionalData(associatedData: string): Buffer {
  // Without an identity a value could be moved anywhere: refuse to seal or open one.
  if (associatedData.length === 0) throw new Error('Sealing needs the identity of the row and column');
  return Buffer.concat([Buffer.of(VERSION), Buffer.from(associatedData, 'utf8')]);
}
