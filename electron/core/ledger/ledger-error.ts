/** Stable codes of LedgerError: callers branch on these, people read the Korean message. */
export type LedgerErrorCode =
  | 'LEDGER_IN_USE'
  | 'LEDGER_OPEN_FAILED'
  | 'LEDGER_NOT_A_LEDGER'
  | 'LEDGER_TOO_NEW'
  | 'LEDGER_PRAGMA_NOT_IN_FORCE'
  | 'LEDGER_MIGRATION_FAILED'
  | 'BACKUP_TARGET_NOT_WRITABLE'
  | 'BACKUP_TARGET_EXISTS'
  | 'BACKUP_DISK_FULL'
  | 'BACKUP_FAILED'
  | 'BACKUP_DAMAGED'
  | 'RESTORE_FAILED';

/** The one error type of the ledger: a stable `code` and a Korean `message` for store staff. */
export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  readonly code: LedgerErrorCode;

  constructor(code: LedgerErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

/** The SQLite or Node error code of a thrown value, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function cannotOpenLedger(ledgerPath: string, cause: unknown): LedgerError {
  return new LedgerError(
    'LEDGER_OPEN_FAILED',
    `장부를 열 수 없습니다. 폴더가 있는지, 쓸 수 있는지 확인해 주세요: ${ledgerPath}`,
    cause,
  );
}
