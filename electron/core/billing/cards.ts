import {
  type CardField,
  type CardInput,
  cardCompanyName,
  maskCardNumber,
  type TossCardFields,
  validateCardInput,
} from '../../../shared/card/index.ts';
import { roleAtLeast } from '../../../shared/rules/index.ts';
import {
  activeCardOf,
  activeCardRowOf,
  type CardRow,
  cardRow,
  cardsOf,
  cardView,
  hasUnresolvedCharges,
  insertActiveCard,
  markCardRemoved,
} from '../ledger/index.ts';
import { type Billing, TossError } from '../toss/index.ts';
import { type Actor, audit, checkOperator, operatorRole } from './audit.ts';
import { BillingError, type FieldProblem, invalidInput } from './billing-error.ts';
import type { Approval, Approver } from './charge-gate.ts';
import { type ChargeRequest, type ChargeRequestInput, checkChargeRequest } from './charge-input.ts';
import { type ChargeEngine, UNRESOLVED_CHARGE_MESSAGE } from './charges.ts';
import type { BillingContext } from './deps.ts';
import { refuseKeyInIfDisabled } from './key-in.ts';
import { activeMemberOrThrow, memberOrThrow } from './member-lookup.ts';
import { openBillingKey, openCustomerKey, sealBillingKey } from './sealed-keys.ts';
import { repeatWhileUnknown, tossConfigError } from './toss-calls.ts';
import type { CardView, ChargeView } from './views.ts';

export interface RegisterCardInput extends Actor {
  memberId: number;
  /** Card data: used for the one issue request, then dropped (invariant 2). */
  card: CardInput;
  /** "카드 등록과 첫 번째 결제 같이 하기": charge this right after the card is registered. */
  firstCharge?: FirstChargeInput | undefined;
}

/** A first charge, with the manager's PIN when it goes over the operator's cap (checked before the card is issued). */
export interface FirstChargeInput extends ChargeRequestInput {
  approval?: Approval | undefined;
}

export interface RegisterCardWithAuthKeyInput extends Actor {
  memberId: number;
  /**
   * The single-use authKey Toss's registration window sent to the successUrl (toss-api.md §3.2),
   * opened for this member's customerKey (see CardService.windowCustomerKey). The card itself
   * never reaches the app in this flow.
   */
  authKey: string;
  /** As in key-in registration: charged right after the card is registered. */
  firstCharge?: FirstChargeInput | undefined;
  /**
   * The first charge's approval when it was asked before Toss's window opened
   * (approveFirstCharge), so the customer never types a card for a charge a manager then refuses.
   */
  firstChargeApprover?: Approver | null | undefined;
}

export interface CardRegistration {
  readonly card: CardView;
  /** The card this one replaced, and whether its billing key was deleted at Toss. */
  readonly replaced: { readonly card: CardView; readonly deletedAtToss: boolean } | null;
  /** The first charge's outcome when one was asked for; its failure leaves the card registered. */
  readonly charge: ChargeView | null;
}

export interface CardService {
  /**
   * Issues a billing key for the member's card (POST /v1/billing/authorizations/card) and stores
   * it sealed with Toss's masked card facts. A member has one active card: a new one replaces
   * the old, whose key is deleted at Toss after the new one is safely stored.
   */
  register(input: RegisterCardInput): Promise<CardRegistration>;
  /**
   * The customerKey to open Toss's registration window with, for main only: it goes into that
   * window and nowhere else (never over IPC, invariant 3). Refuses, as register does, a member who
   * is archived or whose card cannot be replaced now, so the window is not opened in vain.
   */
  windowCustomerKey(input: { memberId: number }): string;
  /**
   * The same registration from the registration window's authKey (POST
   * /v1/billing/authorizations/issue): stored, replacing and charging exactly as register does.
   */
  registerWithAuthKey(input: RegisterCardWithAuthKeyInput): Promise<CardRegistration>;
  /**
   * Checks the approval a first charge needs (the operator's cap) before the card is registered:
   * APPROVAL_REQUIRED without one, the approver's refusal with a wrong one.
   */
  approveFirstCharge(
    input: { memberId: number; firstCharge?: FirstChargeInput | undefined } & Actor,
  ): Promise<Approver | null>;
  /** Deletes the active card's billing key at Toss, then marks the card removed (kept as history). */
  remove(input: { memberId: number } & Actor): Promise<CardView>;
  active(memberId: number): CardView | null;
  history(memberId: number): CardView[];
}

