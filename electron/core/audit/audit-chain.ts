import type { KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { deriveLedgerKey } from '../secrets/index.ts';
import { GENESIS_HASH } from './audit-hash.ts';
import { auditHashOfRow, keyedFrom, lastAuditRow, startKeyedChain } from './audit-rows.ts';
import { chainKeyOf, setChainKey } from './chain-key.ts';
import { type AuditVerification, broken, verifyAudit } from './verify-audit.ts';

/**
 * Where the chain's head lives: the keychain, one entry per data folder (Secrets provides it), out
 * of reach of anyone who can only edit the ledger file.
 */
export interface AuditHeadStore {
  readAuditHead(): Promise<string | null>;
  writeAuditHead(head: string): Promise<void>;
}

export interface AuditChainDeps {
  /** The ledger's data key (Secrets.ledgerDataKey); the chain's key is derived from it. */
  readonly dataKey: Buffer;
  readonly heads: AuditHeadStore;
  readonly now: () => Date;
  readonly log: { error(message: string, fields?: object): void };
  /** How long appends are gathered before the head is written to the keychain. Default 1 s. */
  readonly headDelayMs?: number;
}

/** The open ledger's audit chain, keyed and checked against its head. */
export interface AuditChain {
  /** What the last check found: at open, or at the last verify(). */
  status(): AuditVerification;
  /** Walks the chain again and checks it against the head in the keychain. */
  verify(): Promise<AuditVerification>;
  /** Writes the head of what is committed now to the keychain (appends schedule this themselves). */
  flush(): Promise<void>;
  /** Writes the head one last time; call before the ledger closes. */
  close(): Promise<void>;
}

interface Head {
  readonly keyedFrom: number;
  readonly id: number;
  readonly hash: string;
}

/**
 * Keys the ledger's audit chain and checks it against the head kept in the keychain: rows changed
 * (their HMAC no longer matches), inserted (the chain does not link, or the HMAC cannot be made
 * without the key), or removed from the end or the whole file replaced by an older copy (the head
 * names a row that is gone or differs). A ledger whose chain was never keyed is verified once as
 * it was written (bare SHA-256) and continued keyed from its next row, which audit_chain records.
 *
 * Appends move the head; it is written to the keychain shortly after they commit (never for a row
 * that could still roll back), so a crash can only leave it behind the ledger, which is fine: a
 * head must name a row the ledger holds with the same hash. Once a break is found the head stays
 * where it was, so the break is reported again at every start until the ledger is re-anchored
 * from a verified copy (anchorAuditHead).
 */
export async function openAuditChain(db: Database.Database, deps: AuditChainDeps): Promise<AuditChain> {
  const key = auditChainKey(deps.dataKey);
  const storedHead = await deps.heads.readAuditHead();
  const head = parseHead(storedHead);
  let written = storedHead;
  let status: AuditVerification;
  const from = keyedFrom(db);
  if (from === null && head === null) {
    // Never keyed (a ledger from before, or a new one): verify what there is, then continue keyed.
    status = verifyAudit(db);
    startKeyedPart(db, deps.now);
    written = await writeHead(db, deps.heads);
  } else if (from === null) {
    // The keychain knows a keyed chain, the file has none: an older copy was put in its place.
    status = broken(head?.id ?? 1, 'head');
  } else {
    status = checkAgainstHead(db, key, head);
  }
  const keyed = keyedFrom(db) !== null;
  if (!status.ok) deps.log.error('audit chain broken', { reason: status.reason, brokenAt: status.brokenAt });

  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      // A break keeps the head where it was: moving it on would make the break disappear.
      if (!status.ok || !db.open) return;
      try {
        const next = headText(db);
        if (next !== written) {
          await deps.heads.writeAuditHead(next);
          written = next;
        }
      } catch (error) {
        // A head left behind only weakens the check of the newest rows; charging goes on.
        deps.log.error('audit head not written', { error: error instanceof Error ? error.message : error });
      }
    });
    return writing;
  }

  if (keyed) {
    setChainKey(db, {
      key,
      onAppend() {
        if (timer || closed) return;
        timer = setTimeout(() => void flush(), deps.headDelayMs ?? 1_000);
        timer.unref();
      },
    });
  }

  return {
    status: () => status,
    async verify() {
      await flush();
      const current = parseHead(await deps.heads.readAuditHead());
      status = keyedFrom(db) === null ? broken(current?.id ?? 1, 'head') : checkAgainstHead(db, key, current);
      return status;
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
  };
}

/**
 * Re-anchors the head from a ledger that verifies: after a restore, the head in the keychain
 * names the ledger that was replaced, so it is moved to the restored copy's last row (keying the
 * chain first if the copy predates it). Returns the verification; a copy that does not verify is
 * not anchored, and opening it then reports the break. Call it again after appending through this
 * connection, so that the head covers those rows too.
 */
export async function anchorAuditHead(
  db: Database.Database,
  deps: Pick<AuditChainDeps, 'dataKey' | 'heads' | 'now'>,
): Promise<AuditVerification> {
  const key = auditChainKey(deps.dataKey);
  const verification = keyedFrom(db) === null ? verifyAudit(db) : verifyAudit(db, key);
  if (!verification.ok) return verification;
  if (keyedFrom(db) === null) startKeyedPart(db, deps.now);
  // Rows appended through this connection from now on are keyed too (an open desk's connection
  // keeps its own registration, which also moves the head).
  if (!chainKeyOf(db)) setChainKey(db, { key, onAppend: () => undefined });
  await writeHead(db, deps.heads);
  return verification;
}

/**
 * The audit chain's key, derived from the ledger's data key: the one derivation every verifier
 * uses (the open ledger, a re-anchor, the check of a backup). Derived once per open ledger (the
 * appender keeps the KeyObject for its connection), so an append costs one HMAC; nothing holds
 * the data key itself beyond the call.
 */
export function auditChainKey(dataKey: Buffer): KeyObject {
  return deriveLedgerKey(dataKey, 'audit-chain');
}

function startKeyedPart(db: Database.Database, now: () => Date): void {
  startKeyedChain(db, now().getTime());
}

function headText(db: Database.Database): string {
  const { id, hash } = lastAuditRow(db) ?? { id: 0, hash: GENESIS_HASH };
  return JSON.stringify({ keyedFrom: keyedFrom(db), id, hash });
}

async function writeHead(db: Database.Database, heads: AuditHeadStore): Promise<string> {
  const text = headText(db);
  await heads.writeAuditHead(text);
  return text;
}

function checkAgainstHead(db: Database.Database, key: KeyObject, head: Head | null): AuditVerification {
  const verification = verifyAudit(db, key);
  if (!verification.ok) return verification;
  const from = keyedFrom(db) ?? 1;
  if (head === null) return broken(from, 'head-missing');
  if (head.keyedFrom !== from) return broken(Math.min(from, head.keyedFrom), 'head');
  if (head.id > verification.count) return broken(verification.count + 1, 'truncated');
  const hash = head.id === 0 ? GENESIS_HASH : auditHashOfRow(db, head.id);
  return hash === head.hash ? verification : broken(head.id, 'head');
}

function parseHead(text: string | null): Head | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<Head>;
    const { keyedFrom: from, id, hash } = value;
    if (Number.isSafeInteger(from) && Number.isSafeInteger(id) && typeof hash === 'string') {
      return { keyedFrom: from as number, id: id as number, hash };
    }
  } catch {
    // A head that does not parse is as good as none.
  }
  return null;
}
