import { REASON_MAX } from '../../../shared/rules/index.ts';
import {
  chargeView,
  insertRefund,
  type RefundRow,
  refundableBalance,
  refundByRequestId,
  refundRow,
  refundView,
  refundViewsOf,
} from '../ledger/index.ts';
import { type Actor, audit, checkOperator, operatorRole } from './audit.ts';
import { BillingError, type FieldProblem, throwIfInvalid } from './billing-error.ts';
import type { Approval } from './charge-gate.ts';
import { requestIdProblem, taxFreeProblem } from './charge-input.ts';
import type { BillingContext } from './deps.ts';
import type { InFlight } from './in-flight.ts';
import {
  MAYBE_ALREADY_DONE,
  recordRefundOutcome,
  refundOutcomeOfError,
  refundOutcomeOfPayment,
  sendCancel,
} from './refund-send.ts';
import { isTriggerAbort, isUniqueViolation } from './sqlite-errors.ts';
import type { RefundView } from './views.ts';

export interface RefundInput extends Actor {
  chargeId: number;
  /** Omitted: everything that is left. */
  amount?: number | undefined;
  /** Required by Toss and by the store: why the money goes back (1 to 200 characters). */
  reason: string;
  /** Who refunds; required (refunds.operator_id). The CLI passes a system operator's (staff). */
  operatorId: number;
  /** Tax-free part of this refund (tax-free and mixed merchants only). */
  taxFreeAmount?: number | undefined;
  /** Like a charge's: the same id again returns the same refund instead of refunding twice. */
  requestId?: string | undefined;
  /** A manager's PIN typed on the spot: a staff operator's refund goes through only with one. */
  approval?: Approval | undefined;
}

/**
 * Money going back is a manager's call: staff may start a refund at the counter, but it goes
 * through only with a manager's or the owner's PIN typed on the spot, like a charge over a cap.
 */
const STAFF_REFUND_NEEDS_APPROVAL =
  '직원은 혼자 환불할 수 없습니다. 매니저나 대표가 이 자리에서 PIN으로 승인하면 환불합니다.';

export interface RefundService {
  /**
   * Cancels all or part of a DONE charge. The amount is checked against the local balance first;
   * the refund (PENDING, Idempotency-Key) is committed before the request; Toss's answer makes it
   * DONE (with Toss's balance), FAILED (Toss's refusal and Korean message) or UNKNOWN (reconciled
   * by reading the payment back). Outcomes are returned, not thrown.
   */
  refund(input: RefundInput): Promise<RefundView>;
  get(id: number): RefundView;
  listForCharge(chargeId: number): RefundView[];
}

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

