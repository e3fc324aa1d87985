import { roleAtLeast } from '../../../shared/rules/index.ts';
import {
  type AttemptRow,
  activeCardRowOf,
  attemptByRequestId,
  attemptRow,
  chargeView,
  hasUnresolvedCharges,
  insertManualAttempt,
  markSent,
} from '../ledger/index.ts';
import type { BillingKeyRef } from '../toss/index.ts';
import { type Actor, audit, checkOperator, operatorRole } from './audit.ts';
import { BillingError } from './billing-error.ts';
import type { Approval, Approver, CapCheck } from './charge-gate.ts';
import { type ChargeRequest, type ChargeRequestInput, checkChargeRequest } from './charge-input.ts';
import { chargeBodyFor, chargeKeyFor, recordChargeOutcome, sendCharge } from './charge-send.ts';
import type { BillingContext } from './deps.ts';
import type { InFlight } from './in-flight.ts';
import { activeMemberOrThrow } from './member-lookup.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import type { ChargeView } from './views.ts';

export interface ChargeInput extends ChargeRequestInput, Actor {
  memberId: number;
  /**
   * A manager's or owner's PIN typed on the spot: lets through a charge over the operator's cap,
   * or one for a member whose earlier charge is still unresolved (see UNRESOLVED_CHARGE).
   */
  approval?: Approval | undefined;
}

/** What a charge needs before it may be sent: nothing, or a manager's approval for these reasons. */
export interface ApprovalNeed {
  readonly cap: CapCheck | null;
  /** The member has a charge whose outcome is not known yet (PENDING or UNKNOWN). */
  readonly unresolved: boolean;
}

export const UNRESOLVED_CHARGE_MESSAGE =
  '이전 결제의 결과를 아직 모릅니다. 같은 금액이 두 번 결제될 수 있으니 확인 필요 목록에서 먼저 확인해 주세요. 꼭 지금 결제해야 하면 매니저 승인이 필요합니다.';

export interface ChargeService {
  /**
   * Charges the member's active card once (design.md invariant 4, "A charge, step by step"):
   * the attempt (orderId, Idempotency-Key, PENDING) is committed before the request leaves, and
   * Toss's answer makes it DONE, DECLINED, FAILED or UNKNOWN. Every outcome is returned, not
   * thrown; BillingError is for requests refused before anything was written, and for the rare
   * LEDGER_WRITE_FAILED (Toss answered but the answer could not be written; the attempt stays
   * PENDING and the reconciler records it).
   *
   * With a `requestId`, asking again (a double click, a retried IPC call, both at once) returns
   * the first request's attempt, waiting for its answer if it is still on its way.
   */
  charge(input: ChargeInput): Promise<ChargeView>;
  get(id: number): ChargeView;
  /** The attempt a request id made, if any. */
  findByRequestId(requestId: string): ChargeView | undefined;
  /**
   * What a charge of `amount` for this operator (and member, when known) would need approved:
   * the screens ask before card data is sent, so a card form never waits on an approval.
   */
  approvalNeed(input: { operatorId?: number | null; memberId?: number; amount: number }): ApprovalNeed;
  /** Checks an approver's PIN for such a charge (as `charge` does with `approval`); audited. */
  approve(input: {
    operatorId?: number | null;
    memberId?: number;
    amount: number;
    approval: Approval;
    requestId?: string | null;
  }): Promise<Approver | null>;
}

/** The billing core's own use: a charge whose approval was checked before (the card's first charge). */
export interface ChargeEngine extends ChargeService {
  chargeApproved(input: ChargeInput, approver: Approver | null): Promise<ChargeView>;
}

