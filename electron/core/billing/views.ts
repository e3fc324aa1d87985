import type { ChargeViewData } from '../../../shared/ipc/index.ts';
import type { CardView, MemberRow } from '../ledger/index.ts';

/*
 * What the billing services hand back to the app and the CLI. Views hold what staff may see:
 * Toss's masked card number and card facts, never a billingKey, a customerKey or card data.
 */

export type { CardStatus, CardView, MemberStatus } from '../ledger/index.ts';

/** A member's row without the sealed customer key, with their active card. */
export interface MemberView extends Omit<MemberRow, 'customerKeySealed'> {
  /** The active card, if any. */
  readonly card: CardView | null;
}

export interface MemberDetail extends MemberView {
  /** Every card the member has had, newest first, the active one included. */
  readonly cards: readonly CardView[];
}

export type ChargeStatus = ChargeViewData['status'];

/**
 * A charge attempt as the app and the CLI see it: the IPC contract's shape (shared/ipc/views.ts,
 * written once there), plus Toss's paymentKey, which the core needs and the renderer never gets.
 */
export type ChargeView = Readonly<ChargeViewData> & {
  readonly paymentKey: string | null;
};

export type RefundStatus = 'PENDING' | 'DONE' | 'FAILED' | 'UNKNOWN';

export interface RefundView {
  readonly id: number;
  readonly chargeId: number;
  readonly requestId: string | null;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly reason: string;
  readonly status: RefundStatus;
  readonly tossCode: string | null;
  readonly tossMessage: string | null;
  /** Toss's X-TossPayments-Trace-Id of the last answer about this refund. */
  readonly tossTraceId: string | null;
  readonly transactionKey: string | null;
  /** Toss's balance right after this cancel. */
  readonly balanceAfter: number | null;
  /** The charge's balance now, as Toss last reported it; 0 means fully refunded. */
  readonly chargeBalance: number | null;
  readonly operatorId: number;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
}
