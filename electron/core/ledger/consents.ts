import type Database from 'better-sqlite3';
import { statement } from './statement.ts';

/**
 * The consents table (design.md invariant 12: written once, never changed, triggers refuse it) and
 * price_changes, the raises waiting for one (consent-schema.ts). The rules of when a consent is
 * needed and what it releases are the schedule's (schedule/consents.ts); this module reads and
 * writes the rows.
 */

/** How a member gave consent: at the counter (checkbox or drawn signature), by phone, by message. */
export type ConsentMethod = 'in-person' | 'signature' | 'phone' | 'message';
export const CONSENT_METHODS: readonly ConsentMethod[] = ['in-person', 'signature', 'phone', 'message'];

export type ConsentKind = 'subscription' | 'price-increase' | 'trial-conversion' | 'withdrawal';
export const CONSENT_KINDS: readonly ConsentKind[] = [
  'subscription',
  'price-increase',
  'trial-conversion',
  'withdrawal',
];

export interface NewConsent {
  readonly memberId: number;
  readonly subscriptionId: number;
  readonly kind: ConsentKind;
  readonly method: ConsentMethod;
  /** The agreed terms as JSON. */
  readonly terms: string;
  readonly png: Buffer | null;
  readonly note: string | null;
  readonly effectiveDate: string;
  readonly operatorId: number | null;
  readonly actor: string;
  readonly at: number;
}

/** Writes one consent; answers its id. The caller audits it in the same transaction. */
export function insertConsent(db: Database.Database, consent: NewConsent): number {
  return Number(
    statement(
      db,
      `INSERT INTO consents (member_id, subscription_id, kind, method, terms, signature_png, note,
         effective_date, operator_id, actor, recorded_at)
       VALUES (@memberId, @subscriptionId, @kind, @method, @terms, @png, @note, @effectiveDate,
         @operatorId, @actor, @at)`,
    ).run(consent).lastInsertRowid,
  );
}

/** One consent as lists show it, with its member's and operator's names; terms as stored (JSON). */
export interface ConsentRow {
  readonly id: number;
  readonly memberId: number;
  readonly memberName: string;
  readonly subscriptionId: number;
  readonly kind: ConsentKind;
  readonly method: ConsentMethod;
  readonly terms: string;
  readonly hasSignature: 0 | 1;
  readonly note: string | null;
  readonly effectiveDate: string;
  readonly operatorId: number | null;
  /** The operator's name, or the actor ('cli', …) when no operator was signed in. */
  readonly operatorName: string;
  readonly recordedAt: number;
}

const CONSENT_COLUMNS = `c.id, c.member_id AS memberId, m.name AS memberName, c.subscription_id AS subscriptionId,
  c.kind, c.method, c.terms, c.signature_png IS NOT NULL AS hasSignature, c.note,
  c.effective_date AS effectiveDate, c.operator_id AS operatorId, coalesce(o.name, c.actor) AS operatorName,
  c.recorded_at AS recordedAt
  FROM consents AS c JOIN members AS m ON m.id = c.member_id LEFT JOIN operators AS o ON o.id = c.operator_id`;

/** A consent with its signature image (null without one). */
export function findConsent(
  db: Database.Database,
  id: number,
): (ConsentRow & { readonly signaturePng: Buffer | null }) | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  return statement(db, `SELECT c.signature_png AS signaturePng, ${CONSENT_COLUMNS} WHERE c.id = ?`).get(id) as
    | (ConsentRow & { signaturePng: Buffer | null })
    | undefined;
}

export interface ConsentFilter {
  readonly memberId?: number;
  readonly subscriptionId?: number;
  /** recorded_at range, epoch ms: [from, to). */
  readonly from?: number;
  readonly to?: number;
}

/** Consents newest first. */
export function listConsents(db: Database.Database, filter: ConsentFilter): ConsentRow[] {
  return statement(
    db,
    `SELECT ${CONSENT_COLUMNS}
     WHERE (@memberId IS NULL OR c.member_id = @memberId)
       AND (@subscriptionId IS NULL OR c.subscription_id = @subscriptionId)
       AND (@from IS NULL OR c.recorded_at >= @from) AND (@to IS NULL OR c.recorded_at < @to)
     ORDER BY c.recorded_at DESC, c.id DESC`,
  ).all({
    memberId: filter.memberId ?? null,
    subscriptionId: filter.subscriptionId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
  }) as ConsentRow[];
}

/** Whether the subscription's own consent ('subscription') is on record. */
export function hasSubscriptionConsent(db: Database.Database, subscriptionId: number): boolean {
  return (
    statement(db, "SELECT 1 FROM consents WHERE subscription_id = ? AND kind = 'subscription'")
      .pluck()
      .get(subscriptionId) !== undefined
  );
}

/**
 * The latest instant the member consented to the subscription's paid charges (signup or trial
 * notice), at or after `since` when given; null without one.
 */