export function createChargeService(ctx: BillingContext, inFlight: InFlight<ChargeView>): ChargeEngine {
  const db = ctx.ledger.db;
  // Approvers this service checked a PIN for: only these let a charge skip the checks, so an
  // approver object made up by a caller is worth nothing.
  const checked = new WeakSet<Approver>();

  function approvalNeed(input: {
    operatorId?: number | null | undefined;
    memberId?: number | undefined;
    amount: number;
  }): ApprovalNeed {
    const operatorId = input.operatorId ?? null;
    return {
      cap: operatorId === null || !ctx.gate ? null : ctx.gate.capExceeded(operatorId, input.amount),
      unresolved: input.memberId !== undefined && hasUnresolvedCharges(db, input.memberId),
    };
  }

  /** Refuses what needs an approval that was not given (or, in the insert transaction, given for less). */
  function refuseUnapproved(need: ApprovalNeed): void {
    if (need.unresolved) throw new BillingError('UNRESOLVED_CHARGE', UNRESOLVED_CHARGE_MESSAGE);
    if (need.cap) throw new BillingError('APPROVAL_REQUIRED', need.cap.message);
  }

  /**
   * The approver's PIN and rank, checked before anything is written (the check is slow on
   * purpose, so it cannot sit in the insert transaction); the approval is audited with both
   * names. A manager or owner asking for themselves may confirm an unresolved member's charge
   * with their own PIN; going over their own cap always needs someone else.
   */
  async function approve(input: {
    operatorId?: number | null | undefined;
    memberId?: number | undefined;
    amount: number;
    approval: Approval;
    requestId?: string | null | undefined;
  }): Promise<Approver | null> {
    const need = approvalNeed(input);
    if (!need.cap && !need.unresolved) return null;
    if (!ctx.gate) throw new Error('a charge needs approval, but the billing core was built without a gate');
    const requester = operatorRole(ctx, input.operatorId);
    const approver = await ctx.gate.verifyApprover(input.approval, {
      operatorId: input.operatorId ?? 0,
      amount: input.amount,
      selfAllowed: need.cap === null && requester !== null && roleAtLeast(requester, 'manager'),
    });
    checked.add(approver);
    audit(
      ctx,
      { actor: approver.name, operatorId: approver.id },
      'charge.limit_approved',
      `operator:${input.operatorId ?? 0}`,
      {
        amount: input.amount,
        cap: need.cap?.cap ?? null,
        kind: need.cap?.kind ?? null,
        unresolvedCharge: need.unresolved,
        memberId: input.memberId ?? null,
        requestId: input.requestId ?? null,
      },
    );
    return approver;
  }

  /** The earlier attempt of a repeated request id: its result, once it has one. */
  function repeated(
    existing: AttemptRow,
    memberId: number,
    request: ChargeRequest,
  ): Promise<ChargeView> | ChargeView {
    if (
      existing.memberId !== memberId ||
      existing.amount !== request.amount ||
      existing.orderName !== request.orderName ||
      existing.taxFreeAmount !== request.taxFreeAmount
    ) {
      throw new BillingError(
        'REQUEST_ID_CONFLICT',
        '같은 요청 번호로 다른 결제(회원, 금액 또는 주문명이 다름)가 이미 기록되어 있습니다. 새 요청 번호로 다시 시도해 주세요.',
      );
    }
    return inFlight.get(existing.id) ?? get(existing.id);
  }

  function get(id: number): ChargeView {
    const view = Number.isSafeInteger(id) ? chargeView(db, id) : undefined;
    if (!view) throw new BillingError('CHARGE_NOT_FOUND', `결제 기록(번호 ${id})을 찾을 수 없습니다.`);
    return view;
  }

  /**
   * Everything up to the request is synchronous: better-sqlite3 does not yield, so between
   * looking the request id up and committing the attempt no other call can run, and a second
   * identical call made in the same tick finds the first one's attempt and its promise.
   */
  function start(input: ChargeInput, approver: Approver | null): Promise<ChargeView> | ChargeView {
    const request = checkChargeRequest(input);
    if (request.requestId !== null) {
      const existing = attemptByRequestId(db, request.requestId);
      if (existing) return repeated(existing, input.memberId, request);
    }
    checkOperator(ctx, input.operatorId);
    const member = activeMemberOrThrow(db, input.memberId);
    const card = activeCardRowOf(db, member.id);
    if (!card) {
      throw new BillingError(
        'NO_ACTIVE_CARD',
        `${member.name} 회원은 등록된 카드가 없습니다. 먼저 카드를 등록해 주세요.`,
      );
    }
    // Opened before anything is written: a key that does not open (another PC's data key) is an
    // error for staff, not an attempt on record.
    const key = chargeKeyFor(ctx, member.id, card.id);
    const id = db.transaction(() => {
      // In the transaction that inserts: a second charge at the same moment sees this one.
      if (!approver) refuseUnapproved(approvalNeed({ ...input, amount: request.amount }));
      const attemptId = insertManualAttempt(db, {
        orderId: `m_${ctx.randomId()}`,
        idempotencyKey: `charge_${ctx.randomId()}`,
        requestId: request.requestId,
        memberId: member.id,
        cardId: card.id,
        amount: request.amount,
        taxFreeAmount: request.taxFreeAmount,
        orderName: request.orderName,
        operatorId: input.operatorId ?? null,
        at: ctx.now().getTime(),
      });
      audit(ctx, input, 'charge.request', `charge_attempt:${attemptId}`, {
        memberId: member.id,
        cardId: card.id,
        amount: request.amount,
        taxFreeAmount: request.taxFreeAmount,
        orderName: request.orderName,
        requestId: request.requestId,
      });
      return attemptId;
    })();
    const attempt = attemptRow(db, id);
    if (!attempt) throw new Error(`charge attempt ${id} vanished`);
    return inFlight.run(id, () => send(attempt, key, input));
  }

  async function send(attempt: AttemptRow, key: BillingKeyRef, who: Actor): Promise<ChargeView> {
    const body = chargeBodyFor(ctx, attempt);
    markSent(db, attempt.id, ctx.now().getTime());
    ctx.log.info('charge sent', { chargeId: attempt.id, orderId: attempt.orderId, amount: attempt.amount });
    const outcome = await sendCharge(ctx, attempt, { key, body });
    return recordChargeOutcome(ctx, attempt.id, outcome, who, 'charge');
  }

  /** Asks for the approval a charge needs before anything is written; a repeated request id needs none. */
  async function authorize(input: ChargeInput): Promise<Approver | null> {
    const request = checkChargeRequest(input);
    if (request.requestId !== null && attemptByRequestId(db, request.requestId)) return null;
    const need = approvalNeed({ ...input, amount: request.amount });
    if (!need.cap && !need.unresolved) return null;
    if (!input.approval) refuseUnapproved(need);
    return approve({ ...input, amount: request.amount, approval: input.approval as Approval });
  }

  async function chargeApproved(input: ChargeInput, approver: Approver | null): Promise<ChargeView> {
    try {
      return await start(input, approver && checked.has(approver) ? approver : null);
    } catch (error) {
      // Two processes, or a caller on another connection, can still race on a request id;
      // the unique index lets only one attempt in, and the loser returns the winner's.
      if (input.requestId !== undefined && isUniqueViolation(error)) {
        const existing = attemptByRequestId(db, input.requestId);
        if (existing) return repeated(existing, input.memberId, checkChargeRequest(input));
      }
      throw error;
    }
  }

  return {
    async charge(input) {
      return chargeApproved(input, await authorize(input));
    },
    chargeApproved,
    approvalNeed,
    approve,
    get,
    findByRequestId(requestId) {
      const existing = attemptByRequestId(db, requestId);
      return existing ? get(existing.id) : undefined;
    },
  };
}
