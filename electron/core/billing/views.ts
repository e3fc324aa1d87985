import type { ChargeViewData } from '../../../shared/ipc/index.ts';

/*
 * What the billing services hand back to the app and the CLI. Views hold what staff may see:
 * Toss's masked card number and card facts, never a billingKey, a customerKey or card data.
 */

export type CardStatus = 'active' | 'replaced' | 'removed';

export interface CardView {
  readonly id: number;
  readonly memberId: number;
  /** Toss's masked number, e.g. 94100012****789*. */
  readonly maskedNumber: string;
  /** Korean short name of the issuer ('하나'), or null for a code the app does not know. */
  readonly company: string | null;
  readonly issuerCode: string;
  readonly acquirerCode: string | null;
  /** 신용 / 체크 / 기프트 / 미확인, as Toss reports it. */
  readonly cardType: string;
  /** 개인 / 법인 / 미확인, as Toss reports it. */
  readonly ownerType: string;
  readonly authenticatedAt: number;
  /**
   * The month (1–12) and four-digit year the card is valid through, kept from key-in or a swipe
   * (design.md invariant 2 allows it); null when not known (Toss's window gives none).
   */
  readonly expiryMonth: number | null;
  readonly expiryYear: number | null;
  readonly status: CardStatus;
  readonly createdAt: number;
  /** When it was replaced or removed; null while active. */
  readonly removedAt: number | null;
}

export type MemberStatus = 'active' | 'archived';

export interface MemberView {
  readonly id: number;
  readonly uid: string;
  readonly memberNo: string;
  readonly name: string;
  /** Digits only, e.g. 01012345678. */
  readonly phone: string | null;
  readonly email: string | null;
  readonly memo: string | null;
  readonly status: MemberStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
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
