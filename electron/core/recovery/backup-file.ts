import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, LedgerError } from '../ledger/index.ts';
import { isWrappedDataKey, unwrapDataKey, type WrappedDataKey } from './key-wrap.ts';
import { RecoveryError } from './recovery-error.ts';

/*
 * An encrypted backup file (design.md "Recovery"):
 *
 *   MAGIC (8) | header length (u32 BE) | header (JSON, UTF-8) | chunk*
 *   chunk = ciphertext length (u32 BE) | AES-256-GCM ciphertext | tag (16)
 *
 * The header holds the format version, when the backup was made, a fingerprint of the data key
 * (so this PC can tell its own backups from others'), the data key wrapped under the recovery
 * code with its KDF parameters, and the salt of this file's key. The body is the SQLite online
 * backup in chunks, each sealed with a key derived from the data key and that salt (HKDF), a
 * nonce made of its index, and associated data binding the header, the index and whether it is
 * the last chunk: a reordered, dropped, truncated or altered chunk, or a changed header, is
 * refused. Nothing of the ledger (no name, phone, amount or table name) is readable in the bytes.
 */

export const BACKUP_EXTENSION = '.apdbak';
const MAGIC = Buffer.from('APDSBAK\n', 'latin1');
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const FORMAT = 'autopay-desk-backup';
const VERSION = 1;
const CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 64 * 1024;

export interface BackupHeader {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  /** Epoch ms: the Toss catch-up after a restore looks from here on. */
  readonly createdAt: number;
  /** HMAC of the data key: equal fingerprints, equal keys. */
  readonly keyId: string;
  /** The data key under the recovery code, or null when the store had none yet. */
  readonly recovery: WrappedDataKey | null;
  /** base64, 16 bytes: makes this file's key its own. */
  readonly salt: string;
}

/** Fingerprint of a data key: safe to write in the clear, it cannot be turned back into the key. */
export function dataKeyId(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('autopay-desk data key id').digest('hex').slice(0, 32);
}

function fileKey(dataKey: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(salt, 'base64'), 'autopay-desk backup v1', 32));
}

