import type Database from 'better-sqlite3';
import { errorCode, LedgerError } from './ledger-error.ts';
import { statement } from './statement.ts';

/** PRAGMA application_id of every Autopay Desk ledger: 'APDS' in ASCII. Set by the migration runner. */
export const LEDGER_APPLICATION_ID = 0x41504453;

/**
 * Refuses a file that is not an Autopay Desk ledger (so that opening or restoring the wrong file
 * never migrates it into one) and a ledger written by a newer version of the app. Only reads.
 * An empty file, or one that does not exist yet, is a new ledger. Returns the schema version.
 */
export function checkLedgerIdentity(db: Database.Database, file: string, latestVersion: number): number {
  let applicationId: number;
  let version: number;
  let objects: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    objects = statement(db, 'SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  } catch (error) {
    if (errorCode(error) === 'SQLITE_NOTADB') throw notALedger(file, error);
    throw error;
  }
  const isNew = applicationId === 0 && version === 0 && objects === 0;
  if (!isNew && applicationId !== LEDGER_APPLICATION_ID) throw notALedger(file);
  if (version > latestVersion) {
    throw new LedgerError(
      'LEDGER_TOO_NEW',
      `이 장부는 더 새 버전의 Autopay Desk가 만든 것이라 열 수 없습니다 (장부 버전 ${version}, 이 프로그램이 아는 버전 ${latestVersion}). 프로그램을 업데이트해 주세요.`,
    );
  }
  return version;
}

/** Whether the file has a table of that name: an old or a new ledger may not have it yet. */
export function hasTable(db: Database.Database, name: string): boolean {
  return (
    statement(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

export function notALedger(file: string, cause?: unknown): LedgerError {
  return new LedgerError('LEDGER_NOT_A_LEDGER', `이 파일은 Autopay Desk 장부가 아닙니다: ${file}`, cause);
}
