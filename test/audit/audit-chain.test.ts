import { createHash, createHmac, randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  type AuditChain,
  type AuditRow,
  anchorAuditHead,
  appendAudit,
  canonicalJson,
  GENESIS_HASH,
  openAuditChain,
  verifyAudit,
} from '../../electron/core/audit/index.ts';
import { createSecrets, deriveLedgerKey } from '../../electron/core/secrets/index.ts';
import { steppingClock } from '../ledger/stepping-clock.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const temp = tempLedgers();
const now = steppingClock(Date.UTC(2026, 0, 15, 1), 1_000);
const quiet = { error: () => undefined };

/** One data folder's keychain (in memory) and its data key, as openDesk has them. */
async function keychain() {
  const store = createMemorySecretStore();
  const secrets = createSecrets({ store, profile: 'audit-test' });
  const dataKey = await secrets.ledgerDataKey();
  return { store, secrets, dataKey, deps: { dataKey, heads: secrets, now, log: quiet } };
}

function append(db: Database.Database, n: number, action = 'charge.done'): void {
  for (let i = 0; i < n; i++) {
    appendAudit(
      db,
      { actor: 'scheduler', action, subject: `charge_attempt:${i}`, details: { amount: 1_000 } },
      now,
    );
  }
}

/**
 * What someone holding only the file can do: drop the triggers, change rows, and recompute every
 * hash from there on the way the unkeyed chain was computed.
 */
function rewriteWithoutKey(db: Database.Database, change: () => void): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  change();
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const canonical = canonicalJson({
      id: row.id,
      at: row.at,
      actor: row.actor,
      operatorId: row.operator_id,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details),
    });
    const hash = createHash('sha256')
      .update(prev + canonical, 'utf8')
      .digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
}

async function reopen(file: string, deps: Awaited<ReturnType<typeof keychain>>['deps']) {
  const ledger = temp.open(file);
  return { ledger, chain: await openAuditChain(ledger.db, deps) };
}

