import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { wallClockText } from '../../../shared/zoned-time.ts';
import { appendAudit } from '../audit/index.ts';
import {
  type Ledger,
  readSetting,
  type Setting,
  stampedFileName,
  stampedFiles,
  writeSetting,
} from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import { storeDay, storeTimeZone } from '../schedule/index.ts';
import { BACKUP_EXTENSION } from './backup-file.ts';
import { checkBackup, writeEncryptedBackup } from './ledger-backup.ts';
import { RecoveryError } from './recovery-error.ts';
import { recoveryStatus } from './recovery-record.ts';

/** Where off-PC backups go (a USB drive, a NAS, a synced cloud folder) and the daily time, store-local. */
export interface OffsiteSettings {
  readonly folder: string | null;
  readonly time: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const OFFSITE_BACKUP: Setting<OffsiteSettings> = {
  key: 'backup.offsite',
  fallback: { folder: null, time: '23:00' },
  valid: (value): value is OffsiteSettings => {
    const v = value as Partial<OffsiteSettings> | null;
    return (
      typeof v === 'object' &&
      v !== null &&
      (v.folder === null ||
        (typeof v.folder === 'string' && path.isAbsolute(v.folder) && v.folder.length <= 1000)) &&
      typeof v.time === 'string' &&
      TIME.test(v.time)
    );
  },
};

/** What the last off-PC runs did; not a setting anyone changes, so not audited. */
export interface OffsiteState {
  readonly lastVerifiedAt: number | null;
  readonly lastFile: string | null;
  readonly lastAttemptAt: number | null;
  readonly lastError: string | null;
}

export const OFFSITE_STATE: Setting<OffsiteState> = {
  key: 'backup.offsite_state',
  fallback: { lastVerifiedAt: null, lastFile: null, lastAttemptAt: null, lastError: null },
  valid: (value): value is OffsiteState =>
    typeof value === 'object' && value !== null && 'lastVerifiedAt' in value,
};

/** Changes the folder or time, audited like every setting. */
export function setOffsiteBackup(
  db: Database.Database,
  settings: OffsiteSettings,
  actor: { actor: string; operatorId?: number | null },
  now: () => Date,
): OffsiteSettings {
  db.transaction(() => {
    writeSetting(db, OFFSITE_BACKUP, settings, now());
    appendAudit(
      db,
      { ...actor, action: 'settings.offsite_backup', subject: 'settings', details: { ...settings } },
      now,
    );
  })();
  return settings;
}

const PREFIX = 'autopay-desk-';
/** Rotation: the newest backup of each of the last 14 days, and of each of the last 12 months. */
export const KEEP_DAILY = 14;
export const KEEP_MONTHLY = 12;

export interface OffsiteDeps {
  readonly ledger: Ledger;
  readonly dataKey: Buffer;
  /** The data folder: the plain copy checked after writing never leaves it. */
  readonly dataDir: string;
  readonly now: () => Date;
  readonly log: Logger;
}

export interface OffsiteResult {
  readonly file: string;
  readonly verifiedAt: number;
  readonly removed: readonly string[];
}

/**
 * One off-PC backup: written into the folder under a temporary name and renamed, read back and
 * checked (decrypts, integrity_check, audit chain), then the folder rotated. The outcome is
 * recorded for the home screen; a failure (folder gone, disk full) is recorded and rethrown.
 */
export async function runOffsiteBackup(deps: OffsiteDeps): Promise<OffsiteResult> {
  const db = deps.ledger.db;
  const { folder } = readSetting(db, OFFSITE_BACKUP);
  const attemptAt = deps.now().getTime();
  const previous = readSetting(db, OFFSITE_STATE);
  try {
    if (folder === null) throw new RecoveryError('OFFSITE_NOT_SET');
    if (!(await isFolder(folder))) throw new RecoveryError('OFFSITE_UNREACHABLE');
    const timeZone = storeTimeZone(db);
    const file = await writeEncryptedBackup(
      deps.ledger,
      path.join(folder, stampedFileName(PREFIX, deps.now(), timeZone, BACKUP_EXTENSION)),
      deps,
    );
    await checkBackup(file, { dataKey: deps.dataKey }, deps.dataDir);
    const verifiedAt = deps.now().getTime();
    const removed = await rotateOffsite(folder, timeZone);
    writeSetting(
      db,
      OFFSITE_STATE,
      { lastVerifiedAt: verifiedAt, lastFile: file, lastAttemptAt: attemptAt, lastError: null },
      deps.now(),
    );
    deps.log.info('off-PC backup written and verified', { file, removed: removed.length });
    return { file, verifiedAt, removed };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    writeSetting(
      db,
      OFFSITE_STATE,
      { ...previous, lastAttemptAt: attemptAt, lastError: message },
      deps.now(),
    );
    deps.log.error('off-PC backup failed', { error });
    throw error;
  }
}

async function isFolder(folder: string): Promise<boolean> {
  return stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/**
 * Deletes this app's backups in `folder` that neither the daily nor the monthly rule keeps, newest
 * first by the instant each name holds; days and months are the store's (`timeZone`).
 */
export async function rotateOffsite(folder: string, timeZone: string): Promise<string[]> {
  const ours = stampedFiles(await readdir(folder), PREFIX, BACKUP_EXTENSION).reverse();
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const { name, at } of ours) {
    const day = wallClockText(at, timeZone).slice(0, 10);
    const month = day.slice(0, 7);
    if (!days.has(day) && days.size < KEEP_DAILY) {
      days.add(day);
      keep.add(name);
    }
    if (!months.has(month) && months.size < KEEP_MONTHLY) {
      months.add(month);
      keep.add(name);
    }
  }
  const removed = ours.filter(({ name }) => !keep.has(name)).map(({ name }) => path.join(folder, name));
  for (const file of removed) await rm(file, { force: true });
  return removed;
}

/**
 * Whether the daily off-PC backup is due: a folder is set, today's set time (store-local) has
 * passed and nothing was attempted since.
 */
export function offsiteDue(db: Database.Database, now: Date): boolean {
  const { folder, time } = readSetting(db, OFFSITE_BACKUP);
  if (folder === null) return false;
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const at = storeDay(now, storeTimeZone(db)).start + (hour * 60 + minute) * 60_000;
  const last = readSetting(db, OFFSITE_STATE).lastAttemptAt;
  return now.getTime() >= at && (last === null || last < at);
}

export type BackupWarning = 'no_recovery_code' | 'no_folder' | 'unreachable' | 'stale' | 'failed';

export interface BackupHealth {
  readonly folder: string | null;
  readonly time: string;
  readonly lastVerifiedAt: number | null;
  readonly lastError: string | null;
  readonly recoveryCode: boolean;
  readonly warnings: BackupWarning[];
}

/** Older than this, the last verified off-PC backup is a warning on the home screen. */
export const STALE_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/** What the home screen says about recovery and off-PC backups. */
export async function backupHealth(db: Database.Database, now: Date): Promise<BackupHealth> {
  const settings = readSetting(db, OFFSITE_BACKUP);
  const state = readSetting(db, OFFSITE_STATE);
  const recoveryCode = recoveryStatus(db).configured;
  const warnings: BackupWarning[] = [];
  if (!recoveryCode) warnings.push('no_recovery_code');
  if (settings.folder === null) warnings.push('no_folder');
  else if (!(await isFolder(settings.folder))) warnings.push('unreachable');
  if (state.lastVerifiedAt === null || now.getTime() - state.lastVerifiedAt > STALE_AFTER_MS)
    warnings.push('stale');
  // A success clears lastError: one still there is the latest attempt's.
  if (state.lastError !== null) warnings.push('failed');
  return {
    folder: settings.folder,
    time: settings.time,
    lastVerifiedAt: state.lastVerifiedAt,
    lastError: state.lastError,
    recoveryCode,
    warnings,
  };
}
