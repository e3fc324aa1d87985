import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/*
 * The cards table's home (with members.ts, the family of a member and their cards): every
 * statement that reads or writes cards is here. Views hold what staff may see: Toss's masked card
 * number and card facts, never a billingKey or card data; the sealed key is read only into a CardRow.
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

/** A cards row with its sealed key, for the services only: views are made without the key. */
export interface CardRow extends CardView {
  readonly uid: string;
  readonly billingKeySealed: Buffer;
}

const VIEW_COLUMNS = `id, member_id AS memberId, masked_number AS maskedNumber, company_name AS company,
  issuer_code AS issuerCode, acquirer_code AS acquirerCode, card_type AS cardType,
  owner_type AS ownerType, authenticated_at AS authenticatedAt, expiry_month AS expiryMonth,
  expiry_year AS expiryYear, status, created_at AS createdAt, removed_at AS removedAt`;

export function activeCardOf(db: Database.Database, memberId: number): CardView | undefined {
  return statement(db, `SELECT ${VIEW_COLUMNS} FROM cards WHERE member_id = ? AND status = 'active'`).get(
    memberId,
  ) as CardView | undefined;
}

/** Every card the member has had, newest first. */
export function cardsOf(db: Database.Database, memberId: number): CardView[] {
  return statement(
    db,
    `SELECT ${VIEW_COLUMNS} FROM cards WHERE member_id = ? ORDER BY created_at DESC, id DESC`,
  ).all(memberId) as CardView[];
}

export function activeCardRowOf(db: Database.Database, memberId: number): CardRow | undefined {
  return statement(
    db,
    `SELECT ${VIEW_COLUMNS}, uid, billing_key_sealed AS billingKeySealed
       FROM cards WHERE member_id = ? AND status = 'active'`,
  ).get(memberId) as CardRow | undefined;
}

export function cardRow(db: Database.Database, id: number): CardRow | undefined {
  return statement(
    db,
    `SELECT ${VIEW_COLUMNS}, uid, billing_key_sealed AS billingKeySealed FROM cards WHERE id = ?`,
  ).get(id) as CardRow | undefined;
}

/** The view of a row: the same object without the key and the uid. */
export function cardView(row: CardRow): CardView {
  const { billingKeySealed: _key, uid: _uid, ...view } = row;
  return view;
}

export interface NewCard {
  readonly uid: string;
  readonly memberId: number;
  readonly billingKeySealed: Buffer;
  readonly maskedNumber: string;
  readonly issuerCode: string;
  readonly acquirerCode: string | null;
  readonly company: string | null;
  readonly cardType: string;
  readonly ownerType: string;
  readonly authenticatedAt: number;
  readonly expiryMonth: number | null;
  readonly expiryYear: number | null;
  readonly at: number;
}

/**
 * Inserts the member's new active card, marking the active one it replaces (`replacedId`) first: a
 * member has one active card. Returns the new card's id. Call inside a transaction.
 */
export function insertActiveCard(db: Database.Database, card: NewCard, replacedId: number | null): number {
  if (replacedId !== null) {
    statement(db, "UPDATE cards SET status = 'replaced', removed_at = ? WHERE id = ?").run(
      card.at,
      replacedId,
    );
  }
  return Number(
    statement(
      db,
      `INSERT INTO cards (uid, member_id, billing_key_sealed, masked_number, issuer_code, acquirer_code,
               company_name, card_type, owner_type, authenticated_at, created_at, expiry_month, expiry_year)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      card.uid,
      card.memberId,
      card.billingKeySealed,
      card.maskedNumber,
      card.issuerCode,
      card.acquirerCode,
      card.company,
      card.cardType,
      card.ownerType,
      card.authenticatedAt,
      card.at,
      card.expiryMonth,
      card.expiryYear,
    ).lastInsertRowid,
  );
}

/** Marks an active card removed (a card already replaced or removed is left as it is). */
export function markCardRemoved(db: Database.Database, id: number, at: number): void {
  statement(db, "UPDATE cards SET status = 'removed', removed_at = ? WHERE id = ? AND status = 'active'").run(
    at,
    id,
  );
}