describe('the keyed audit chain', () => {
  it('keys a new ledger from its first row with an HMAC under a key derived from the data key', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, keys.deps);
    append(ledger.db, 3);
    await chain.close();
    expect(chain.status()).toEqual({ ok: true, count: 0 });
    expect(ledger.db.prepare('SELECT keyed_from FROM audit_chain').pluck().get()).toBe(1);

    const first = ledger.db.prepare('SELECT * FROM audit_log WHERE id = 1').get() as AuditRow;
    const canonical = canonicalJson({
      id: 1,
      at: first.at,
      actor: 'scheduler',
      operatorId: null,
      action: 'charge.done',
      subject: 'charge_attempt:0',
      details: { amount: 1_000 },
    });
    expect(first.hash).toBe(
      createHmac('sha256', deriveLedgerKey(keys.dataKey, 'audit-chain'))
        .update(GENESIS_HASH + canonical, 'utf8')
        .digest('hex'),
    );
    expect(verifyAudit(ledger.db, deriveLedgerKey(keys.dataKey, 'audit-chain'))).toEqual({
      ok: true,
      count: 3,
    });
    // The head names the last committed row, in the keychain.
    const last = ledger.db.prepare('SELECT hash FROM audit_log WHERE id = 3').pluck().get();
    expect(JSON.parse((await keys.secrets.readAuditHead()) ?? 'null')).toEqual({
      keyedFrom: 1,
      id: 3,
      hash: last,
    });
  });

  it('moves the head only for committed rows, never for one that rolled back', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, keys.deps);
    append(ledger.db, 2);
    expect(() =>
      ledger.db.transaction(() => {
        append(ledger.db, 1);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    await chain.flush();
    expect(JSON.parse((await keys.secrets.readAuditHead()) ?? 'null')).toMatchObject({ id: 2 });
    expect(await chain.verify()).toEqual({ ok: true, count: 2 });
  });

  it('moves the head by itself shortly after appends, one keychain write for a burst', async () => {
    const keys = await keychain();
    const writes: string[] = [];
    const heads = {
      readAuditHead: () => keys.secrets.readAuditHead(),
      async writeAuditHead(head: string) {
        writes.push(head);
        await keys.secrets.writeAuditHead(head);
      },
    };
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, { ...keys.deps, heads, headDelayMs: 5 });
    append(ledger.db, 20);
    for (let i = 0; i < 200 && writes.length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes.map((head) => JSON.parse(head).id)).toEqual([0, 20]);
    await chain.close();
    expect(writes).toHaveLength(2);
  });

  it('finds rows changed and rehashed by someone holding only the file', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, keys.deps);
    append(ledger.db, 4);
    await chain.close();
    rewriteWithoutKey(ledger.db, () =>
      ledger.db.prepare(`UPDATE audit_log SET details = '{"amount":1}' WHERE id = 2`).run(),
    );
    const file = ledger.path;
    ledger.close();
    const { chain: again } = await reopen(file, keys.deps);
    expect(again.status()).toMatchObject({ ok: false, brokenAt: 1, reason: 'content' });
  });

  it('finds a row inserted into the chain', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, keys.deps);
    append(ledger.db, 3);
    await chain.close();
    const row = ledger.db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as AuditRow;
    ledger.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    ledger.db.prepare('UPDATE audit_log SET id = 4 WHERE id = 3').run();
    ledger.db
      .prepare(
        `INSERT INTO audit_log (id, at, actor, operator_id, action, subject, details, prev_hash, hash)
         VALUES (3, ?, 'cli', NULL, 'refund.done', 'refund:9', '{"amount":5000}', ?, ?)`,
      )
      .run(row.at, row.prev_hash, 'f'.repeat(64));
    const file = ledger.path;
    ledger.close();
    const { chain: again } = await reopen(file, keys.deps);
    expect(again.status()).toMatchObject({ ok: false, brokenAt: 3, reason: 'content' });
  });

  it('finds rows removed from the end, even with sqlite_sequence put back', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, keys.deps);
    append(ledger.db, 5);
    await chain.close();
    ledger.db.exec('DROP TRIGGER audit_log_no_delete');
    ledger.db.prepare('DELETE FROM audit_log WHERE id > 3').run();
    ledger.db.prepare("UPDATE sqlite_sequence SET seq = 3 WHERE name = 'audit_log'").run();
    const file = ledger.path;
    ledger.close();
    const { ledger: opened, chain: again } = await reopen(file, keys.deps);
    expect(again.status()).toMatchObject({ ok: false, brokenAt: 4, reason: 'truncated' });
    // New rows do not hide it: the head stays where it was, and row 5 is now another row.
    append(opened.db, 3);
    await again.close();
    const file2 = opened.path;
    opened.close();
    const { chain: third } = await reopen(file2, keys.deps);
    expect(third.status()).toMatchObject({ ok: false, brokenAt: 5, reason: 'head' });
  });

  it('finds the file replaced by an older copy, and accepts that copy once re-anchored', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    const chain = await openAuditChain(ledger.db, keys.deps);
    append(ledger.db, 2);
    await chain.flush();
    const older = path.join(path.dirname(ledger.path), 'older.sqlite');
    await ledger.db.backup(older);
    append(ledger.db, 2);
    await chain.close();
    ledger.close();
    await copyFile(older, ledger.path);

    const { ledger: swapped, chain: again } = await reopen(ledger.path, keys.deps);
    expect(again.status()).toMatchObject({ ok: false, brokenAt: 3, reason: 'truncated' });
    expect(await anchorAuditHead(swapped.db, keys.deps)).toEqual({ ok: true, count: 2 });
    expect(await again.verify()).toEqual({ ok: true, count: 2 });
  });

  it('reports a keyed ledger whose head is not in this keychain', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    await (await openAuditChain(ledger.db, keys.deps)).close();
    await keys.store.delete('audit-test/audit-head');
    const file = ledger.path;
    ledger.close();
    const { chain } = await reopen(file, keys.deps);
    expect(chain.status()).toMatchObject({ ok: false, brokenAt: 1, reason: 'head-missing' });
  });

  it('refuses an unkeyed append to a keyed chain', async () => {
    const keys = await keychain();
    const ledger = await temp.ledger();
    await (await openAuditChain(ledger.db, keys.deps)).close();
    const file = ledger.path;
    ledger.close();
    const plain = temp.open(file);
    expect(() => append(plain.db, 1)).toThrow('The audit chain is keyed');
    expect(() => verifyAudit(plain.db)).toThrow('verify it with its key');
  });
});

