import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appendAudit } from '../audit/index.ts';
import { readSetting, type Setting, writeSetting } from '../ledger/index.ts';
import {
  isWrappedDataKey,
  type KdfParams,
  unwrapDataKey,
  type WrappedDataKey,
  wrapDataKey,
} from './key-wrap.ts';
import { newRecoveryCode } from './recovery-code.ts';
import { RecoveryError } from './recovery-error.ts';

/** What the PC keeps about the recovery code: the data key wrapped under it, never the code. */
export interface RecoveryRecord {
  /** Names this code on screens and sheets without revealing it (8 hex digits). */
  readonly id: string;
  readonly createdAt: number;
  readonly key: WrappedDataKey;
}

export const RECOVERY_RECORD: Setting<RecoveryRecord | null> = {
  key: 'recovery.wrapped_data_key',
  fallback: null,
  valid: (value): value is RecoveryRecord | null => {
    if (value === null) return true;
    const v = value as Partial<RecoveryRecord>;
    return (
      typeof v === 'object' &&
      typeof v.id === 'string' &&
      Number.isInteger(v.createdAt) &&
      isWrappedDataKey(v.key)
    );
  },
};

export interface RecoveryStatus {
  readonly configured: boolean;
  readonly createdAt: number | null;
  readonly id: string | null;
}

export function recoveryStatus(db: Database.Database): RecoveryStatus {
  const record = readSetting(db, RECOVERY_RECORD);
  return record
    ? { configured: true, createdAt: record.createdAt, id: record.id }
    : { configured: false, createdAt: null, id: null };
}

export interface CreateRecoveryCodeInput {
  readonly dataKey: Buffer;
  /** A store that already has a code gets a new one only when asked to replace it. */
  readonly replace: boolean;
  readonly actor: string;
  readonly operatorId?: number | null;
  /** Tests pass a cheaper scrypt cost; the app uses the default. */
  readonly kdf?: Omit<KdfParams, 'salt'>;
}

/**
 * Makes a recovery code, wraps the data key under it and keeps the wrapped key in the ledger's
 * settings (so every backup carries it). The code is returned once, to be shown and printed, and
 * is kept nowhere. Replacing re-wraps the same data key: backups made before keep opening with
 * the old code, new ones need the new code. Audited, without the code.
 */
export async function createRecoveryCode(
  db: Database.Database,
  input: CreateRecoveryCodeInput,
  now: () => Date,
): Promise<{ code: string; status: RecoveryStatus }> {
  const before = readSetting(db, RECOVERY_RECORD);
  if (before && !input.replace) throw new RecoveryError('RECOVERY_CODE_EXISTS');
  const code = newRecoveryCode();
  const key = await wrapDataKey(input.dataKey, code, input.kdf);
  const record: RecoveryRecord = { id: randomBytes(4).toString('hex'), createdAt: now().getTime(), key };
  db.transaction(() => {
    // Read again inside the transaction: a second click may have made one meanwhile.
    const current = readSetting(db, RECOVERY_RECORD);
    if (current && !input.replace) throw new RecoveryError('RECOVERY_CODE_EXISTS');
    writeSetting(db, RECOVERY_RECORD, record, now());
    appendAudit(
      db,
      {
        actor: input.actor,
        operatorId: input.operatorId ?? null,
        action: current ? 'recovery.code_replaced' : 'recovery.code_created',
        subject: 'recovery',
        details: { id: record.id, replacedId: current?.id ?? null },
      },
      now,
    );
  })();
  return { code, status: recoveryStatus(db) };
}

/** Whether `code` is this store's current recovery code (for "type it back" checks). */
export async function checkRecoveryCode(db: Database.Database, code: string): Promise<boolean> {
  const record = readSetting(db, RECOVERY_RECORD);
  if (!record) return false;
  try {
    await unwrapDataKey(record.key, code);
    return true;
  } catch (error) {
    if (error instanceof RecoveryError && error.code === 'RECOVERY_CODE_WRONG') return false;
    throw error;
  }
}
