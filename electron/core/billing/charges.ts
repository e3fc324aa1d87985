import type { BillingKeyRef } from '../toss/index.ts';
import { type Actor, audit, checkOperator } from './audit.ts';
import { BillingError } from './billing-error.ts';
import { activeCardRowOf } from './card-rows.ts';
import { type ChargeRequest, type ChargeRequestInput, checkChargeRequest } from './charge-input.ts';
import {
  type AttemptRow,
  attemptByRequestId,
  attemptRow,
  chargeView,
  insertManualAttempt,
  markSent,
} from './charge-rows.ts';
import { chargeBodyFor, chargeKeyFor, recordChargeOutcome, sendCharge } from './charge-send.ts';
import type { BillingContext } from './deps.ts';
import type { InFlight } from './in-flight.ts';
import { activeMemberOrThrow } from './member-rows.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import type { ChargeView } from './views.ts';

export interface ChargeInput extends ChargeRequestInput, Actor {
  memberId: number;
}

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
}

export function createChargeService(ctx: BillingContext, inFlight: InFlight<ChargeView>): ChargeService {
  const db = ctx.ledger.db;

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
  function start(input: ChargeInput): Promise<ChargeView> | ChargeView {
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

  return {
    async charge(input) {
      try {
        return await start(input);
      } catch (error) {
        // Two processes, or a caller on another connection, can still race on a request id;
        // the unique index lets only one attempt in, and the loser returns the winner's.
        if (input.requestId !== undefined && isUniqueViolation(error)) {
          const existing = attemptByRequestId(db, input.requestId);
          if (existing) return repeated(existing, input.memberId, checkChargeRequest(input));
        }
        throw error;
      }
    },
    get,
    findByRequestId(requestId) {
      const existing = attemptByRequestId(db, requestId);
      return existing ? get(existing.id) : undefined;
    },
  };
}