export function createRefundService(ctx: BillingContext, inFlight: InFlight<RefundView>): RefundService {
  const db = ctx.ledger.db;

  function get(id: number): RefundView {
    const view = Number.isSafeInteger(id) ? refundView(db, id) : undefined;
    if (!view) throw new BillingError('REFUND_NOT_FOUND', `환불 기록(번호 ${id})을 찾을 수 없습니다.`);
    return view;
  }

  function check(input: RefundInput) {
    const problems: Record<string, FieldProblem> = {};
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (reason === '') problems.reason = { code: 'REASON_REQUIRED', message: '환불 사유를 입력해 주세요.' };
    else if (reason.length > REASON_MAX) {
      problems.reason = {
        code: 'REASON_TOO_LONG',
        message: `환불 사유는 ${REASON_MAX}자 이하로 입력해 주세요.`,
      };
    }
    if (input.amount !== undefined && (!Number.isSafeInteger(input.amount) || input.amount < 1)) {
      problems.amount = {
        code: 'AMOUNT_INVALID',
        message: '환불 금액은 1원 이상의 정수(원 단위)로 입력해 주세요.',
      };
    }
    const taxFreeAmount = input.taxFreeAmount ?? 0;
    const taxFree = taxFreeProblem(taxFreeAmount);
    if (taxFree) problems.taxFreeAmount = taxFree;
    if (!Number.isSafeInteger(input.operatorId)) {
      problems.operatorId = { code: 'OPERATOR_REQUIRED', message: '환불하는 직원을 선택해 주세요.' };
    }
    const requestId = input.requestId ?? null;
    const requestIdInvalid = requestIdProblem(requestId);
    if (requestIdInvalid) problems.requestId = requestIdInvalid;
    throwIfInvalid(problems);
    return { reason, taxFreeAmount, requestId };
  }

  function repeated(
    existing: RefundRow,
    input: RefundInput,
    reason: string,
  ): Promise<RefundView> | RefundView {
    if (
      existing.chargeId !== input.chargeId ||
      existing.reason !== reason ||
      (input.amount !== undefined && existing.amount !== input.amount)
    ) {
      throw new BillingError(
        'REQUEST_ID_CONFLICT',
        '같은 요청 번호로 다른 환불이 이미 기록되어 있습니다. 새 요청 번호로 다시 시도해 주세요.',
      );
    }
    return inFlight.get(existing.id) ?? get(existing.id);
  }

  /** Synchronous up to the commit, like a charge: a repeated request id finds the first refund. */
  function start(input: RefundInput): Promise<RefundView> | RefundView {
    const { reason, taxFreeAmount, requestId } = check(input);
    if (requestId !== null) {
      const existing = refundByRequestId(db, requestId);
      if (existing) return repeated(existing, input, reason);
    }
    checkOperator(ctx, input.operatorId);
    const charge = Number.isSafeInteger(input.chargeId) ? chargeView(db, input.chargeId) : undefined;
    if (!charge)
      throw new BillingError('CHARGE_NOT_FOUND', `결제 기록(번호 ${input.chargeId})을 찾을 수 없습니다.`);
    if (charge.status !== 'DONE' || charge.paymentKey === null) {
      throw new BillingError(
        'CHARGE_NOT_REFUNDABLE',
        `승인된 결제만 환불할 수 있습니다. 이 결제의 상태: ${charge.status}`,
      );
    }
    const available = refundableBalance(db, charge.id);
    if (available <= 0) {
      throw new BillingError(
        'NOTHING_TO_REFUND',
        charge.balanceAmount === 0
          ? '이미 전액 환불된 결제입니다.'
          : '진행 중인 환불이 남은 금액을 모두 차지하고 있습니다. 결제 확인(대사)을 먼저 실행해 주세요.',
      );
    }
    const amount = input.amount ?? available;
    if (amount > available) {
      throw new BillingError(
        'REFUND_EXCEEDS_BALANCE',
        `환불 금액(${won(amount)})이 환불할 수 있는 금액(${won(available)})보다 큽니다.`,
        {
          fields: {
            amount: {
              code: 'REFUND_EXCEEDS_BALANCE',
              message: `최대 ${won(available)}까지 환불할 수 있습니다.`,
              params: { max: available },
            },
          },
        },
      );
    }
    if (taxFreeAmount > amount) {
      throwIfInvalid({
        taxFreeAmount: { code: 'TAX_FREE_OVER_AMOUNT', message: '면세 금액은 환불 금액보다 클 수 없습니다.' },
      });
    }
    const id = db.transaction(() => {
      const refundId = insertRefund(db, {
        chargeId: charge.id,
        idempotencyKey: `refund_${ctx.randomId()}`,
        requestId,
        amount,
        taxFreeAmount,
        reason,
        operatorId: input.operatorId,
        at: ctx.now().getTime(),
      });
      audit(ctx, input, 'refund.request', `refund:${refundId}`, {
        chargeId: charge.id,
        orderId: charge.orderId,
        amount,
        reason,
        requestId,
      });
      return refundId;
    })();
    const row = refundRow(db, id);
    if (!row) throw new Error(`refund ${id} vanished`);
    return inFlight.run(id, () => send(row, charge.paymentKey ?? '', input));
  }

  /**
   * A staff operator's refund needs a manager's PIN, checked (slowly, on purpose) before anything
   * is written and audited under the approver's name. A request id seen before is the same click
   * again: it gets its first answer from `start`, not a new check.
   */
  async function approveStaffRefund(input: RefundInput): Promise<void> {
    if (operatorRole(ctx, input.operatorId) !== 'staff') return;
    if (input.requestId !== undefined && refundByRequestId(db, input.requestId)) return;
    if (!input.approval) throw new BillingError('APPROVAL_REQUIRED', STAFF_REFUND_NEEDS_APPROVAL);
    if (!ctx.gate) throw new Error('a refund needs approval, but the billing core was built without a gate');
    // Caps limit what an operator may charge, not what they may give back: no amount to cover.
    const approver = await ctx.gate.verifyApprover(input.approval, {
      operatorId: input.operatorId,
      amount: 0,
      selfAllowed: false,
    });
    audit(
      ctx,
      { actor: approver.name, operatorId: approver.id },
      'refund.approved',
      `operator:${input.operatorId}`,
      { chargeId: input.chargeId, amount: input.amount ?? null, requestId: input.requestId ?? null },
    );
  }

  async function send(refund: RefundRow, paymentKey: string, who: Actor): Promise<RefundView> {
    ctx.log.info('refund sent', { refundId: refund.id, chargeId: refund.chargeId, amount: refund.amount });
    const answer = await sendCancel(ctx, refund, paymentKey);
    if ('payment' in answer) {
      const outcome = refundOutcomeOfPayment(ctx, answer.payment, refund, answer.traceId) ?? {
        status: 'UNKNOWN' as const,
        code: 'CANCEL_NOT_FOUND',
        message: '토스페이먼츠의 응답에서 이 환불을 찾지 못했습니다. 결제를 다시 조회해 확인합니다.',
        traceId: answer.traceId,
      };
      return recordRefundOutcome(ctx, refund.id, outcome, answer.payment.balanceAmount, who, 'charge');
    }
    const outcome = refundOutcomeOfError(answer.error);
    // A refusal because the payment has less left than the ledger thought (refunded elsewhere,
    // e.g. in Toss's dashboard): the refusal is final, and the balance is brought up to date.
    const balance =
      outcome.status === 'FAILED' && MAYBE_ALREADY_DONE.has(outcome.code)
        ? await tossBalance(paymentKey)
        : null;
    return recordRefundOutcome(ctx, refund.id, outcome, balance, who, 'charge');
  }

  async function tossBalance(paymentKey: string): Promise<number | null> {
    try {
      return (await ctx.toss.getPayment(paymentKey)).balanceAmount;
    } catch {
      return null;
    }
  }

  return {
    async refund(input) {
      try {
        await approveStaffRefund(input);
        return await start(input);
      } catch (error) {
        if (input.requestId !== undefined && isUniqueViolation(error)) {
          const existing = refundByRequestId(db, input.requestId);
          if (existing) return repeated(existing, input, check(input).reason);
        }
        if (isTriggerAbort(error)) {
          throw new BillingError('REFUND_EXCEEDS_BALANCE', '환불 금액이 결제의 남은 금액보다 큽니다.', {
            cause: error,
          });
        }
        throw error;
      }
    },
    get,
    listForCharge(chargeId) {
      return refundViewsOf(db, chargeId);
    },
  };
}
