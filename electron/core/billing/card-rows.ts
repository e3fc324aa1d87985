import type Database from 'better-sqlite3';
import { statement } from '../ledger/index.ts';
import type { CardView } from './views.ts';

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