// Toss's refusals that point at one field of the card form (toss-api.md §8.3).
const FIELD_OF_CODE = {
  INVALID_CARD_NUMBER: 'number',
  INVALID_CARD_EXPIRATION: 'expiry',
  INVALID_CARD_PASSWORD: 'password',
  INVALID_CARD_IDENTITY: 'identity',
  INVALID_BIRTH_DAY_FORMAT: 'identity',
} as const satisfies Readonly<Record<string, CardField>>;
type TossFieldCode = keyof typeof FIELD_OF_CODE;

function isTossFieldCode(code: string): code is TossFieldCode {
  return Object.hasOwn(FIELD_OF_CODE, code);
}

// Toss's answers to DELETE that mean the key is already gone, which is what removing wants.
const ALREADY_GONE = new Set([
  'ALREADY_REMOVED_BILLING_KEY',
  'INVALID_BILL_KEY_REQUEST',
  'NOT_FOUND_BILLING',
]);

export function createCardService(ctx: BillingContext, charges: ChargeEngine): CardService {
  const db = ctx.ledger.db;

  function refuseWhileUnresolved(memberId: number, what: string): void {
    // A resend of an unresolved charge uses the card it was made with: deleting that key now
    // could turn a charge the store asked for into a refusal.
    if (hasUnresolvedCharges(db, memberId)) {
      throw new BillingError(
        'CARD_HAS_UNRESOLVED_CHARGES',
        `결과를 확인 중인 결제가 있어 카드를 ${what} 수 없습니다. 결제 확인(대사)을 먼저 실행해 주세요.`,
      );
    }
  }

  function checkedCard(card: CardInput): TossCardFields {
    const checked = validateCardInput(card, { mode: ctx.tossMode, now: ctx.now() });
    if (checked.ok) return checked.value;
    const fields: Record<string, FieldProblem> = {};
    for (const [field, problem] of Object.entries(checked.errors)) {
      if (problem) fields[field] = { code: problem.code, message: problem.message };
    }
    throw new BillingError('CARD_INPUT_INVALID', '카드 정보를 확인해 주세요.', { fields });
  }

  async function issue(send: (options: { idempotencyKey: string }) => Promise<Billing>): Promise<Billing> {
    // One key for the request and its repeats: if Toss issued a key but the answer was lost,
    // the repeat gets that same key back instead of issuing a second one.
    const idempotencyKey = `issue_${ctx.randomId()}`;
    try {
      return await repeatWhileUnknown(ctx, () => send({ idempotencyKey }));
    } catch (error) {
      throw issueError(error);
    }
  }

  /** What both flows check before asking Toss for a key; the first charge is checked first of all. */
  function prepare(input: { memberId: number; firstCharge?: FirstChargeInput | undefined } & Actor) {
    const firstCharge = input.firstCharge === undefined ? null : checkChargeRequest(input.firstCharge);
    checkOperator(ctx, input.operatorId);
    const member = activeMemberOrThrow(db, input.memberId);
    if (activeCardOf(db, member.id)) {
      refuseUnlessManager(input, '바꾸려면');
      refuseWhileUnresolved(member.id, '바꿀');
    }
    return { member, firstCharge };
  }

  /**
   * Replacing or removing a card deletes its billing key at Toss, which cannot be undone: only a
   * manager or the owner may. A caller without an operator (the system, tests) is not a person.
   */
  function refuseUnlessManager(who: Actor, what: string): void {
    if (who.operatorId === undefined || who.operatorId === null) return;
    const role = operatorRole(ctx, who.operatorId);
    if (role === null || !roleAtLeast(role, 'manager')) {
      throw new BillingError(
        'MANAGER_REQUIRED',
        `등록된 카드를 ${what} 매니저 이상이어야 합니다. 이전 카드(빌링키)는 토스페이먼츠에서 삭제되어 되돌릴 수 없습니다.`,
      );
    }
  }

  /**
   * The first charge's approval, asked before Toss issues a key: a card form never ends with the
   * card registered and the charge waiting for a manager.
   */
  async function approveFirstCharge(
    input: { memberId: number; firstCharge?: FirstChargeInput | undefined } & Actor,
    firstCharge: ChargeRequest | null,
  ): Promise<Approver | null> {
    if (firstCharge === null) return null;
    const ask = { operatorId: input.operatorId, memberId: input.memberId, amount: firstCharge.amount };
    const need = charges.approvalNeed(ask);
    if (!need.cap && !need.unresolved) return null;
    const approval = input.firstCharge?.approval;
    if (!approval) {
      if (need.unresolved) throw new BillingError('UNRESOLVED_CHARGE', UNRESOLVED_CHARGE_MESSAGE);
      throw new BillingError('APPROVAL_REQUIRED', need.cap?.message ?? '매니저 PIN 승인이 필요합니다.');
    }
    return charges.approve({ ...ask, approval, requestId: firstCharge.requestId });
  }

  /** Stores the new card (replacing the active one) with its audit row; returns both rows. */
  function store(
    memberId: number,
    billing: Billing,
    keyedNumber: string | null,
    expiry: CardExpiryMonth | null,
    who: Actor,
  ) {
    const uid = ctx.randomId();
    const sealed = sealBillingKey(ctx, uid, billing.billingKey);
    const at = ctx.now().getTime();
    const tossCard = billing.card ?? null;
    // API 2022-11-16 also sends cardNumber and cardCompany at the top; 2024-06-01 only `card`.
    const masked = maskedNumberOf(tossCard?.number ?? billing.cardNumber ?? null, keyedNumber);
    const issuerCode = tossCard?.issuerCode ?? '';
    const company = cardCompanyName(issuerCode) ?? billing.cardCompany ?? null;
    const authenticatedAt = Date.parse(billing.authenticatedAt);
    return db.transaction(() => {
      const previous = activeCardRowOf(db, memberId);
      const id = insertActiveCard(
        db,
        {
          uid,
          memberId,
          billingKeySealed: sealed,
          maskedNumber: masked,
          issuerCode,
          acquirerCode: tossCard?.acquirerCode ?? null,
          company,
          cardType: tossCard?.cardType ?? '미확인',
          ownerType: tossCard?.ownerType ?? '미확인',
          authenticatedAt: Number.isFinite(authenticatedAt) ? authenticatedAt : at,
          expiryMonth: expiry?.month ?? null,
          expiryYear: expiry?.year ?? null,
          at,
        },
        previous?.id ?? null,
      );
      audit(ctx, who, 'card.register', `card:${id}`, {
        memberId,
        maskedNumber: masked,
        company,
        replacedCardId: previous?.id ?? null,
      });
      const stored = cardRow(db, id);
      if (!stored) throw new Error(`card ${id} vanished`);
      return { stored, previous: previous ? (cardRow(db, previous.id) ?? previous) : null };
    })();
  }

  /** DELETE /v1/billing/{billingKey}, repeated while the answer is unknown; true when the key is gone. */
  async function deleteAtToss(card: CardRow, who: Actor): Promise<{ deleted: boolean; error?: unknown }> {
    let result: { deleted: boolean; error?: unknown };
    try {
      const billingKey = openBillingKey(ctx, card.uid, card.billingKeySealed);
      await repeatWhileUnknown(ctx, () => ctx.toss.deleteBillingKey(billingKey));
      result = { deleted: true };
    } catch (error) {
      result =
        error instanceof TossError && ALREADY_GONE.has(error.code)
          ? { deleted: true }
          : { deleted: false, error };
    }
    const code = result.error instanceof TossError ? result.error.code : result.error ? 'LOCAL_ERROR' : null;
    db.transaction(() => {
      audit(ctx, who, result.deleted ? 'card.key_deleted' : 'card.key_delete_failed', `card:${card.id}`, {
        memberId: card.memberId,
        maskedNumber: card.maskedNumber,
        code,
      });
    })();
    if (!result.deleted) ctx.log.warn('billing key not deleted at Toss', { cardId: card.id, code });
    return result;
  }

  /**
   * The step both flows share once Toss has issued a key: store it sealed (replacing the member's
   * active card), delete the replaced key at Toss, then make the first charge if one was asked for.
   */
  async function complete(issued: {
    member: { id: number };
    customerKey: string;
    billing: Billing;
    keyedNumber: string | null;
    /** From key-in or a swipe; Toss's window tells none. */
    expiry: CardExpiryMonth | null;
    firstCharge: ChargeRequest | null;
    approver: Approver | null;
    who: Actor;
  }): Promise<CardRegistration> {
    const { member, billing, firstCharge, who } = issued;
    let saved: ReturnType<typeof store>;
    try {
      // A key bound to another customerKey could never be charged (toss-api.md §15.1).
      if (billing.customerKey !== issued.customerKey)
        throw new Error('Toss issued the key for another customerKey');
      activeMemberOrThrow(db, member.id);
      saved = store(member.id, billing, issued.keyedNumber, issued.expiry, who);
    } catch (error) {
      // The key cannot be fetched again (toss-api.md §3.5): one that is not stored is deleted,
      // so that no live key exists that the app does not know about.
      await ctx.toss.deleteBillingKey(billing.billingKey).catch(() => undefined);
      ctx.log.error('issued billing key not stored', { memberId: member.id, error });
      if (error instanceof BillingError) throw error;
      throw new BillingError(
        'CARD_NOT_STORED',
        '카드를 장부에 저장하지 못해 등록을 취소했습니다. 다시 등록해 주세요.',
        { cause: error },
      );
    }
    ctx.log.info('card registered', { memberId: member.id, cardId: saved.stored.id });

    let replaced: CardRegistration['replaced'] = null;
    if (saved.previous) {
      const { deleted } = await deleteAtToss(saved.previous, who);
      replaced = { card: cardView(saved.previous), deletedAtToss: deleted };
    }

    const charge =
      firstCharge === null
        ? null
        : await charges.chargeApproved(
            {
              memberId: member.id,
              amount: firstCharge.amount,
              orderName: firstCharge.orderName,
              taxFreeAmount: firstCharge.taxFreeAmount,
              ...(firstCharge.requestId === null ? {} : { requestId: firstCharge.requestId }),
              ...(who.actor === undefined ? {} : { actor: who.actor }),
              operatorId: who.operatorId ?? null,
            },
            issued.approver,
          );
    return { card: cardView(saved.stored), replaced, charge };
  }

  return {
    async register(input) {
      refuseKeyInIfDisabled(ctx);
      const { member, firstCharge } = prepare(input);
      const card = checkedCard(input.card);
      const approver = await approveFirstCharge(input, firstCharge);
      const customerKey = openCustomerKey(ctx, member.uid, member.customerKeySealed);
      const billing = await issue((options) =>
        ctx.toss.issueBillingKeyWithCard({ ...card, customerKey }, options),
      );
      return complete({
        member,
        customerKey,
        billing,
        keyedNumber: card.cardNumber,
        expiry: { month: Number(card.cardExpirationMonth), year: 2000 + Number(card.cardExpirationYear) },
        firstCharge,
        approver,
        who: input,
      });
    },

    windowCustomerKey(input) {
      const { member } = prepare(input);
      return openCustomerKey(ctx, member.uid, member.customerKeySealed);
    },

    async registerWithAuthKey(input) {
      const { member, firstCharge } = prepare(input);
      const approver =
        input.firstChargeApprover === undefined
          ? await approveFirstCharge(input, firstCharge)
          : input.firstChargeApprover;
      const authKey = typeof input.authKey === 'string' ? input.authKey : '';
      if (authKey.length === 0 || authKey.length > 300) {
        throw invalidInput({
          authKey: { code: 'AUTH_KEY_INVALID', message: '카드 등록 창의 인증 정보가 올바르지 않습니다.' },
        });
      }
      const customerKey = openCustomerKey(ctx, member.uid, member.customerKeySealed);
      const billing = await issue((options) =>
        ctx.toss.issueBillingKeyWithAuthKey({ authKey, customerKey }, options),
      );
      return complete({
        member,
        customerKey,
        billing,
        keyedNumber: null,
        expiry: null,
        firstCharge,
        approver,
        who: input,
      });
    },

    approveFirstCharge(input) {
      const { firstCharge } = prepare(input);
      return approveFirstCharge(input, firstCharge);
    },

    async remove(input) {
      const member = memberOrThrow(db, input.memberId);
      const card = activeCardRowOf(db, member.id);
      if (!card) throw new BillingError('NO_ACTIVE_CARD', `${member.name} 회원은 등록된 카드가 없습니다.`);
      refuseUnlessManager(input, '삭제하려면');
      refuseWhileUnresolved(member.id, '삭제할');
      const { deleted, error } = await deleteAtToss(card, input);
      if (!deleted) {
        if (error instanceof TossError && error.retryClass === 'config') throw tossConfigError(error);
        const detail = error instanceof TossError ? ` ${error.message} (${error.code})` : '';
        throw new BillingError(
          'CARD_DELETE_FAILED',
          `토스페이먼츠에서 카드(빌링키)를 삭제하지 못해 카드를 그대로 두었습니다. 잠시 후 다시 시도해 주세요.${detail}`,
          { ...(error instanceof TossError ? { tossCode: error.code } : {}), cause: error },
        );
      }
      const at = ctx.now().getTime();
      db.transaction(() => {
        markCardRemoved(db, card.id, at);
        audit(ctx, input, 'card.remove', `card:${card.id}`, {
          memberId: member.id,
          maskedNumber: card.maskedNumber,
        });
      })();
      const removed = cardRow(db, card.id);
      if (!removed) throw new Error(`card ${card.id} vanished`);
      return cardView(removed);
    },

    active(memberId) {
      return activeCardOf(db, memberOrThrow(db, memberId).id) ?? null;
    },

    history(memberId) {
      return cardsOf(db, memberOrThrow(db, memberId).id);
    },
  };
}

