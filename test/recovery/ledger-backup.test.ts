import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, openAuditChain } from '../../electron/core/audit/index.ts';
import {
  backupIntoFolder,
  checkBackup,
  RecoveryError,
  writeEncryptedBackup,
} from '../../electron/core/recovery/index.ts';
import { createSecrets } from '../../electron/core/secrets/index.ts';
import { steppingClock } from '../ledger/stepping-clock.ts';
import { tempLedgers } from '../ledger/temp-ledger.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const temp = tempLedgers();
const now = steppingClock(Date.UTC(2026, 10, 29, 1), 1_000);

/** A ledger whose audit chain is keyed from its data key, as openDesk leaves it, with three rows. */
async function keyedLedger() {
  const secrets = createSecrets({ store: createMemorySecretStore(), profile: 'backup-test' });
  const dataKey = await secrets.ledgerDataKey();
  const ledger = await temp.ledger();
  const chain = await openAuditChain(ledger.db, {
    dataKey,
    heads: secrets,
    now,
    log: { error: () => undefined },
  });
  for (let i = 0; i < 3; i++) {
    appendAudit(
      ledger.db,
      {
        actor: 'scheduler',
        action: 'charge.done',
        subject: `charge_attempt:${i}`,
        details: { amount: 1_000 },
      },
      now,
    );
  }
  await chain.close();
  return { ledger, dataKey, dir: path.dirname(ledger.path) };
}

describe('checking an encrypted backup', () => {
  it('verifies a keyed audit chain with the key derived from the data key that opened the file', async () => {
    const { ledger, dataKey, dir } = await keyedLedger();
    const file = await writeEncryptedBackup(ledger, path.join(dir, 'out', 'b.apdbak'), { dataKey, now });
    const check = await checkBackup(file, { dataKey }, path.join(dir, 'work'));
    expect(check.auditEntries).toBe(3);
    expect(check.members).toBe(0);
  });

  it('refuses a backup whose keyed audit rows were changed without the key', async () => {
    const { ledger, dataKey, dir } = await keyedLedger();
    ledger.db.exec('DROP TRIGGER audit_log_no_update');
    ledger.db.prepare('UPDATE audit_log SET details = ? WHERE id = 2').run('{"amount":100}');
    const file = await writeEncryptedBackup(ledger, path.join(dir, 'out', 'b.apdbak'), { dataKey, now });
    const error = await checkBackup(file, { dataKey }, path.join(dir, 'work')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RecoveryError);
    expect((error as RecoveryError).code).toBe('BACKUP_AUDIT_BROKEN');
  });

  it("names the folder's backups in the store's time and rotates them by the instant a name holds", async () => {
    const { ledger, dataKey } = await keyedLedger();
    const dir = await temp.dir();
    // 04:45Z, as an older version named it, and 04:30Z in Seoul time: by text the UTC one sorts
    // first, but the Seoul one is older and is the one rotation removes.
    await writeFile(path.join(dir, 'ledger-2025-02-01T04-45-00-000Z.apdbak'), '');
    await writeFile(path.join(dir, 'ledger-2025-02-01T13-30-00-000+0900.apdbak'), '');
    await writeFile(path.join(dir, 'notes.txt'), '');
    const { file, removed } = await backupIntoFolder(ledger, dir, {
      dataKey,
      keep: 2,
      now: () => new Date(Date.UTC(2025, 1, 1, 5)),
    });
    expect(file).toBe(path.join(dir, 'ledger-2025-02-01T14-00-00-000+0900.apdbak'));
    expect(removed).toEqual([path.join(dir, 'ledger-2025-02-01T13-30-00-000+0900.apdbak')]);
    expect((await readdir(dir)).sort()).toEqual([
      'ledger-2025-02-01T04-45-00-000Z.apdbak',
      'ledger-2025-02-01T14-00-00-000+0900.apdbak',
      'notes.txt',
    ]);
  });
});
