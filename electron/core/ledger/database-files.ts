import { open, rm } from 'node:fs/promises';
import { offsetText, wallClockText, zoneOffsetMinutes } from '../../../shared/zoned-time.ts';

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

/**
 * fileStamp in a time zone, with its offset: 2025-02-01T08-59-59-123+0900. A store reads backup
 * names in its own time; the offset keeps each name one instant wherever the files are looked at.
 */
export function zonedFileStamp(at: Date, timeZone: string): string {
  const wall = wallClockText(at.getTime(), timeZone).replace(' ', 'T').replaceAll(':', '-');
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `${wall}-${ms}${offsetText(zoneOffsetMinutes(at.getTime(), timeZone), '')}`;
}

const STAMP_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})(?:Z|([+-])(\d{2})(\d{2}))$/;

/** The instant a fileStamp or zonedFileStamp names, or undefined for any other text. */
export function stampTime(stamp: string): number | undefined {
  const match = STAMP_PARTS.exec(stamp);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, ms, sign, oh, om] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  return wall - offset * 60_000;
}

/** `<prefix><zonedFileStamp><extension>`: a backup's file name, in the store's time with its offset. */
export function stampedFileName(prefix: string, at: Date, timeZone: string, extension: string): string {
  return `${prefix}${zonedFileStamp(at, timeZone)}${extension}`;
}

export interface StampedFile {
  readonly name: string;
  /** The instant the name holds (epoch ms). */
  readonly at: number;
}

/**
 * The names among `names` that are `<prefix><stamp><extension>`, oldest first by the instant each
 * name holds, not its text: UTC names of older versions and zoned names (whose text order breaks
 * when the offset changes) sort together. Rotation of every backup folder goes by this order.
 */
export function stampedFiles(names: readonly string[], prefix: string, extension: string): StampedFile[] {
  return names
    .flatMap((name) => {
      if (!name.startsWith(prefix) || !name.endsWith(extension)) return [];
      const at = stampTime(name.slice(prefix.length, name.length - extension.length));
      return at === undefined ? [] : [{ name, at }];
    })
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
}
