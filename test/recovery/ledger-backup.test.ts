import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, openAuditChain } from '../../electron/core/audit/index.ts';
import { checkBackup, RecoveryError, writeEncryptedBackup } from '../../electron/core/recovery/index.ts';
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
});