function nonceOf(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function aadOf(headerDigest: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = last ? 1 : 0;
  return Buffer.concat([headerDigest, tail]);
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

export interface SealBackupInput {
  /** A self-contained SQLite file (the online backup); only read. */
  readonly plainFile: string;
  /** Where the encrypted file goes; an existing file is never replaced. */
  readonly target: string;
  readonly dataKey: Buffer;
  readonly recovery: WrappedDataKey | null;
  readonly createdAt: number;
}

/**
 * Encrypts `plainFile` into `target`, written under a hidden temporary name in the target's
 * folder, flushed, and renamed into place: a whole backup or none.
 */
export async function sealBackupFile(input: SealBackupInput): Promise<string> {
  const target = path.resolve(input.target);
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
  const header: BackupHeader = {
    format: FORMAT,
    version: VERSION,
    createdAt: input.createdAt,
    keyId: dataKeyId(input.dataKey),
    recovery: input.recovery,
    salt: randomBytes(16).toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]);
  const digest = createHash('sha256').update(prefix).digest();
  const key = fileKey(input.dataKey, header.salt);
  const size = (await stat(input.plainFile)).size;
  const chunks = Math.max(1, Math.ceil(size / CHUNK_BYTES));

  let source: FileHandle | undefined;
  let out: FileHandle | undefined;
  try {
    if (await exists(target)) throw new LedgerError('BACKUP_TARGET_EXISTS', targetExists(target));
    source = await open(input.plainFile, 'r');
    await mkdir(path.dirname(target), { recursive: true });
    out = await open(partial, 'wx');
    await out.write(prefix);
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let index = 0; index < chunks; index++) {
      const { bytesRead } = await source.read(buffer, 0, CHUNK_BYTES, index * CHUNK_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index), { authTagLength: TAG_BYTES });
      cipher.setAAD(aadOf(digest, index, index === chunks - 1));
      const sealed = Buffer.concat([
        cipher.update(buffer.subarray(0, bytesRead)),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      await out.write(Buffer.concat([u32(sealed.length), sealed]));
    }
    await out.sync();
    await out.close();
    out = undefined;
    await rename(partial, target);
    await fsyncDir(path.dirname(target));
    return target;
  } catch (error) {
    await out?.close().catch(() => {});
    await rm(partial, { force: true }).catch(() => {});
    throw error;
  } finally {
    await source?.close();
  }
}

function targetExists(target: string): string {
  return `같은 이름의 파일이 이미 있어 백업하지 않았습니다. 다른 파일 이름을 지정해 주세요. 장부는 그대로입니다: ${target}`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

interface ReadHeader {
  readonly header: BackupHeader;
  readonly bodyOffset: number;
  readonly digest: Buffer;
}

/** The header of a backup file, or why the file is not one this version opens. Reads only. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const handle = await openForReading(file);
  try {
    return (await readHeaderFrom(handle)).header;
  } finally {
    await handle.close();
  }
}

async function openForReading(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    throw new LedgerError('RESTORE_FAILED', `백업 파일을 열 수 없습니다: ${file}`, error);
  }
}

async function readHeaderFrom(handle: FileHandle): Promise<ReadHeader> {
  const start = Buffer.alloc(16);
  const { bytesRead } = await handle.read(start, 0, 16, 0);
  if (bytesRead === 16 && start.equals(SQLITE_MAGIC)) throw new RecoveryError('BACKUP_PLAIN_SQLITE');
  if (bytesRead < 12 || !start.subarray(0, 8).equals(MAGIC)) {
    // A file cut inside the magic is still recognisable as ours: it is damaged, not foreign.
    if (bytesRead > 0 && bytesRead < 8 && MAGIC.subarray(0, bytesRead).equals(start.subarray(0, bytesRead))) {
      throw new RecoveryError('BACKUP_DAMAGED');
    }
    throw new RecoveryError(
      bytesRead >= 8 && start.subarray(0, 8).equals(MAGIC) ? 'BACKUP_DAMAGED' : 'BACKUP_NOT_A_BACKUP',
    );
  }
  const length = start.readUInt32BE(8);
  if (length === 0 || length > MAX_HEADER_BYTES) throw new RecoveryError('BACKUP_DAMAGED');
  const headerBytes = Buffer.alloc(length);
  const read = await handle.read(headerBytes, 0, length, 12);
  if (read.bytesRead !== length) throw new RecoveryError('BACKUP_DAMAGED');
  let header: unknown;
  try {
    header = JSON.parse(headerBytes.toString('utf8'));
  } catch (error) {
    throw new RecoveryError('BACKUP_DAMAGED', error);
  }
  const h = header as Partial<BackupHeader> | null;
  if (typeof h !== 'object' || h === null || h.format !== FORMAT) throw new RecoveryError('BACKUP_DAMAGED');
  if (h.version !== VERSION) {
    throw new RecoveryError(
      typeof h.version === 'number' && h.version > VERSION ? 'BACKUP_UNSUPPORTED_VERSION' : 'BACKUP_DAMAGED',
    );
  }
  if (
    !Number.isInteger(h.createdAt) ||
    typeof h.keyId !== 'string' ||
    typeof h.salt !== 'string' ||
    !(h.recovery === null || isWrappedDataKey(h.recovery))
  ) {
    throw new RecoveryError('BACKUP_DAMAGED');
  }
  const prefix = Buffer.concat([MAGIC, u32(length), headerBytes]);
  return {
    header: h as BackupHeader,
    bodyOffset: prefix.length,
    digest: createHash('sha256').update(prefix).digest(),
  };
}

export interface OpenBackupKeys {
  /** This PC's data key, when the keychain has one. */
  readonly dataKey?: Buffer | undefined;
  /** The recovery code as typed, when the person gave one. */
  readonly code?: string | undefined;
}

export interface OpenedBackup {
  readonly header: BackupHeader;
  /** The data key that opened it: the store's key, to be kept in this PC's keychain on restore. */
  readonly dataKey: Buffer;
}

/**
 * Decrypts a backup into `plainOut` (a new file; removed again on any failure). The key comes
 * from this PC's keychain when the backup is this store's, or else from the recovery code; the
 * code is checked before anything is written. A truncated, reordered or altered file is refused
 * with BACKUP_DAMAGED.
 */
export async function openBackupFile(
  file: string,
  keys: OpenBackupKeys,
  plainOut: string,
): Promise<OpenedBackup> {
  const handle = await openForReading(file);
  try {
    const { header, bodyOffset, digest } = await readHeaderFrom(handle);
    const dataKey = await keyFor(header, keys);
    try {
      await decryptBody(handle, bodyOffset, digest, fileKey(dataKey, header.salt), plainOut);
    } catch (error) {
      await rm(plainOut, { force: true }).catch(() => {});
      throw error;
    }
    return { header, dataKey };
  } finally {
    await handle.close();
  }
}

async function keyFor(header: BackupHeader, keys: OpenBackupKeys): Promise<Buffer> {
  if (keys.dataKey && sameId(dataKeyId(keys.dataKey), header.keyId)) return keys.dataKey;
  if (keys.code === undefined) throw new RecoveryError('RECOVERY_CODE_NEEDED');
  // A backup made before the store had a code opens only with the keychain that made it.
  if (header.recovery === null) throw new RecoveryError('RECOVERY_CODE_WRONG');
  const key = await unwrapDataKey(header.recovery, keys.code);
  if (!sameId(dataKeyId(key), header.keyId)) throw new RecoveryError('BACKUP_DAMAGED');
  return key;
}

function sameId(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function decryptBody(
  handle: FileHandle,
  offset: number,
  digest: Buffer,
  key: Buffer,
  plainOut: string,
): Promise<void> {
  const size = (await handle.stat()).size;
  const out = await open(plainOut, 'wx');
  try {
    let position = offset;
    let index = 0;
    const lengthBytes = Buffer.alloc(4);
    for (;;) {
      if ((await handle.read(lengthBytes, 0, 4, position)).bytesRead !== 4)
        throw new RecoveryError('BACKUP_DAMAGED');
      const length = lengthBytes.readUInt32BE(0);
      if (length < TAG_BYTES || length > CHUNK_BYTES + TAG_BYTES) throw new RecoveryError('BACKUP_DAMAGED');
      const sealed = Buffer.alloc(length);
      if ((await handle.read(sealed, 0, length, position + 4)).bytesRead !== length) {
        throw new RecoveryError('BACKUP_DAMAGED');
      }
      position += 4 + length;
      const last = position === size;
      const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(index), { authTagLength: TAG_BYTES });
      decipher.setAAD(aadOf(digest, index, last));
      decipher.setAuthTag(sealed.subarray(length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(sealed.subarray(0, length - TAG_BYTES)), decipher.final()]);
      } catch (error) {
        throw new RecoveryError('BACKUP_DAMAGED', error);
      }
      await out.write(plain);
      if (last) break;
      index++;
    }
    await out.sync();
  } finally {
    await out.close();
  }
}
