import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir, removeDatabaseFiles } from './database-files.ts';
import { errorCode, LedgerError } from './ledger-error.ts';
import type { Ledger } from './open-ledger.ts';

/**
 * Copies the ledger to `file` through SQLite's online backup, which reads a consistent snapshot
 * while the app keeps writing (a file copy of a WAL database would not be). The copy is written
 * under a hidden temporary name and made a self-contained single file (SQLite flushes it to disk
 * as it commits), and only then renamed into place; on any failure the temporary file is
 * deleted, so there is a whole backup or none. The ledger is only read. An existing file is
 * never replaced. The copy is plain: the app's backups seal it at once (recovery's
 * writeEncryptedBackup), and a plain copy never leaves the data folder.
 */
export async function backupLedgerTo(ledger: Ledger, file: string): Promise<string> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const partial = path.join(dir, `.${path.basename(target)}.partial`);
  if (await exists(target)) {
    throw new LedgerError(
      'BACKUP_TARGET_EXISTS',
      `같은 이름의 파일이 이미 있어 백업하지 않았습니다. 다른 파일 이름을 지정해 주세요. 장부는 그대로입니다: ${target}`,
    );
  }
  try {
    await mkdir(dir, { recursive: true });
    await ledger.db.backup(partial);
    makeSelfContained(partial);
    await rename(partial, target);
    await fsyncDir(dir);
  } catch (error) {
    await removeDatabaseFiles(partial).catch(() => {});
    throw backupError(error, dir);
  }
  return target;
}

/** Whatever keeps stat from seeing the file (no such file, a file in the path) is reported by the write. */
async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The copy carries the ledger's WAL flag; a backup is one file that opens on its own. */
function makeSelfContained(file: string): void {
  const copy = new Database(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST']);

function backupError(error: unknown, dir: string): LedgerError {
  const code = errorCode(error) ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new LedgerError(
      'BACKUP_DISK_FULL',
      `백업할 디스크 공간이 부족합니다. 공간을 비운 뒤 다시 백업해 주세요. 장부는 그대로입니다: ${dir}`,
      error,
    );
  }
  if (NOT_WRITABLE.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new LedgerError(
      'BACKUP_TARGET_NOT_WRITABLE',
      `백업 폴더에 쓸 수 없습니다. 폴더 위치와 권한을 확인해 주세요. 장부는 그대로입니다: ${dir}`,
      error,
    );
  }
  return new LedgerError('BACKUP_FAILED', `백업하지 못했습니다. 장부는 그대로입니다: ${dir}`, error);
}
