import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  type OpenRegistrationWindow,
  registerCardByWindow,
  setTossClientKey,
} from '../../electron/core/billing/index.ts';
import { clientKeyFor, submitSandboxWindow, type TypedCard } from '../support/sandbox-window.ts';
import { expectBillingError } from './expect-billing-error.ts';
import {
  auditOf,
  billingHarness,
  CARDS,
  cardInput,
  type Desk,
  sandboxKeys,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();

/** A member and an authKey from the emulator's window, opened for that member's customerKey. */
async function memberWithAuthKey(d: Desk, card: TypedCard = { number: CARDS.good }) {
  const member = d.services.members.create({ name: '김하늘', phone: '010-3000-0001' });
  const customerKey = d.services.cards.windowCustomerKey({ memberId: member.id });
  const result = await submitSandboxWindow(
    sandbox.url,
    { clientKey: clientKeyFor(sandbox.secretKey), customerKey },
    card,
  );
  if (result.kind !== 'success') throw new Error(`window ended with ${result.kind}`);
  return { memberId: member.id, customerKey, authKey: result.authKey };
}

function storedCards(d: Desk) {
  return d.ledger.db.prepare('SELECT member_id AS memberId, status FROM cards ORDER BY id').all();
}

describe('registering a card from the window’s authKey (POST /v1/billing/authorizations/issue)', () => {
  it('stores the billing key sealed, with Toss’s masked card facts and an audit row', async () => {
    const d = await desk();
    const { memberId, customerKey, authKey } = await memberWithAuthKey(d);

    const { card, replaced, charge } = await d.services.cards.registerWithAuthKey({ memberId, authKey });

    expect(card).toMatchObject({
      memberId,
      maskedNumber: '94100012****789*',
      issuerCode: '21',
      cardType: '신용',
      ownerType: '개인',
      status: 'active',
    });
    expect(replaced).toBeNull();
    expect(charge).toBeNull();
    const [key] = await sandboxKeys(sandbox);
    expect(key).toMatchObject({ customerKey, status: 'ACTIVE' });
    const bytes = Buffer.concat([await readFile(d.ledger.path), await readFile(`${d.ledger.path}-wal`)]);
    expect(bytes.includes(key?.billingKey ?? '-')).toBe(false);
    expect(bytes.includes(customerKey)).toBe(false);
    expect(auditOf(d.ledger, `card:${card.id}`)).toEqual([
      expect.objectContaining({
        action: 'card.register',
        details: expect.objectContaining({ memberId, maskedNumber: '94100012****789*' }),
      }),
    ]);
    // The stored key charges: it was sealed for this card and opens again.
    const done = await d.services.charges.charge({ memberId, amount: 15_000, orderName: 'PT 1회' });
    expect(done.status).toBe('DONE');
  });

  it('charges the first payment in the same flow', async () => {
    const d = await desk();
    const { memberId, authKey } = await memberWithAuthKey(d);
    const { charge } = await d.services.cards.registerWithAuthKey({
      memberId,
      authKey,
      firstCharge: { amount: 55_000, orderName: '3개월 회원권' },
    });
    expect(charge).toMatchObject({ status: 'DONE', amount: 55_000, orderName: '3개월 회원권' });
    const payments = await sandboxPayments(sandbox);
    expect(payments.map((payment) => payment.totalAmount)).toEqual([55_000]);
  });

  it('replaces the key-in card the member had, and deletes its key at Toss', async () => {
    const d = await desk();
    const { memberId, authKey } = await memberWithAuthKey(d);
    await d.services.cards.register({ memberId, card: cardInput(CARDS.check) });
    const { card, replaced } = await d.services.cards.registerWithAuthKey({ memberId, authKey });
    expect(replaced?.deletedAtToss).toBe(true);
    expect(d.services.cards.active(memberId)?.id).toBe(card.id);
    expect((await sandboxKeys(sandbox)).map((key) => key.status)).toEqual(['REMOVED', 'ACTIVE']);
  });

  it('refuses an unknown authKey in Korean and stores nothing', async () => {
    const d = await desk();
    const member = d.services.members.create({ name: '이바다' });
    const error = await expectBillingError(
      () =>
        d.services.cards.registerWithAuthKey({
          memberId: member.id,
          authKey: 'bln_NoSuchAuthKey000000000000000000',
        }),
      'CARD_AUTH_KEY_REFUSED',
    );
    expect(error.tossCode).toBe('NOT_FOUND_BILLING');
    expect(error.message).toBe(
      '카드 등록 창의 인증이 만료되었거나 이미 사용되었습니다. 카드 등록 창을 다시 열어 주세요. (존재하지 않는 빌링 결제 인증 정보 입니다.)',
    );
    expect(storedCards(d)).toEqual([]);
    expect(await sandboxKeys(sandbox)).toEqual([]);
  });

  it('refuses an authKey used once already, leaving the first card as it was', async () => {
    const d = await desk();
    const { memberId, authKey } = await memberWithAuthKey(d);
    await d.services.cards.registerWithAuthKey({ memberId, authKey });
    await expectBillingError(
      () => d.services.cards.registerWithAuthKey({ memberId, authKey }),
      'CARD_AUTH_KEY_REFUSED',
    );
    expect(storedCards(d)).toEqual([{ memberId, status: 'active' }]);
    expect(await sandboxKeys(sandbox)).toHaveLength(1);
  });

  it('refuses an authKey from a window opened for another member’s customerKey', async () => {
    const d = await desk();
    const { memberId, authKey } = await memberWithAuthKey(d);
    const other = d.services.members.create({ name: '박구름' });
    await expectBillingError(
      () => d.services.cards.registerWithAuthKey({ memberId: other.id, authKey }),
      'CARD_AUTH_KEY_REFUSED',
    );
    expect(storedCards(d)).toEqual([]);
    // The window's own member can still use it.
    await d.services.cards.registerWithAuthKey({ memberId, authKey });
    expect(storedCards(d)).toEqual([{ memberId, status: 'active' }]);
  });

  it('checks its input before asking Toss', async () => {
    const d = await desk();
    const { memberId, authKey } = await memberWithAuthKey(d);
    await expectBillingError(
      () => d.services.cards.registerWithAuthKey({ memberId, authKey: '' }),
      'INVALID_INPUT',
    );
    await expectBillingError(
      () =>
        d.services.cards.registerWithAuthKey({
          memberId,
          authKey,
          firstCharge: { amount: 50, orderName: 'x' },
        }),
      'INVALID_INPUT',
    );
    d.services.members.archive({ id: memberId });
    await expectBillingError(
      () => d.services.cards.registerWithAuthKey({ memberId, authKey }),
      'MEMBER_ARCHIVED',
    );
    expect(await sandboxKeys(sandbox)).toEqual([]);
  });
});

describe('registerCardByWindow', () => {
  async function withClientKey() {
    const d = await desk();
    setTossClientKey(
      d.ledger.db,
      { clientKey: clientKeyFor(sandbox.secretKey), secretKeyMode: 'test' },
      () => new Date(),
    );
    const member = d.services.members.create({ name: '최들판' });
    const opened: { clientKey: string; customerKey: string }[] = [];
    const typing =
      (card: TypedCard | 'cancel'): OpenRegistrationWindow =>
      async (keys) => {
        opened.push(keys);
        return submitSandboxWindow(sandbox.url, keys, card);
      };
    const register = (
      openWindow: OpenRegistrationWindow,
      firstCharge?: { amount: number; orderName: string },
    ) =>
      registerCardByWindow(
        { db: d.ledger.db, cards: d.services.cards, secretKeyMode: 'test', openWindow },
        { memberId: member.id, firstCharge, actor: '김직원', operatorId: d.operatorId },
      );
    return { d, memberId: member.id, opened, typing, register };
  }

  it('opens the window with the client key and the member’s customerKey, then registers and charges', async () => {
    const { d, memberId, opened, typing, register } = await withClientKey();
    const outcome = await register(typing({ number: CARDS.good }), {
      amount: 33_000,
      orderName: '월 회원권',
    });
    expect(outcome.kind).toBe('registered');
    expect(opened).toEqual([
      { clientKey: clientKeyFor(sandbox.secretKey), customerKey: expect.stringMatching(/^cus_/) },
    ]);
    expect((await sandboxKeys(sandbox))[0]?.customerKey).toBe(opened[0]?.customerKey);
    expect(d.services.cards.active(memberId)?.maskedNumber).toBe('94100012****789*');
    expect(outcome.kind === 'registered' && outcome.registration.charge?.status).toBe('DONE');
  });

  it('reports a card the window refused with Toss’s code and Korean message, storing nothing', async () => {
    const { d, typing, register } = await withClientKey();
    const error = await expectBillingError(
      () => register(typing({ number: CARDS.refusedAtIssue })),
      'CARD_WINDOW_FAILED',
    );
    expect(error.tossCode).toBe('INVALID_CARD_NUMBER');
    expect(error.message).toBe('카드를 등록하지 못했습니다: 카드번호를 다시 확인해주세요.');
    expect(storedCards(d)).toEqual([]);
  });

  it('treats the window’s cancel button and closing the window as a cancel', async () => {
    const { d, typing, register } = await withClientKey();
    expect(await register(typing('cancel'))).toEqual({ kind: 'canceled' });
    expect(await register(async () => ({ kind: 'canceled' }))).toEqual({ kind: 'canceled' });
    expect(storedCards(d)).toEqual([]);
  });

  it('does not open the window without a usable client key', async () => {
    const d = await desk();
    const member = d.services.members.create({ name: '정바람' });
    const openWindow = async () => {
      throw new Error('must not open');
    };
    const deps = { db: d.ledger.db, cards: d.services.cards, openWindow };
    await expectBillingError(
      () => registerCardByWindow({ ...deps, secretKeyMode: 'test' }, { memberId: member.id }),
      'CLIENT_KEY_NOT_CONFIGURED',
    );
    setTossClientKey(d.ledger.db, { clientKey: 'test_ck_store', secretKeyMode: 'test' }, () => new Date());
    await expectBillingError(
      () => registerCardByWindow({ ...deps, secretKeyMode: 'live' }, { memberId: member.id }),
      'CLIENT_KEY_MODE_MISMATCH',
    );
  });
});
