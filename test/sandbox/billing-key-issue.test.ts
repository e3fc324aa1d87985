import { describe, expect, it } from 'vitest';
import { createAuthKey, createAuthKeyIssueEndpoint } from '../../electron/sandbox/auth-keys.ts';
import { readCardInput } from '../../electron/sandbox/card-input.ts';
import { TEST_CARDS } from '../../electron/sandbox/index.ts';
import { createMerchantDirectory } from '../../electron/sandbox/merchants.ts';
import { createIdFactory } from '../../electron/sandbox/random-ids.ts';
import { claimId, createStore } from '../../electron/sandbox/store.ts';
import { DEFAULT_SWITCHES } from '../../electron/sandbox/switches.ts';
import { type Billing, CARD, chargeBody, KEY, manualClock, sandboxPerTest } from './harness.ts';

const ISSUE = '/v1/billing/authorizations/card';

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (const [index, char] of [...digits].reverse().entries()) {
    const value = Number(char) * (index % 2 === 1 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  }
  return sum % 10 === 0;
}

describe('POST /v1/billing/authorizations/card (§3.1)', () => {
  const clock = manualClock();
  const sandbox = sandboxPerTest(() => ({ now: clock.now }));

  const issue = (fields: Readonly<Record<string, unknown>>) =>
    sandbox.api.call<Billing>('POST', ISSUE, { body: { ...CARD, ...fields } });
  const issueError = async (fields: Readonly<Record<string, unknown>>) => {
    const result = await sandbox.api.call('POST', ISSUE, { body: { ...CARD, ...fields } });
    return { status: result.status, code: result.json.code };
  };

  it('returns the Billing object of API version 2022-11-16, cardCompany and cardNumber included (§4.1)', async () => {
    const result = await issue({});
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const billing = result.json;
    expect(Object.keys(billing)).toEqual([
      'mId',
      'customerKey',
      'authenticatedAt',
      'method',
      'billingKey',
      'card',
      'transfers',
      'cardCompany',
      'cardNumber',
    ]);
    expect(billing).toEqual({
      mId: expect.stringMatching(/^tviva[0-9a-f]{9}$/),
      customerKey: CARD.customerKey,
      authenticatedAt: '2026-03-30T14:39:56+09:00',
      method: '카드',
      billingKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}=$/),
      card: {
        issuerCode: '21',
        acquirerCode: '21',
        number: '94100012****789*',
        cardType: '신용',
        ownerType: '개인',
      },
      transfers: null,
      cardCompany: '하나',
      cardNumber: '94100012****789*',
    });
    expect(result.headers.get('x-tosspayments-trace-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('issues a new key on every registration', async () => {
    const first = await issue({});
    const second = await issue({});
    expect(first.json.billingKey).not.toBe(second.json.billingKey);
  });

  it.each(TEST_CARDS.map((card) => [card.bin, card] as const))(
    'scripts BIN %s at registration',
    async (_bin, card) => {
      const identity = card.identity === 'business-number' ? '1234567890' : '900101';
      const result = await sandbox.api.call<Billing & { code?: string }>('POST', ISSUE, {
        body: { ...CARD, cardNumber: card.exampleNumber, customerIdentityNumber: identity },
      });
      if (card.issue === 'ISSUED') {
        expect(result.status).toBe(200);
        expect(result.json.card).toEqual({
          issuerCode: card.issuerCode,
          acquirerCode: card.acquirerCode,
          number: `${card.exampleNumber.slice(0, 8)}****${card.exampleNumber.slice(12, 15)}*`,
          cardType: card.cardType,
          ownerType: card.ownerType,
        });
      } else {
        expect(result.status).toBe(400);
        expect(result.json.code).toBe(card.issue);
      }
    },
  );

  it('matches the identity number to the card owner type', async () => {
    expect(await issueError({ customerIdentityNumber: '1234567890' })).toEqual({
      status: 400,
      code: 'INVALID_CARD_IDENTITY',
    });
    expect(await issueError({ cardNumber: '9410061234567890', customerIdentityNumber: '900101' })).toEqual({
      status: 400,
      code: 'INVALID_CARD_IDENTITY',
    });
    expect(
      (await issue({ cardNumber: '4330121234567890', customerIdentityNumber: '1234567890' })).status,
    ).toBe(200);
  });

  it('checks only the BIN: Luhn is never checked, and 15 or 16 digits pass', async () => {
    const failsLuhn = ['9410001234567890', '9410001234567891'].find((number) => !passesLuhn(number)) ?? '';
    expect((await issue({ cardNumber: failsLuhn })).status).toBe(200);
    expect((await issue({ cardNumber: '941000123456789' })).json.card.number).toBe('94100012****78*');
  });

  it('accepts a card issued in Korea outside the scripts, as the live run did, and charges it', async () => {
    // The live run's card (issue 17): a BIN in a Korean issuer's range registers and charges to DONE.
    const result = await issue({ cardNumber: '4906251234123456' });
    expect(result.status).toBe(200);
    expect(result.json.card).toEqual({
      issuerCode: '11',
      acquirerCode: '11',
      number: '49062512****345*',
      cardType: '신용',
      ownerType: '개인',
    });
    expect(result.json.cardCompany).toBe('국민');
    const charged = await sandbox.api.charge(result.json.billingKey, chargeBody());
    expect(charged.status).toBe(200);
    expect(charged.json.status).toBe('DONE');
    const corporate = await issue({ cardNumber: '4518421234567890', customerIdentityNumber: '1234567890' });
    expect(corporate.json.card).toMatchObject({ issuerCode: '41', ownerType: '법인' });
    expect(corporate.json.cardCompany).toBe('신한');
  });

  it.each([
    ['a BIN alone (measured)', '941000'],
    ['14 digits', '94100012345678'],
    ['17 digits', '94100012345678901'],
    ['20 digits', '94100012345678901234'],
    ['a foreign BIN', '4111111111111111'],
    ['non-digits', '9410-0012-3456-7890'],
    ['an unknown BIN', '1234561234567890'],
  ])('refuses %s with INVALID_CARD_NUMBER', async (_name, cardNumber) => {
    expect(await issueError({ cardNumber })).toEqual({ status: 400, code: 'INVALID_CARD_NUMBER' });
  });

  it('refuses an expired card and accepts one expiring this month (KST)', async () => {
    // 2026-03-30 14:39 KST: March 2026 cards are still valid, February ones are not.
    expect(await issueError({ cardExpirationYear: '26', cardExpirationMonth: '02' })).toEqual({
      status: 400,
      code: 'INVALID_CARD_EXPIRATION',
    });
    expect((await issue({ cardExpirationYear: '26', cardExpirationMonth: '03' })).status).toBe(200);
  });

  it.each([
    ['month 13', { cardExpirationMonth: '13' }],
    ['month 00', { cardExpirationMonth: '00' }],
    ['a 4-digit year', { cardExpirationYear: '2030' }],
    ['a 1-digit month', { cardExpirationMonth: '9' }],
  ])('refuses %s with INVALID_CARD_EXPIRATION', async (_name, fields) => {
    expect(await issueError(fields)).toEqual({ status: 400, code: 'INVALID_CARD_EXPIRATION' });
  });

  it.each(['90010', '9001011', '12345678901', '9001O1'])(
    'refuses identity number %s with INVALID_BIRTH_DAY_FORMAT',
    async (customerIdentityNumber) => {
      expect(await issueError({ customerIdentityNumber })).toEqual({
        status: 400,
        code: 'INVALID_BIRTH_DAY_FORMAT',
      });
    },
  );

  it('takes cardPassword as optional 2 digits', async () => {
    const { cardPassword: _omitted, ...withoutPassword } = CARD;
    const result = await sandbox.api.call<Billing>('POST', ISSUE, { body: withoutPassword });
    expect(result.status).toBe(200);
    expect(await issueError({ cardPassword: '123' })).toEqual({ status: 400, code: 'INVALID_CARD_PASSWORD' });
    expect(await issueError({ cardPassword: 12 })).toEqual({ status: 400, code: 'INVALID_CARD_PASSWORD' });
  });

  it('takes customerKeys of 2 to 300 characters of any kind, as measured', async () => {
    expect((await issue({ customerKey: 'ab' })).status).toBe(200);
    expect((await issue({ customerKey: 'k'.repeat(300) })).status).toBe(200);
    expect((await issue({ customerKey: 'bad key!' })).status).toBe(200);
    expect(await issueError({ customerKey: 'a' })).toEqual({ status: 400, code: 'INVALID_REQUEST' });
    expect(await issueError({ customerKey: 'k'.repeat(301) })).toEqual({
      status: 500,
      code: 'FAILED_DB_PROCESSING',
    });
  });

  it.each([
    ['customerKey'],
    ['cardNumber'],
    ['cardExpirationYear'],
    ['cardExpirationMonth'],
    ['customerIdentityNumber'],
  ])('refuses a request without %s with INVALID_REQUEST', async (name) => {
    const body: Record<string, unknown> = { ...CARD };
    delete body[name];
    const result = await sandbox.api.call('POST', ISSUE, { body });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ code: 'INVALID_REQUEST', message: '잘못된 요청입니다.' });
  });

  it('refuses malformed JSON and non-object bodies with INVALID_REQUEST', async () => {
    for (const body of ['{"customerKey": ', '[]', '"text"', '']) {
      const result = await sandbox.api.call('POST', ISSUE, { body });
      expect(result.status).toBe(400);
      expect(result.json.code).toBe('INVALID_REQUEST');
    }
  });

  it('checks customerEmail and customerName, and ignores unknown fields', async () => {
    expect(await issueError({ customerEmail: 'not-an-email' })).toEqual({
      status: 400,
      code: 'INVALID_EMAIL',
    });
    expect(await issueError({ customerName: 'n'.repeat(101) })).toEqual({
      status: 400,
      code: 'INVALID_REQUEST',
    });
    const ok = await issue({
      customerEmail: 'member@example.co.kr',
      customerName: '김토스',
      vbv: { cavv: 'x', xid: 'y', eci: 'z' },
      somethingNew: true,
    });
    expect(ok.status).toBe(200);
  });
});

