import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createKeytarSecretStore,
  createSealer,
  createSecrets,
  SealedValueError,
  type Secrets,
  SecretsError,
  type SecretsErrorCode,
} from '../../electron/core/secrets/index.ts';
import { describeWithKeychain, uniqueService } from './keychain.ts';

const TEST_KEY = 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R';
const LIVE_KEY = 'live_sk_docs_Ovk5rk1EwkEbP0W43n07xlzm';

async function refusal(promise: Promise<unknown>): Promise<SecretsError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SecretsError);
  return error as SecretsError;
}

describeWithKeychain('secrets in the OS keychain', () => {
  const service = uniqueService();
  const store = createKeytarSecretStore({ service });
  const profiles: string[] = [];

  /** A Secrets for a profile no other test uses. */
  function fresh(): { secrets: Secrets; profile: string } {
    const profile = `p-${randomUUID()}`;
    profiles.push(profile);
    return { secrets: createSecrets({ store, profile }), profile };
  }

  afterAll(async () => {
    for (const profile of profiles) {
      await keytar.deletePassword(service, `${profile}/toss-secret-key`);
      await keytar.deletePassword(service, `${profile}/ledger-data-key`);
    }
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  describe('Toss secret key', () => {
    it('stores a test key under <profile>/toss-secret-key and reports only that it is set and its mode', async () => {
      const { secrets, profile } = fresh();
      expect(await secrets.tossSecretKeyStatus()).toStrictEqual({ configured: false, mode: null });
      await secrets.setTossSecretKey(TEST_KEY);
      expect(await keytar.getPassword(service, `${profile}/toss-secret-key`)).toBe(TEST_KEY);
      expect(await secrets.tossSecretKeyStatus()).toStrictEqual({ configured: true, mode: 'test' });
      expect(await secrets.getTossSecretKey()).toBe(TEST_KEY);
    });

    it('takes a live key, and a pasted key with a line break around it', async () => {
      const { secrets } = fresh();
      await secrets.setTossSecretKey(`  ${LIVE_KEY}\r\n`);
      expect(await secrets.tossSecretKeyStatus()).toStrictEqual({ configured: true, mode: 'live' });
      expect(await secrets.getTossSecretKey()).toBe(LIVE_KEY);
    });

    it('replaces a key and clears it', async () => {
      const { secrets, profile } = fresh();
      await secrets.setTossSecretKey(TEST_KEY);
      await secrets.setTossSecretKey(LIVE_KEY);
      expect(await secrets.getTossSecretKey()).toBe(LIVE_KEY);
      await secrets.clearTossSecretKey();
      expect(await keytar.getPassword(service, `${profile}/toss-secret-key`)).toBeNull();
      expect(await secrets.tossSecretKeyStatus()).toStrictEqual({ configured: false, mode: null });
      const error = await refusal(secrets.getTossSecretKey());
      expect(error.code).toBe('TOSS_KEY_NOT_CONFIGURED');
      expect(error.message).toBe(
        '토스페이먼츠 시크릿 키가 설정되지 않았습니다. 설정 화면에서 API 개별 연동 키의 시크릿 키를 입력해 주세요.',
      );
      await expect(secrets.clearTossSecretKey()).resolves.toBeUndefined();
    });

    const useInstead =
      '토스페이먼츠 개발자센터의 API 개별 연동 키 중 시크릿 키(test_sk_ 또는 live_sk_로 시작)를 입력해 주세요.';
    const refused: [string, SecretsErrorCode, string][] = [
      [
        'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq',
        'TOSS_KEY_IS_CLIENT_KEY',
        `입력한 키는 클라이언트 키(test_ck_/live_ck_)로, 브라우저 결제창용이라 자동결제에 쓸 수 없습니다. ${useInstead}`,
      ],
      ['live_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq', 'TOSS_KEY_IS_CLIENT_KEY', ''],
      [
        'test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm',
        'TOSS_KEY_IS_WIDGET_CLIENT_KEY',
        `입력한 키는 결제위젯 연동 키의 클라이언트 키(test_gck_/live_gck_)로, 자동결제에 쓸 수 없습니다. ${useInstead}`,
      ],
      [
        'live_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6',
        'TOSS_KEY_IS_WIDGET_SECRET_KEY',
        `입력한 키는 결제위젯 연동 키의 시크릿 키(test_gsk_/live_gsk_)로, 자동결제에 쓸 수 없습니다. ${useInstead}`,
      ],
      [
        'sk_test_abc123',
        'TOSS_KEY_MALFORMED',
        `시크릿 키 형식이 올바르지 않습니다. 공백이나 다른 글자 없이 그대로 붙여 넣어 주세요. ${useInstead}`,
      ],
      ['', 'TOSS_KEY_MALFORMED', ''],
      ['test_sk_', 'TOSS_KEY_MALFORMED', ''],
      ['test_sk_abc def', 'TOSS_KEY_MALFORMED', ''],
      ['test_sk_abc-def', 'TOSS_KEY_MALFORMED', ''],
      ['TEST_SK_abc', 'TOSS_KEY_MALFORMED', ''],
      ['test_ak_abc', 'TOSS_KEY_MALFORMED', ''],
      ['Basic dGVzdF9za19hYmM6', 'TOSS_KEY_MALFORMED', ''],
    ];

    it.each(refused)(
      'refuses %j with %s, keeps the key it had and never repeats the input',
      async (input, code, message) => {
        const { secrets } = fresh();
        await secrets.setTossSecretKey(TEST_KEY);
        const error = await refusal(secrets.setTossSecretKey(input));
        expect(error.code).toBe(code);
        if (message) expect(error.message).toBe(message);
        expect(error.message).toContain('API 개별 연동 키');
        expect(error.message).toContain('test_sk_ 또는 live_sk_');
        if (input.length > 8) expect(error.message).not.toContain(input.trim());
        expect(await secrets.getTossSecretKey()).toBe(TEST_KEY);
      },
    );

    it('a key that is not a secret key in the keychain is reported, not used', async () => {
      const { secrets, profile } = fresh();
      await keytar.setPassword(service, `${profile}/toss-secret-key`, 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq');
      for (const call of [secrets.getTossSecretKey, secrets.tossSecretKeyStatus]) {
        const error = await refusal(call());
        expect(error.code).toBe('TOSS_KEY_STORED_MALFORMED');
        expect(error.message).toBe(
          '키체인에 저장된 토스페이먼츠 시크릿 키가 올바른 형식이 아닙니다. 설정 화면에서 시크릿 키를 다시 입력해 주세요.',
        );
      }
    });
  });

  describe('ledger data key', () => {
    it('is 32 random bytes, stored as base64 under <profile>/ledger-data-key on first use and read back after', async () => {
      const { secrets, profile } = fresh();
      const key = await secrets.ledgerDataKey();
      expect(key.length).toBe(32);
      expect(await keytar.getPassword(service, `${profile}/ledger-data-key`)).toBe(key.toString('base64'));
      expect(await secrets.ledgerDataKey()).toEqual(key);
      // A new start (a new Secrets over the same keychain) finds the same key.
      expect(await createSecrets({ store, profile }).ledgerDataKey()).toEqual(key);
    });

    it('is not created when the caller says sealed values exist: a missing key is an error, not a new key', async () => {
      const { secrets, profile } = fresh();
      const error = await secrets.ledgerDataKey({ mayCreate: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SecretsError);
      expect((error as SecretsError).code).toBe('LEDGER_DATA_KEY_MISSING');
      expect(await keytar.getPassword(service, `${profile}/ledger-data-key`)).toBeNull();
      // Once the key is back (the keychain unlocked), the same call returns it.
      const key = await createSecrets({ store, profile }).ledgerDataKey();
      expect(await secrets.ledgerDataKey({ mayCreate: false })).toEqual(key);
    });

    it('each profile has its own key', async () => {
      const a = await fresh().secrets.ledgerDataKey();
      const b = await fresh().secrets.ledgerDataKey();
      expect(a.equals(b)).toBe(false);
    });

    it('concurrent first uses get one and the same key', async () => {
      const { secrets, profile } = fresh();
      const keys = await Promise.all([
        secrets.ledgerDataKey(),
        secrets.ledgerDataKey(),
        secrets.ledgerDataKey(),
      ]);
      const stored = await keytar.getPassword(service, `${profile}/ledger-data-key`);
      for (const key of keys) expect(key.toString('base64')).toBe(stored);
    });

    it('hands out copies: zeroing one does not change the key', async () => {
      const { secrets } = fresh();
      const first = await secrets.ledgerDataKey();
      const kept = Buffer.from(first);
      first.fill(0);
      expect(await secrets.ledgerDataKey()).toEqual(kept);
    });

    it.each([
      ['31 bytes', Buffer.alloc(31, 7).toString('base64')],
      ['33 bytes', Buffer.alloc(33, 7).toString('base64')],
      ['not base64', `${'!'.repeat(43)}=`],
      ['base64 without padding', Buffer.alloc(32, 7).toString('base64').replace(/=$/, '')],
    ])(
      'a stored key of %s is an error, and is left as it is rather than replaced',
      async (_label, stored) => {
        const { secrets, profile } = fresh();
        await keytar.setPassword(service, `${profile}/ledger-data-key`, stored);
        const error = await refusal(secrets.ledgerDataKey());
        expect(error.code).toBe('LEDGER_DATA_KEY_CORRUPT');
        expect(error.message).toContain('장부 암호화 키가 손상되었습니다');
        expect(await keytar.getPassword(service, `${profile}/ledger-data-key`)).toBe(stored);
      },
    );
  });

  it('writes no keychain entries but <profile>/toss-secret-key and <profile>/ledger-data-key', async () => {
    const only = uniqueService();
    const secrets = createSecrets({ store: createKeytarSecretStore({ service: only }), profile: 'default' });
    try {
      await secrets.setTossSecretKey(TEST_KEY);
      await secrets.tossSecretKeyStatus();
      await secrets.getTossSecretKey();
      await secrets.ledgerDataKey();
      const accounts = (await keytar.findCredentials(only)).map((entry) => entry.account).sort();
      expect(accounts).toEqual(['default/ledger-data-key', 'default/toss-secret-key']);
    } finally {
      await keytar.deletePassword(only, 'default/toss-secret-key');
      await keytar.deletePassword(only, 'default/ledger-data-key');
    }
  });

  it('a copied database without the keychain entry reveals nothing', async () => {
    // The ledger seals a billing key with its profile's data key...
    const original = createSealer(await fresh().secrets.ledgerDataKey());
    const sealed = original.seal('bk_9yDpNnmQ3aLzG5R7xW2k', 'cards.billing_key:9f1c2e');
    // ...and the file is copied where that keychain entry does not exist: a fresh profile (or
    // another computer) gets a new data key, and the copied value does not open with it.
    const elsewhere = createSealer(await fresh().secrets.ledgerDataKey());
    expect(() => elsewhere.open(sealed, 'cards.billing_key:9f1c2e')).toThrow(SealedValueError);
    expect(() => elsewhere.open(sealed, 'cards.billing_key:9f1c2e')).toThrow(
      expect.objectContaining({ code: 'SEALED_VALUE_AUTH_FAILED' }),
    );
    expect(original.open(sealed, 'cards.billing_key:9f1c2e')).toBe('bk_9yDpNnmQ3aLzG5R7xW2k');
  });
});

it('refuses a profile that would not make a plain account name', () => {
  const store = createKeytarSecretStore({ service: uniqueService() });
  for (const profile of ['', 'a/b', '../x', ' default', 'x'.repeat(65)]) {
    expect(() => createSecrets({ store, profile })).toThrow(/profile/);
  }
  expect(() => createSecrets({ store, profile: 'training' })).not.toThrow();
});
