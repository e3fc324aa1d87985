import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Ledger } from '../ledger/index.ts';
import { BACKUP_EXTENSION, backupIntoFolder, RecoveryError } from '../recovery/index.ts';

export interface BackupEntry {
  readonly file: string;
  readonly bytes: number;
  readonly createdAt: number;
  /** A previous version's plain SQLite backup (`ledger-<stamp>.sqlite`): not encrypted. */
  readonly plainLegacy: boolean;
}

/** How a previous version named its plain backups in backups/. */
const PLAIN_LEGACY = /^ledger-.+\.sqlite$/;

/** Where the app keeps its own backups of a data folder's ledger (encrypted, rotated, newest 14 kept). */
function backupDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export async function backupNow(
  ledger: Ledger,
  dataDir: string,
  dataKey: Buffer,
  now: () => Date,
): Promise<BackupEntry> {
  const { file } = await backupIntoFolder(ledger, backupDirOf(dataDir), { dataKey, now });
  return entryOf(file);
}

async function entryOf(file: string): Promise<BackupEntry> {
  const info = await stat(file);
  // Whole milliseconds: mtimeMs has a fraction on most file systems.
  return {
    file,
    bytes: info.size,
    createdAt: Math.trunc(info.mtimeMs),
    plainLegacy: PLAIN_LEGACY.test(path.basename(file)),
  };
}

/** Newest first, with a previous version's plain backups (marked plainLegacy) still restorable. */
export async function listBackups(dataDir: string): Promise<BackupEntry[]> {
  const dir = backupDirOf(dataDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const entries = await Promise.all(
    names
      .filter((name) => name.endsWith(BACKUP_EXTENSION) || PLAIN_LEGACY.test(name))
      .map((name) => entryOf(path.join(dir, name))),
  );
  return entries.sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

/**
 * Deletes the previous version's plain backups (they hold member names unencrypted), only once an
 * encrypted backup exists in the same folder to restore from instead. Returns the files deleted.
 */
export async function deletePlainLegacyBackups(dataDir: string): Promise<string[]> {
  const backups = await listBackups(dataDir);
  if (!backups.some((backup) => !backup.plainLegacy)) {
    throw new RecoveryError('NO_ENCRYPTED_BACKUP');
  }
  const plain = backups.filter((backup) => backup.plainLegacy).map((backup) => backup.file);
  for (const file of plain) await rm(file, { force: true });
  return plain;
}