describe('POST /v1/billing/authorizations/issue (§3.2)', () => {
  const sandbox = sandboxPerTest();

  it('answers 404 NOT_FOUND_BILLING for an authKey no window handed out', async () => {
    const result = await sandbox.api.call('POST', '/v1/billing/authorizations/issue', {
      body: { authKey: 'bln_unknownAuthKey', customerKey: CARD.customerKey },
    });
    expect(result.status).toBe(404);
    expect(result.json).toEqual({
      code: 'NOT_FOUND_BILLING',
      message: '존재하지 않는 빌링 결제 인증 정보 입니다.',
    });
  });

  it('refuses a request without authKey with INVALID_REQUEST', async () => {
    const result = await sandbox.api.call('POST', '/v1/billing/authorizations/issue', {
      body: { customerKey: CARD.customerKey },
    });
    expect(result.json.code).toBe('INVALID_REQUEST');
  });
});

describe('authKey store', () => {
  function setUp() {
    const store = createStore();
    const deps = {
      store,
      ids: createIdFactory(
        (size) => crypto.getRandomValues(new Uint8Array(size)),
        (id) => claimId(store, id),
      ),
      switches: { ...DEFAULT_SWITCHES },
    };
    const merchant = createMerchantDirectory({})(KEY);
    if (!merchant) throw new Error('test key refused');
    const now = new Date('2026-03-30T05:39:56Z');
    const input = readCardInput({ ...CARD }, now);
    if (!input.ok) throw new Error(input.code);
    const authKey = createAuthKey(deps, merchant, CARD.customerKey, input.cardOnFile);
    const endpoint = createAuthKeyIssueEndpoint(deps);
    const issue = (customerKey: string) =>
      endpoint({
        merchant,
        params: {},
        query: new URLSearchParams(),
        body: Buffer.from(JSON.stringify({ authKey, customerKey })),
        now,
      });
    return { issue, store };
  }

  it('turns an authKey into a billing key once, for its own customerKey', () => {
    const { issue, store } = setUp();
    expect(issue('someone_else')).toEqual({ kind: 'error', code: 'NOT_FOUND_BILLING' });
    const issued = issue(CARD.customerKey);
    expect(issued).toMatchObject({
      kind: 'json',
      value: { customerKey: CARD.customerKey, method: '카드', card: { number: '94100012****789*' } },
    });
    expect(store.billingKeys.size).toBe(1);
    expect(issue(CARD.customerKey)).toEqual({ kind: 'error', code: 'NOT_FOUND_BILLING' });
  });
});
