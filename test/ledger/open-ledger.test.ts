import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyDurability, assertDurable } from '../../electron/core/ledger/durability.ts';
import { LedgerError, ledgerMigrations } from '../../electron/core/ledger/index.ts';
import { LEDGER_APPLICATION_ID } from '../../electron/core/ledger/ledger-identity.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();

function pragmas(db: Database.Database) {
  return {
    journal_mode: db.pragma('journal_mode', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    foreign_keys: db.pragma('foreign_keys', { simple: true }),
    busy_timeout: db.pragma('busy_timeout', { simple: true }),
  };
}

function refusal(open: () => unknown): LedgerError {
  try {
    open();
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error('expected a LedgerError');
}

describe('openLedger', () => {
  it('creates a ledger at the latest schema with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const ledger = await temp.ledger();
    expect(pragmas(ledger.db)).toEqual({
      journal_mode: 'wal',
      synchronous: 2,
      foreign_keys: 1,
      busy_timeout: 5000,
    });
    expect(ledger.schemaVersion).toBe(ledgerMigrations.length);
    expect(ledger.db.pragma('user_version', { simple: true })).toBe(ledgerMigrations.length);
    expect(ledger.db.pragma('application_id', { simple: true })).toBe(LEDGER_APPLICATION_ID);
    expect(path.isAbsolute(ledger.path)).toBe(true);
  });

  it('sets FULL on its own connection: a plain second connection to the WAL file falls back to NORMAL', async () => {
    const first = await temp.ledger();
    const plain = new Database(first.path);
    try {
      expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(plain.pragma('synchronous', { simple: true })).toBe(1);
      first.close();
      // The plain connection stays open, so this is a second connection to a live WAL file.
      const second = temp.open(first.path);
      expect(second.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      plain.close();
    }
  });

  it('reads every pragma back and names the one not in force', async () => {
    const ledger = await temp.ledger();
    const plain = new Database(ledger.path);
    try {
      const error = refusal(() => assertDurable(plain, 5000));
      expect(error.code).toBe('LEDGER_PRAGMA_NOT_IN_FORCE');
      expect(error.message).toContain('synchronous = 1 (필요한 값: 2)');
    } finally {
      plain.close();
    }
    // SQLite keeps an in-memory database out of WAL and says so only when asked.
    const memory = new Database(':memory:');
    try {
      const error = refusal(() => applyDurability(memory, 5000));
      expect(error.code).toBe('LEDGER_PRAGMA_NOT_IN_FORCE');
      expect(error.message).toContain('journal_mode = memory (필요한 값: wal)');
    } finally {
      memory.close();
    }
  });

  it('reopens a closed ledger, and close() twice is harmless', async () => {
    const ledger = await temp.ledger();
    ledger.db
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('store.name', '\"헬스장\"', 1)")
      .run();
    ledger.close();
    ledger.close();
    const again = temp.open(ledger.path);
    expect(again.db.prepare('SELECT value FROM settings').pluck().get()).toBe('"헬스장"');
  });

  it('refuses a file that is not a database, and leaves it and the lock alone', async () => {
    const file = path.join(await temp.dir(), 'notes.sqlite');
    await writeFile(file, '메모: 이건 장부가 아닙니다\n'.repeat(100));
    const before = await readFile(file);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = refusal(() => temp.open(file));
      expect(error.code).toBe('LEDGER_NOT_A_LEDGER');
      expect(error.message).toBe(`이 파일은 Autopay Desk 장부가 아닙니다: ${file}`);
    }
    expect(await readFile(file)).toEqual(before);
  });

  it('refuses another program’s SQLite database without switching it to WAL', async () => {
    const file = path.join(await temp.dir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    expect(refusal(() => temp.open(file)).code).toBe('LEDGER_NOT_A_LEDGER');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses a ledger written by a newer version, unchanged', async () => {
    const ledger = await temp.ledger();
    ledger.close();
    const raw = new Database(ledger.path);
    const newer = ledgerMigrations.length + 1;
    raw.pragma(`user_version = ${newer}`);
    raw.close();
    const error = refusal(() => temp.open(ledger.path));
    expect(error.code).toBe('LEDGER_TOO_NEW');
    expect(error.message).toContain(`장부 버전 ${newer}, 이 프로그램이 아는 버전 ${ledgerMigrations.length}`);
    // Refused, not locked: a second try gets the same answer, not "in use".
    expect(refusal(() => temp.open(ledger.path)).code).toBe('LEDGER_TOO_NEW');
  });

  it('says so in Korean when the folder does not exist', async () => {
    const file = path.join(await temp.dir(), 'missing', 'ledger.sqlite');
    const error = refusal(() => temp.open(file));
    expect(error.code).toBe('LEDGER_OPEN_FAILED');
    expect(error.message).toContain('장부를 열 수 없습니다');
  });
});
