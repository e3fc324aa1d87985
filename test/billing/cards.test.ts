import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/index.ts';
import { expectBillingError } from './expect-billing-error.ts';
import {
  addFault,
  auditOf,
  BIRTH_DATE,
  billingHarness,
  CARDS,
  cardInput,
  sandboxKeys,
  sandboxPayments,
} from './harness.ts';

const { sandbox, desk } = billingHarness();

describe('card registration', () => {
  it('issues a billing key, stores it sealed and shows only the masked card', async () => {
    const { services, ledger, sealer } = await desk();
    const member = services.members.create({ name: '김하늘' });
    const result = await services.cards.register({ memberId: member.id, card: cardInput() });

    expect(result.card).toMatchObject({
      memberId: member.id,
      maskedNumber: expect.stringContaining('*'),
      company: '하나',
      issuerCode: '21',
      acquirerCode: '21',
      cardType: '신용',
      ownerType: '개인',
      status: 'active',
      removedAt: null,
    });
    expect(result).toMatchObject({ replaced: null, charge: null });

    const [key] = await sandboxKeys(sandbox);
    expect(key?.status).toBe('ACTIVE');
    // Toss's time of the authentication, not the desk's.
    expect(key?.authenticatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    expect(result.card.authenticatedAt).toBe(Date.parse(key?.authenticatedAt ?? ''));
    expect(result.card.maskedNumber).toBe(key?.card?.number);
    // The view holds neither key nor card data.
    const shown = JSON.stringify([result, services.members.show(member.id)]);
    for (const secret of [key?.billingKey, key?.customerKey, CARDS.good, BIRTH_DATE]) {
      expect(shown).not.toContain(secret);
    }
    // The sealed key opens only as this card's billingKey.
    const row = ledger.db.prepare('SELECT uid, billing_key_sealed AS sealed FROM cards').get() as {
      uid: string;
      sealed: Buffer;
    };
    expect(sealer.open(row.sealed, `cards.billing_key:${row.uid}`)).toBe(key?.billingKey);
    expect(services.members.show(member.id).card?.id).toBe(result.card.id);
    expect(auditOf(ledger, `card:${result.card.id}`)).toEqual([
      {
        actor: 'test',
        operatorId: null,
        action: 'card.register',
        details: {
          memberId: member.id,
          maskedNumber: result.card.maskedNumber,
          company: '하나',
          replacedCardId: null,
        },
      },
    ]);
  });

  it('checks the card locally first, with a Korean message per field, and sends nothing', async () => {
    const { services } = await desk();
    const member = services.members.create({ name: '김하늘' });
    const error = await expectBillingError(
      () =>
        services.cards.register({
          memberId: member.id,
          card: { number: '1234', expiry: '13/30', identity: '9001011234567', password: '1' },
        }),
      'CARD_INPUT_INVALID',
    );
    expect(error.message).toBe('카드 정보를 확인해 주세요.');
    expect(error.fields).toEqual({
      number: { code: 'CARD_NUMBER_LENGTH', message: '카드번호는 14~19자리 숫자여야 합니다.' },
      expiry: { code: 'EXPIRY_MONTH', message: '유효기간의 월은 01~12 사이의 숫자여야 합니다.' },
      identity: {
        code: 'IDENTITY_RESIDENT_NUMBER',
        message: '주민등록번호 전체가 아닌 생년월일 6자리(YYMMDD)만 입력해 주세요.',
      },
      password: { code: 'PASSWORD_LENGTH', message: '카드 비밀번호는 앞 2자리만 입력해 주세요.' },
    });
    expect(await sandboxKeys(sandbox)).toEqual([]);
  });

  it('checks Luhn only with a live key', async () => {
    // 9410001234567890 fails Luhn: accepted in test mode (Toss checks the BIN only), refused live.
    const live = await desk({ tossMode: 'live' });
    const member = live.services.members.create({ name: '김하늘' });
    const error = await expectBillingError(
      () => live.services.cards.register({ memberId: member.id, card: cardInput(CARDS.good) }),
      'CARD_INPUT_INVALID',
    );
    expect(error.fields?.number?.code).toBe('CARD_NUMBER_LUHN');
    expect(await sandboxKeys(sandbox)).toEqual([]);
  });

  it("reports Toss's refusal with its Korean message, on the field it concerns", async () => {
    const { services, ledger } = await desk();
    const member = services.members.create({ name: '김하늘' });
    const error = await expectBillingError(
      () => services.cards.register({ memberId: member.id, card: cardInput(CARDS.refusedAtIssue) }),
      'CARD_REJECTED',
    );
    expect(error.tossCode).toBe('INVALID_CARD_NUMBER');
    expect(error.message).toBe('카드를 등록하지 못했습니다: 카드번호를 다시 확인해주세요.');
    expect(error.fields?.number).toEqual({
      code: 'INVALID_CARD_NUMBER',
      message: '카드번호를 다시 확인해주세요.',
    });
    expect(ledger.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(0);
  });

  it('gets the issued key back when the answer to the issue request was lost', async () => {
    const { services } = await desk();
    const member = services.members.create({ name: '김하늘' });
    await addFault(sandbox, 'drop-after-commit', { method: 'POST', path: '/v1/billing/authorizations/card' });
    const { card } = await services.cards.register({ memberId: member.id, card: cardInput() });
    // The repeat under the same Idempotency-Key replayed the first key instead of issuing another.
    const keys = await sandboxKeys(sandbox);
    expect(keys).toHaveLength(1);
    expect(card.status).toBe('active');
  });

  it('refuses cards for archived or unknown members', async () => {
    const { services } = await desk();
    const member = services.members.create({ name: '김하늘' });
    services.members.archive({ id: member.id });
    await expectBillingError(
      () => services.cards.register({ memberId: member.id, card: cardInput() }),
      'MEMBER_ARCHIVED',
    );
    await expectBillingError(
      () => services.cards.register({ memberId: 404, card: cardInput() }),
      'MEMBER_NOT_FOUND',
    );
  });
});

describe('one active card per member', () => {
  it('replaces a card: the new key first, then the old one deleted at Toss, both kept', async () => {
    const { services, ledger, clock } = await desk();
    const member = services.members.create({ name: '김하늘' });
    const first = await services.cards.register({ memberId: member.id, card: cardInput(CARDS.good) });
    const second = await services.cards.register({ memberId: member.id, card: cardInput(CARDS.check) });

    expect(second.card).toMatchObject({ status: 'active', cardType: '체크', company: '국민' });
    expect(second.replaced).toMatchObject({
      card: { id: first.card.id, status: 'replaced' },
      deletedAtToss: true,
    });
    expect(second.replaced?.card.removedAt).toBe(clock.now);
    const keys = await sandboxKeys(sandbox);
    expect(keys.map((key) => key.status).sort()).toEqual(['ACTIVE', 'REMOVED']);
    const detail = services.members.show(member.id);
    expect(detail.card?.id).toBe(second.card.id);
    expect(detail.cards.map((card) => [card.id, card.status])).toEqual([
      [second.card.id, 'active'],
      [first.card.id, 'replaced'],
    ]);
    expect(auditOf(ledger, `card:${first.card.id}`).map((row) => row.action)).toEqual([
      'card.register',
      'card.key_deleted',
    ]);
    expect(auditOf(ledger, `card:${second.card.id}`)[0]?.details).toMatchObject({
      replacedCardId: first.card.id,
    });
  });

  it('keeps the new card when the old key cannot be deleted at Toss, and says so', async () => {
    const { services, ledger } = await desk({ retry: { maxTries: 2 } });
    const member = services.members.create({ name: '김하늘' });
    const first = await services.cards.register({ memberId: member.id, card: cardInput(CARDS.good) });
    await addFault(sandbox, 'status-500', { method: 'DELETE', path: '/v1/billing/*' }, { times: 2 });
    const second = await services.cards.register({ memberId: member.id, card: cardInput(CARDS.check) });
    expect(second.card.status).toBe('active');
    expect(second.replaced).toMatchObject({
      card: { id: first.card.id, status: 'replaced' },
      deletedAtToss: false,
    });
    expect(auditOf(ledger, `card:${first.card.id}`).at(-1)).toMatchObject({
      action: 'card.key_delete_failed',
      details: { code: 'FAILED_INTERNAL_SYSTEM_PROCESSING' },
    });
  });

  it('removes a card: deleted at Toss, kept as history, and no longer charged', async () => {
    const { services, ledger, memberWithCard } = await desk();
    const { memberId, cardId } = await memberWithCard();
    const removed = await services.cards.remove({ memberId });
    expect(removed).toMatchObject({ id: cardId, status: 'removed' });
    expect((await sandboxKeys(sandbox)).map((key) => key.status)).toEqual(['REMOVED']);
    expect(services.cards.active(memberId)).toBeNull();
    expect(services.cards.history(memberId).map((card) => card.status)).toEqual(['removed']);
    await expectBillingError(
      () => services.charges.charge({ memberId, amount: 1000, orderName: '음료' }),
      'NO_ACTIVE_CARD',
    );
    await expectBillingError(() => services.cards.remove({ memberId }), 'NO_ACTIVE_CARD');
    expect(auditOf(ledger, `card:${cardId}`).map((row) => row.action)).toEqual([
      'card.register',
      'card.key_deleted',
      'card.remove',
    ]);
    expect(verifyAudit(ledger.db)).toMatchObject({ ok: true });
  });

  it('keeps the card when Toss cannot delete its key', async () => {
    const { services, memberWithCard } = await desk({ retry: { maxTries: 2 } });
    const { memberId, cardId } = await memberWithCard();
    await addFault(sandbox, 'status-500', { method: 'DELETE', path: '/v1/billing/*' }, { times: 2 });
    const error = await expectBillingError(() => services.cards.remove({ memberId }), 'CARD_DELETE_FAILED');
    expect(error.message).toContain('내부 시스템 처리 작업이 실패했습니다');
    expect(services.cards.active(memberId)?.id).toBe(cardId);
  });

  it('will not replace or remove a card while one of its charges is unresolved', async () => {
    const { services, memberWithCard } = await desk();
    const { memberId } = await memberWithCard();
    await addFault(sandbox, 'status-500', { method: 'POST', path: '/v1/billing/*' });
    const charge = await services.charges.charge({ memberId, amount: 5000, orderName: '음료' });
    expect(charge.status).toBe('UNKNOWN');
    await expectBillingError(() => services.cards.remove({ memberId }), 'CARD_HAS_UNRESOLVED_CHARGES');
    await expectBillingError(
      () => services.cards.register({ memberId, card: cardInput(CARDS.check) }),
      'CARD_HAS_UNRESOLVED_CHARGES',
    );
    await services.reconciler.reconcile();
    expect((await services.cards.remove({ memberId })).status).toBe('removed');
  });
});

describe('register and charge the first payment', () => {
  it('registers the card and charges it', async () => {
    const { services } = await desk();
    const member = services.members.create({ name: '김하늘', email: 'sky@example.com' });
    const result = await services.cards.register({
      memberId: member.id,
      card: cardInput(),
      firstCharge: { amount: 55_000, orderName: '3개월 회원권' },
    });
    expect(result.charge).toMatchObject({
      status: 'DONE',
      amount: 55_000,
      orderName: '3개월 회원권',
      cardId: result.card.id,
      maskedNumber: result.card.maskedNumber,
    });
    expect(await sandboxPayments(sandbox)).toHaveLength(1);
  });

  it('keeps the card registered when the first charge is declined, and says why', async () => {
    const { services } = await desk();
    const member = services.members.create({ name: '김하늘' });
    const result = await services.cards.register({
      memberId: member.id,
      card: cardInput(CARDS.softDecline),
      firstCharge: { amount: 55_000, orderName: '3개월 회원권' },
    });
    expect(result.card.status).toBe('active');
    expect(result.charge).toMatchObject({
      status: 'DECLINED',
      tossCode: 'REJECT_CARD_PAYMENT',
      tossMessage: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
    });
    expect(services.cards.active(member.id)?.id).toBe(result.card.id);
    expect(await sandboxPayments(sandbox)).toEqual([]);
  });

  it('checks the first charge before registering anything', async () => {
    const { services } = await desk();
    const member = services.members.create({ name: '김하늘' });
    const error = await expectBillingError(
      () =>
        services.cards.register({
          memberId: member.id,
          card: cardInput(),
          firstCharge: { amount: 99, orderName: '' },
        }),
      'INVALID_INPUT',
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['amount', 'orderName']);
    expect(await sandboxKeys(sandbox)).toEqual([]);
  });
});
