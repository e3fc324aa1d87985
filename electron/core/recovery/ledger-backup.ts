import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { auditChainKey, verifyAudit } from '../audit/index.ts';
import {
  attemptCount,
  backupLedgerTo,
  checkLedgerIdentity,
  type Ledger,
  LedgerError,
  latestVersion,
  ledgerMigrations,
  memberCount,
  readSetting,
  removeDatabaseFiles,
  stampedFileName,
  stampedFiles,
} from '../ledger/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import {
  BACKUP_EXTENSION,
  type BackupHeader,
  type OpenBackupKeys,
  openBackupFile,
  sealBackupFile,
} from './backup-file.ts';
import { RecoveryError } from './recovery-error.ts';
import { RECOVERY_RECORD } from './recovery-record.ts';

/** A plain SQLite copy beside the ledger: plain data never leaves the data folder. */
function scratchFile(besideLedger: string, what: string): string {
  return `${besideLedger}.${what}-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Writes an encrypted backup of the ledger to `target` (see backup-file.ts): SQLite's online
 * backup into a scratch file beside the ledger, sealed with the data key into `target`, the
 * scratch file deleted whatever happens. The header carries the recovery record the ledger holds
 * now, so the file opens on another PC with the current recovery code.
 */
export async function writeEncryptedBackup(
  ledger: Ledger,
  target: string,
  options: { readonly dataKey: Buffer; readonly now: () => Date },
): Promise<string> {
  const plain = scratchFile(ledger.path, 'backup');
  try {
    const createdAt = options.now().getTime();
    await backupLedgerTo(ledger, plain);
    return await sealBackupFile({
      plainFile: plain,
      target,
      dataKey: options.dataKey,
      recovery: readSetting(ledger.db, RECOVERY_RECORD)?.key ?? null,
      createdAt,
    });
  } finally {
    await removeDatabaseFiles(plain).catch(() => {});
  }
}

export interface BackupCheck {
  readonly file: string;
  readonly createdAt: number;
  readonly schemaVersion: number;
  readonly auditEntries: number;
  readonly members: number;
  readonly charges: number;
}

/**
 * Opens a backup into a scratch file in `workDir` and checks it as a restore would: it decrypts,
 * passes PRAGMA integrity_check and foreign_key_check, is a ledger this version opens, and its
 * audit chain verifies. With `keep`, the checked plain copy is handed to it before being deleted.
 */
export async function checkBackup(
  file: string,
  keys: OpenBackupKeys,
  workDir: string,
  keep?: (plain: string, opened: { header: BackupHeader; dataKey: Buffer }) => Promise<void>,
): Promise<BackupCheck> {
  await mkdir(workDir, { recursive: true });
  const plain = scratchFile(path.join(workDir, 'ledger'), 'restore');
  try {
    const opened = await openBackupFile(path.resolve(file), keys, plain);
    const counts = verifyPlainLedger(plain, opened.dataKey);
    await keep?.(plain, opened);
    return { file: path.resolve(file), createdAt: opened.header.createdAt, ...counts };
  } finally {
    await removeDatabaseFiles(plain).catch(() => {});
  }
}

function verifyPlainLedger(plain: string, dataKey: Buffer): Omit<BackupCheck, 'file' | 'createdAt'> {
  let db: Database.Database | undefined;
  try {
    db = new Database(plain, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (integrity !== 'ok' || dangling.length > 0) throw new RecoveryError('BACKUP_DAMAGED');
    const schemaVersion = checkLedgerIdentity(db, plain, latestVersion(ledgerMigrations));
    if (schemaVersion === 0) throw new RecoveryError('BACKUP_NOT_A_BACKUP');
    // The chain is keyed from the data key that opened the file (rows from before it was keyed
    // are checked with bare SHA-256, as they were written). The head in the keychain is not
    // checked here: it names the live ledger, not this copy; a restore re-anchors it.
    const audit = verifyAudit(db, auditChainKey(dataKey));
    if (!audit.ok) throw new RecoveryError('BACKUP_AUDIT_BROKEN');
    return {
      schemaVersion,
      auditEntries: audit.count,
      members: memberCount(db),
      charges: attemptCount(db),
    };
  } catch (error) {
    if (error instanceof RecoveryError || error instanceof LedgerError) throw error;
    throw new RecoveryError('BACKUP_DAMAGED', error);
  } finally {
    db?.close();
  }
}

// ---- The data folder's own backups/ folder: encrypted now, newest 14 kept. ----

/**
 * Writes `<ledger name>-<stamp>.apdbak` into `dir`, stamped in the store's time with its offset,
 * then deletes this ledger's oldest backups (by the instant each name holds) beyond `keep`.
 */
export async function backupIntoFolder(
  ledger: Ledger,
  dir: string,
  options: { readonly dataKey: Buffer; readonly now: () => Date; readonly keep?: number },
): Promise<{ file: string; removed: string[] }> {
  const keep = options.keep ?? 14;
  const folder = path.resolve(dir);
  const prefix = `${path.basename(ledger.path, path.extname(ledger.path))}-`;
  const name = stampedFileName(prefix, options.now(), storeTimeZone(ledger.db), BACKUP_EXTENSION);
  const file = await writeEncryptedBackup(ledger, path.join(folder, name), options);
  const ours = stampedFiles(await readdir(folder), prefix, BACKUP_EXTENSION);
  const removed = ours.slice(0, Math.max(0, ours.length - keep)).map((each) => path.join(folder, each.name));
  for (const old of removed) await rm(old);
  return { file, removed };
}
