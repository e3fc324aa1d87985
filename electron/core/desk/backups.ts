import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupLedger, type Ledger } from '../ledger/index.ts';
import { storeTimeZone } from '../schedule/index.ts';

export interface BackupEntry {
  readonly file: string;
  readonly bytes: number;
  readonly createdAt: number;
}

/** Where the app keeps its own backups of a data folder's ledger (rotated, newest 14 kept). */
function backupDirOf(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export async function backupNow(ledger: Ledger, dataDir: string, now: () => Date): Promise<BackupEntry> {
  // Named in the store's time, as every date it reads (2026-12-05T09-20-00-000+0900).
  const timeZone = storeTimeZone(ledger.db);
  const { file } = await backupLedger(ledger, backupDirOf(dataDir), { now, timeZone });
  return entryOf(file);
}

async function entryOf(file: string): Promise<BackupEntry> {
  const info = await stat(file);
  // Whole milliseconds: mtimeMs has a fraction on most file systems.
  return { file, bytes: info.size, createdAt: Math.trunc(info.mtimeMs) };
}

/** Newest first. */
export async function listBackups(dataDir: string): Promise<BackupEntry[]> {
  const dir = backupDirOf(dataDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const entries = await Promise.all(
    names.filter((name) => name.endsWith('.sqlite')).map((name) => entryOf(path.join(dir, name))),
  );
  return entries.sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}