export function latestPaidConsentAt(
  db: Database.Database,
  subscriptionId: number,
  since?: number,
): number | null {
  return statement(
    db,
    `SELECT max(recorded_at) FROM consents
     WHERE subscription_id = @subscriptionId AND kind IN ('subscription', 'trial-conversion')
       AND (@since IS NULL OR recorded_at >= @since)`,
  )
    .pluck()
    .get({ subscriptionId, since: since ?? null }) as number | null;
}

/** A raise of one subscription's price waiting for (or holding) the member's consent. */
export interface OpenPriceChange {
  readonly id: number;
  readonly subscriptionId: number;
  readonly fromAmount: number;
  readonly fromTaxFreeAmount: number;
  readonly amount: number;
  readonly taxFreeAmount: number;
  readonly effectiveFrom: string;
  readonly status: 'pending' | 'consented';
  readonly consentId: number | null;
  readonly createdAt: number;
}

const PRICE_CHANGE_COLUMNS = `pc.id, pc.subscription_id AS subscriptionId, pc.from_amount AS fromAmount,
  pc.from_tax_free_amount AS fromTaxFreeAmount, pc.amount, pc.tax_free_amount AS taxFreeAmount,
  pc.effective_from AS effectiveFrom, pc.status, pc.consent_id AS consentId, pc.created_at AS createdAt`;

/** The subscription's raise not yet applied (at most one, price_changes_one_open). */
export function openPriceChange(db: Database.Database, subscriptionId: number): OpenPriceChange | undefined {
  return statement(
    db,
    `SELECT ${PRICE_CHANGE_COLUMNS} FROM price_changes AS pc
     WHERE pc.subscription_id = ? AND pc.status IN ('pending', 'consented')`,
  ).get(subscriptionId) as OpenPriceChange | undefined;
}

/** The subscription's raise still waiting for consent. */
export function pendingPriceChange(
  db: Database.Database,
  subscriptionId: number,
): OpenPriceChange | undefined {
  return statement(
    db,
    `SELECT ${PRICE_CHANGE_COLUMNS} FROM price_changes AS pc
     WHERE pc.subscription_id = ? AND pc.status = 'pending'`,
  ).get(subscriptionId) as OpenPriceChange | undefined;
}

export interface NewPriceChange {
  readonly subscriptionId: number;
  readonly fromAmount: number;
  readonly fromTaxFree: number;
  readonly amount: number;
  readonly taxFree: number;
  readonly effectiveFrom: string;
  readonly at: number;
}

/** Writes a raise as pending; answers its id. */
export function insertPriceChange(db: Database.Database, change: NewPriceChange): number {
  return Number(
    statement(
      db,
      `INSERT INTO price_changes (subscription_id, from_amount, from_tax_free_amount, amount,
         tax_free_amount, effective_from, created_at, updated_at)
       VALUES (@subscriptionId, @fromAmount, @fromTaxFree, @amount, @taxFree, @effectiveFrom, @at, @at)`,
    ).run(change).lastInsertRowid,
  );
}

/** The member agreed to the raise: it now applies from its first period (the materialiser's). */
export function markPriceChangeConsented(
  db: Database.Database,
  id: number,
  consentId: number,
  at: number,
): void {
  statement(
    db,
    "UPDATE price_changes SET status = 'consented', consent_id = ?, updated_at = ? WHERE id = ?",
  ).run(consentId, at, id);
}

/** A newer price decision replaced the raise. */
export function markPriceChangeSuperseded(db: Database.Database, id: number, at: number): void {
  statement(db, "UPDATE price_changes SET status = 'superseded', updated_at = ? WHERE id = ?").run(at, id);
}

/** The raise became the subscription's price with the first period written at it. */
export function markPriceChangeApplied(db: Database.Database, id: number, at: number): void {
  statement(db, "UPDATE price_changes SET status = 'applied', updated_at = ? WHERE id = ?").run(at, id);
}

/** A raise not yet applied with who it is for and when it was consented to (null: not yet). */
export interface PriceIncreaseRow extends OpenPriceChange {
  readonly memberId: number;
  readonly memberName: string;
  readonly phone: string | null;
  readonly orderName: string;
  readonly consentedAt: number | null;
}

/** Every raise not yet applied (one member's when given): those waiting first, then by member name. */
export function openPriceIncreases(db: Database.Database, memberId: number | null): PriceIncreaseRow[] {
  return statement(
    db,
    `SELECT ${PRICE_CHANGE_COLUMNS}, s.member_id AS memberId, m.name AS memberName, m.phone,
       s.order_name AS orderName, c.recorded_at AS consentedAt
     FROM price_changes AS pc
     JOIN subscriptions AS s ON s.id = pc.subscription_id
     JOIN members AS m ON m.id = s.member_id
     LEFT JOIN consents AS c ON c.id = pc.consent_id
     WHERE pc.status IN ('pending', 'consented') AND (@memberId IS NULL OR s.member_id = @memberId)
     ORDER BY pc.status = 'consented', m.name, pc.id`,
  ).all({ memberId }) as PriceIncreaseRow[];
}
