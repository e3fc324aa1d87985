import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFileIn, secretsProfileFor } from '../../electron/core/app-paths.ts';
import { appendAudit } from '../../electron/core/audit/index.ts';
import { createDeskApi, createDeskHost, openDesk } from '../../electron/core/desk/index.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { anchorRestoredLedger } from '../../electron/core/recovery/index.ts';
import { createSecrets } from '../../electron/core/secrets/index.ts';
import { unkeyedPinHash } from '../staff/unkeyed-pin.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A data folder and an (in-memory) keychain of its own; `open` opens it as the app does. */
async function folder() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-audit-head-'));
  const keychain = createMemorySecretStore();
  const lines: string[] = [];
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const now = () => new Date(Date.UTC(2026, 10, 29, 1));
  const open = async () => {
    const host = await createDeskHost({
      training: false,
      open: () =>
        openDesk({
          dataDir,
          secretStore: keychain,
          now,
          log: createLogger({ sink: (line) => lines.push(line), now, level: 'info' }),
          setTimer: () => 0,
          clearTimer: () => undefined,
        }),
      saveTraining: () => undefined,
      now,
    });
    cleanups.push(() => host.close());
    const api = createDeskApi({
      host,
      version: '0.0.0-test',
      now,
      openRegistrationWindow: async () => ({ kind: 'canceled' }) as never,
      launchAtLogin: { get: () => false, set: () => undefined },
    });
    return { host, api };
  };
  return { dataDir, keychain, lines, open };
}

describe('the audit head in the keychain, as the app opens the ledger', () => {
  it('reports rows removed from the end while the app was closed, in the status behind the red banner', async () => {
    const store = await folder();
    const first = await store.open();
    const session = { operator: null };
    await first.api.createOwner({ name: '대표', pin: '135790' }, session);
    await first.api.signOut({}, session);
    expect(await first.api.getAppStatus({}, session)).toMatchObject({ auditBrokenAt: null });
    await first.host.close();
    const head = JSON.parse(
      (await store.keychain.get(`${secretsProfileFor(store.dataDir)}/audit-head`)) ?? '{}',
    );
    expect(head).toMatchObject({ keyedFrom: 1, id: 1 });

    // Someone with the file alone removes the owner's creation and hides the gap.
    const ledger = openLedger(ledgerFileIn(store.dataDir));
    ledger.db.exec('DROP TRIGGER audit_log_no_delete');
    ledger.db.prepare('DELETE FROM audit_log').run();
    ledger.db.prepare("DELETE FROM sqlite_sequence WHERE name = 'audit_log'").run();
    ledger.close();

    const second = await store.open();
    expect(await second.api.getAppStatus({}, session)).toMatchObject({ auditBrokenAt: 1 });
    expect(store.lines.some((line) => line.includes('audit chain broken'))).toBe(true);
    expect(await second.api.checkAudit({}, session)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('keys the chain and the PIN hashes of a ledger from before the key once, and never a hash added later', async () => {
    const store = await folder();
    const old = openLedger(ledgerFileIn(store.dataDir));
    const insert = old.db.prepare(
      'INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, ?, 1)',
    );
    const ownerId = Number(insert.run('대표', 'owner', await unkeyedPinHash('135790')).lastInsertRowid);
    appendAudit(
      old.db,
      { actor: '대표', action: 'operator.create', subject: 'operator:1', details: {} },
      () => new Date(1),
    );
    old.close();

    const first = await store.open();
    const session = { operator: null };
    expect(await first.api.getAppStatus({}, session)).toMatchObject({ auditBrokenAt: null });
    expect(await first.api.signIn({ operatorId: ownerId, pin: '135790' }, session)).toMatchObject({
      name: '대표',
    });
    await first.host.close();

    // Someone with the file alone adds an owner with a PIN they know, hashed the old way.
    const edited = openLedger(ledgerFileIn(store.dataDir));
    const intruderId = Number(
      edited.db
        .prepare("INSERT INTO operators (name, role, pin_hash, created_at) VALUES ('침입자', 'owner', ?, 1)")
        .run(await unkeyedPinHash('111111')).lastInsertRowid,
    );
    edited.close();
    const second = await store.open();
    expect(await second.api.signIn({ operatorId: ownerId, pin: '135790' }, session)).toMatchObject({
      name: '대표',
    });
    await expect(second.api.signIn({ operatorId: intruderId, pin: '111111' }, session)).rejects.toMatchObject(
      {
        code: 'WRONG_PIN',
      },
    );
  });

  it('re-anchors a restored copy from before the key, keying its PIN hashes, so the desk opens it intact', async () => {
    const store = await folder();
    const first = await store.open();
    await first.api.createOwner({ name: '대표', pin: '135790' }, { operator: null });
    await first.host.close();

    // A backup written by the version before the key, put in place of the ledger (as a restore does).
    const file = ledgerFileIn(store.dataDir);
    for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
    const old = openLedger(file);
    const ownerId = Number(
      old.db
        .prepare("INSERT INTO operators (name, role, pin_hash, created_at) VALUES ('대표', 'owner', ?, 1)")
        .run(await unkeyedPinHash('246810')).lastInsertRowid,
    );
    appendAudit(
      old.db,
      { actor: '대표', action: 'operator.create', subject: 'operator:1', details: {} },
      () => new Date(1),
    );
    old.close();

    const secrets = createSecrets({
      store: store.keychain,
      profile: secretsProfileFor(store.dataDir),
    });
    // Its one row, and the row that records its PIN hashes being keyed.
    expect(await anchorRestoredLedger(file, secrets, () => new Date(2))).toEqual({ ok: true, count: 2 });
    const second = await store.open();
    const session = { operator: null };
    expect(await second.api.getAppStatus({}, session)).toMatchObject({ auditBrokenAt: null });
    expect(await second.api.signIn({ operatorId: ownerId, pin: '246810' }, session)).toMatchObject({
      name: '대표',
    });
  });
});
