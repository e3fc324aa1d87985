import { createHash } from 'node:crypto';
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
 * hash = hex(sha256(prev_hash + canonicalJson(content))), over UTF-8. The id is part of the
 * content, so a row cannot be renumbered, and prev_hash chains each row to the one before it.
 */
export function auditHash(prevHash: string, content: AuditContent): string {
  const { id, at, actor, operatorId, action, subject, details } = content;
  const canonical = canonicalJson({ id, at, actor, operatorId, action, subject, details });
  return createHash('sha256')
    .update(prevHash + canonical, 'utf8')
    .digest('hex');
}
