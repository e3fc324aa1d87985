/** better-sqlite3's SqliteError carries SQLite's extended result code as a string `code`. */
function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** RAISE(ABORT, …) in a trigger, such as refunds_within_balance. */
export function isTriggerAbort(error: unknown): boolean {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_TRIGGER';
}