/**
 * Toss's masked number as it is; one without a mask would be a card number, so the app masks it
 * (the number typed at key-in, else Toss's own). The ledger refuses a value without a '*'.
 */
/** The month (1–12) and four-digit year a card is valid through. */
interface CardExpiryMonth {
  readonly month: number;
  readonly year: number;
}

function maskedNumberOf(tossNumber: string | null, keyedNumber: string | null): string {
  if (tossNumber?.includes('*') && tossNumber.length <= 20) return tossNumber;
  return maskCardNumber(keyedNumber ?? tossNumber ?? '');
}

function issueError(error: unknown): Error {
  if (!(error instanceof TossError)) return error instanceof Error ? error : new Error(String(error));
  if (error.retryClass === 'config') return tossConfigError(error);
  if (error.code === 'NOT_FOUND_BILLING') {
    return new BillingError(
      'CARD_AUTH_KEY_REFUSED',
      `카드 등록 창의 인증이 만료되었거나 이미 사용되었습니다. 카드 등록 창을 다시 열어 주세요. (${error.message})`,
      { tossCode: error.code, cause: error },
    );
  }
  if (error.outcomeUnknown) {
    return new BillingError(
      'CARD_REGISTRATION_UNKNOWN',
      `토스페이먼츠에서 카드 등록 결과를 받지 못했습니다. 카드는 등록되지 않았습니다. 잠시 후 다시 등록해 주세요. (${error.code})`,
      { tossCode: error.code, cause: error },
    );
  }
  const code = error.code;
  return new BillingError('CARD_REJECTED', `카드를 등록하지 못했습니다: ${error.message}`, {
    tossCode: code,
    cause: error,
    ...(isTossFieldCode(code) ? { fields: { [FIELD_OF_CODE[code]]: { code, message: error.message } } } : {}),
  });
}
