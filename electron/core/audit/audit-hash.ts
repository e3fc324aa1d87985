import { createHash, createHmac, type KeyObject } from 'node:crypto';
import { canonicalJson, type JsonObject } from './canonical-json.ts';

/** prev_hash of the first row: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly operatorId: number | null;
  readonly action: string;
  readonly subject: string;
  readonly details: JsonObject;
}

/**
 * Without a key: hash = hex(sha256(prev_hash + canonicalJson(content))), over UTF-8, the chain of
 * ledgers written before the chain was keyed. With the chain's key (derived from the ledger's data
 * key): hash = hex(HMAC-SHA256(key, the same text)), which someone holding only the file cannot
 * recompute after changing a row. The id is part of the content, so a row cannot be renumbered,
 * and prev_hash chains each row to the one before it.
 */
export function auditHash(prevHash: string, content: AuditContent, key?: KeyObject): string {
  return auditHashOf(prevHash, content, canonicalJson(content.details), key);
}

/**
 * auditHash with the details already in canonical JSON (the text the row stores), so an append
 * makes that text once. The content's canonical JSON is put together around it in canonicalJson's
 * key order (action, actor, at, details, id, operatorId, subject): the same bytes.
 */
export function auditHashOf(
  prevHash: string,
  content: Omit<AuditContent, 'details'>,
  detailsJson: string,
  key?: KeyObject,
): string {
  const canonical =
    `{"action":${canonicalJson(content.action)},"actor":${canonicalJson(content.actor)},` +
    `"at":${canonicalJson(content.at)},"details":${detailsJson},"id":${canonicalJson(content.id)},` +
    `"operatorId":${canonicalJson(content.operatorId)},"subject":${canonicalJson(content.subject)}}`;
  return hashCanonical(prevHash, canonical, key);
}

/** The hash over a row's canonical text as already written out. */
export function hashCanonical(prevHash: string, canonical: string, key?: KeyObject): string {
  const digest = key ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(prevHash + canonical, 'utf8').digest('hex');
}