describe('a ledger from before the chain was keyed', () => {
  async function legacyLedger(rows: number) {
    const ledger = await temp.ledger();
    append(ledger.db, rows, 'settings.update');
    return ledger;
  }

  it('is verified as written, then continued keyed from its next row', async () => {
    const keys = await keychain();
    const ledger = await legacyLedger(3);
    const legacyHashes = ledger.db.prepare('SELECT hash FROM audit_log ORDER BY id').pluck().all();
    let chain: AuditChain = await openAuditChain(ledger.db, keys.deps);
    expect(chain.status()).toEqual({ ok: true, count: 3 });
    expect(ledger.db.prepare('SELECT keyed_from FROM audit_chain').pluck().get()).toBe(4);
    append(ledger.db, 2);
    await chain.close();
    const key = deriveLedgerKey(keys.dataKey, 'audit-chain');
    expect(verifyAudit(ledger.db, key)).toEqual({ ok: true, count: 5 });
    // The old rows are untouched; only the new ones carry the HMAC.
    expect(ledger.db.prepare('SELECT hash FROM audit_log WHERE id <= 3 ORDER BY id').pluck().all()).toEqual(
      legacyHashes,
    );
    const file = ledger.path;
    ledger.close();
    ({ chain } = await reopen(file, keys.deps));
    expect(chain.status()).toEqual({ ok: true, count: 5 });
  });

  it('keeps reporting a break found in the old part', async () => {
    const keys = await keychain();
    const ledger = await legacyLedger(3);
    ledger.db.exec('DROP TRIGGER audit_log_no_update');
    ledger.db.prepare("UPDATE audit_log SET actor = '누군가' WHERE id = 2").run();
    const chain = await openAuditChain(ledger.db, keys.deps);
    expect(chain.status()).toMatchObject({ ok: false, brokenAt: 2, reason: 'content' });
    append(ledger.db, 1);
    await chain.close();
    const file = ledger.path;
    ledger.close();
    const { chain: again } = await reopen(file, keys.deps);
    expect(again.status()).toMatchObject({ ok: false, brokenAt: 2, reason: 'content' });
  });

  it('cannot be passed off as never keyed once the keychain knows the head', async () => {
    const keys = await keychain();
    const ledger = await legacyLedger(2);
    const before = path.join(path.dirname(ledger.path), 'before-keying.sqlite');
    await ledger.db.backup(before);
    await (await openAuditChain(ledger.db, keys.deps)).close();
    ledger.close();
    await copyFile(before, ledger.path);
    const { chain } = await reopen(ledger.path, keys.deps);
    expect(chain.status()).toMatchObject({ ok: false, reason: 'head' });
  });
});

it('derives different keys for different purposes and data keys', () => {
  const dataKey = randomBytes(32);
  const audit = deriveLedgerKey(dataKey, 'audit-chain').export();
  expect(deriveLedgerKey(Buffer.from(dataKey), 'audit-chain').export()).toEqual(audit);
  expect(deriveLedgerKey(dataKey, 'pin-hash').export()).not.toEqual(audit);
  expect(deriveLedgerKey(randomBytes(32), 'audit-chain').export()).not.toEqual(audit);
  expect(audit).toHaveLength(32);
});
