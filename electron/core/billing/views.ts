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

// A charge's and a refund's row shapes live with their tables' homes.
export type { ChargeView, RefundStatus, RefundView } from '../ledger/index.ts';
