import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSealer,
  SealedValueError,
  type SealedValueErrorCode,
} from '../../electron/core/secrets/index.ts';

const AD = 'cards.billing_key:01JQ4Z8W3XK2M5N7P9R1T3V5X7';
const BILLING_KEY = 'Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=';

function failure(open: () => unknown): SealedValueErrorCode {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(SealedValueError);
    return (error as SealedValueError).code;
  }
  throw new Error('expected the sealed value not to open');
}

describe('AES-256-GCM sealer', () => {
  const sealer = createSealer(randomBytes(32));

  it('opens what it sealed, with the same identity', () => {
    for (const plaintext of [BILLING_KEY, '', '고객키-한글 ✓', 'x'.repeat(10_000)]) {
      expect(sealer.open(sealer.seal(plaintext, AD), AD)).toBe(plaintext);
    }
  });

  it('writes version 1, a 12-byte nonce, the ciphertext and a 16-byte tag', () => {
    const sealed = sealer.seal(BILLING_KEY, AD);
    expect(sealed[0]).toBe(1);
    expect(sealed.length).toBe(1 + 12 + Buffer.byteLength(BILLING_KEY) + 16);
  });

  it('a value moved to another row or column does not open there', () => {
    const sealed = sealer.seal(BILLING_KEY, AD);
    expect(failure(() => sealer.open(sealed, 'cards.billing_key:01JQ4Z8W3XK2M5N7P9R1T3V5X8'))).toBe(
      'SEALED_VALUE_AUTH_FAILED',
    );
    expect(failure(() => sealer.open(sealed, 'cards.customer_key:01JQ4Z8W3XK2M5N7P9R1T3V5X7'))).toBe(
      'SEALED_VALUE_AUTH_FAILED',
    );
  });

  it('any flipped bit (nonce, ciphertext or tag) makes it fail', () => {
    const sealed = sealer.seal(BILLING_KEY, AD);
    for (let byte = 1; byte < sealed.length; byte++) {
      for (const bit of [0x01, 0x80]) {
        const tampered = Buffer.from(sealed);
        tampered[byte] = (tampered[byte] ?? 0) ^ bit;
        expect(failure(() => sealer.open(tampered, AD))).toBe('SEALED_VALUE_AUTH_FAILED');
      }
    }
  });

  it('a changed version byte is refused as an unknown format', () => {
    const tampered = Buffer.from(sealer.seal(BILLING_KEY, AD));
    tampered[0] = 2;
    expect(failure(() => sealer.open(tampered, AD))).toBe('SEALED_VALUE_UNSUPPORTED_VERSION');
  });

  it('a truncated value is refused as malformed', () => {
    const sealed = sealer.seal('', AD);
    expect(failure(() => sealer.open(sealed.subarray(0, sealed.length - 1), AD))).toBe(
      'SEALED_VALUE_MALFORMED',
    );
    expect(failure(() => sealer.open(Buffer.alloc(0), AD))).toBe('SEALED_VALUE_MALFORMED');
    const longer = sealer.seal(BILLING_KEY, AD);
    expect(failure(() => sealer.open(longer.subarray(0, longer.length - 1), AD))).toBe(
      'SEALED_VALUE_AUTH_FAILED',
    );
  });

  it('another data key cannot open it', () => {
    const sealed = sealer.seal(BILLING_KEY, AD);
    expect(failure(() => createSealer(randomBytes(32)).open(sealed, AD))).toBe('SEALED_VALUE_AUTH_FAILED');
  });

  it('the output never contains the plaintext', () => {
    const sealed = sealer.seal(BILLING_KEY, AD);
    for (const encoding of ['utf8', 'base64', 'hex', 'latin1'] as const) {
      expect(sealed.toString(encoding)).not.toContain(BILLING_KEY);
    }
    expect(sealed.includes(Buffer.from(BILLING_KEY))).toBe(false);
    expect(sealed.includes(Buffer.from(BILLING_KEY.slice(0, 8)))).toBe(false);
  });

  it('every seal uses a new nonce, so equal plaintexts give different values', () => {
    const nonces = new Set<string>();
    const values = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const sealed = sealer.seal(BILLING_KEY, AD);
      nonces.add(sealed.subarray(1, 13).toString('hex'));
      values.add(sealed.toString('hex'));
    }
    expect(nonces.size).toBe(200);
    expect(values.size).toBe(200);
  });

  it('keeps its own copy of the key: zeroing the caller buffer changes nothing', () => {
    const key = randomBytes(32);
    const own = createSealer(key);
    const sealed = own.seal(BILLING_KEY, AD);
    key.fill(0);
    expect(own.open(sealed, AD)).toBe(BILLING_KEY);
    expect(failure(() => createSealer(key).open(sealed, AD))).toBe('SEALED_VALUE_AUTH_FAILED');
  });

  it('refuses a key that is not 32 bytes and an empty identity', () => {
    expect(() => createSealer(randomBytes(16))).toThrow('The data key must be 32 bytes (got 16)');
    expect(() => createSealer(randomBytes(33))).toThrow('The data key must be 32 bytes (got 33)');
    expect(() => sealer.seal(BILLING_KEY, '')).toThrow('Sealing needs the identity of the row and column');
    expect(() => sealer.open(sealer.seal(BILLING_KEY, AD), '')).toThrow(
      'Sealing needs the identity of the row and column',
    );
  });

  it('errors say in Korean why a value does not open, with a stable code', () => {
    const error = new SealedValueError('SEALED_VALUE_AUTH_FAILED');
    expect(error).toMatchObject({ name: 'SealedValueError', code: 'SEALED_VALUE_AUTH_FAILED' });
    expect(error.message).toBe(
      '암호화된 값을 열 수 없습니다. 다른 컴퓨터나 다른 프로필의 장부이거나, 값이 변조되었거나 다른 행으로 옮겨졌습니다.',
    );
  });
});
