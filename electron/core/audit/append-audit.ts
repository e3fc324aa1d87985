import type Database from 'better-sqlite3';
import { auditHashOf, GENESIS_HASH } from './audit-hash.ts';
import { insertAuditRow, keyedFrom, lastAuditRow } from './audit-rows.ts';
import { canonicalJson, type JsonObject } from './canonical-json.ts';
import { chainKeyOf, onChainKeySet } from './chain-key.ts';

export interface AuditEntry {
  /** Who acted, as people will read it later: an operator's name, 'scheduler', 'cli'… */
  readonly actor: string;
  readonly operatorId?: number | null;
  /** What happened, a stable dotted name such as 'charge.done' or 'settings.update'. */
  readonly action: string;
  /** What it happened to, such as 'charge_attempt:42'. */
  readonly subject: string;
  /** The particulars: amounts, old and new values… Never card data or secrets. */
  readonly details: JsonObject;
}

export interface AuditRecord {
  readonly id: number;
  readonly at: number;
  readonly hash: string;
}

/**
 * Appends one row to the audit log, chained to the last one: with the chain's key (an HMAC) once
 * the ledger was opened with its data key (see openAuditChain), with bare SHA-256 before that.
 * Call it inside the transaction that makes the change it records, so the change and its audit
 * row commit or roll back together; on its own it opens a transaction (a savepoint when nested)
 * so that reading the last hash and appending cannot interleave with another append.
 */
export function appendAudit(db: Database.Database, entry: AuditEntry, now: () => Date): AuditRecord {
  return appenderOf(db)(entry, now);
}

type Appender = (entry: AuditEntry, now: () => Date) => AuditRecord;

// Built once per connection (and again once the chain's key is set): a due run appends two rows
// per charge. Its two statements are compiled once per connection (statement()): compiling them
// cost more than running them.
const appenders = new WeakMap<Database.Database, Appender>();
onChainKeySet((db) => appenders.delete(db));

function appenderOf(db: Database.Database): Appender {
  const cached = appenders.get(db);
  if (cached) return cached;
  const chain = chainKeyOf(db);
  const from = keyedFrom(db);
  const append = db.transaction((entry: AuditEntry, now: () => Date): AuditRecord => {
    const previous = lastAuditRow(db);
    const prevHash = previous?.hash ?? GENESIS_HASH;
    const content = {
      id: (previous?.id ?? 0) + 1,
      at: now().getTime(),
      actor: entry.actor,
      operatorId: entry.operatorId ?? null,
      action: entry.action,
      subject: entry.subject,
      details: entry.details,
    };
    const keyed = from !== null && content.id >= from;
    // An unkeyed row in the keyed part would break the chain for good: refuse it loudly instead.
    if (keyed && !chain) throw new Error('The audit chain is keyed: open the ledger with its data key');
    const details = canonicalJson(content.details);
    const hash = auditHashOf(prevHash, content, details, keyed ? chain?.key : undefined);
    insertAuditRow(db, content, details, prevHash, hash);
    chain?.onAppend();
    return { id: content.id, at: content.at, hash };
  });
  appenders.set(db, append);
  return append;
}
