import { open, rm } from 'node:fs/promises';

/** The files SQLite may keep beside a database: they belong to it and go wherever it goes. */
export const COMPANION_SUFFIXES = ['-journal', '-wal', '-shm'] as const;

/** Deletes a database file and its companions, whichever of them exist. */
export async function removeDatabaseFiles(file: string): Promise<void> {
  const files = [file, ...COMPANION_SUFFIXES.map((suffix) => file + suffix)];
  await Promise.all(files.map((each) => rm(each, { force: true })));
}

/** Flushes a folder's entries, so that a rename in it survives a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for flushing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A sortable, file-name-safe UTC timestamp: 2025-01-31T23-59-59-123Z. */
export function fileStamp(at: Date): string {
  return at.toISOString().replaceAll(':', '-').replace('.', '-');
}
