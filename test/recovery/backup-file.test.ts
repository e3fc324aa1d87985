import { randomBytes } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openBackupFile,
  readBackupHeader,
  sealBackupFile,
} from '../../electron/core/recovery/backup-file.ts';
import {
  formatRecoveryCode,
  newRecoveryCode,
  normalizeRecoveryCode,
  RecoveryError,
} from '../../electron/core/recovery/index.ts';
import { unwrapDataKey, wrapDataKey } from '../../electron/core/recovery/key-wrap.ts';

const MiB = 1024 * 1024;
// A cheaper scrypt: these tests are about the format, not the KDF's cost.
const FAST = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } as const;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'autopay-backup-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

async function expectRefusal(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RecoveryError);
  expect((error as RecoveryError).code).toBe(code);
}

/** A 2.5 MiB "ledger" sealed into three chunks, with its data key and recovery code. */
async function sealed() {
  const plain = randomBytes(2.5 * MiB);
  const plainFile = path.join(dir, 'plain.bin');
  await writeFile(plainFile, plain);
  const dataKey = randomBytes(32);
  const code = newRecoveryCode();
  const file = await sealBackupFile({
    plainFile,
    target: path.join(dir, 'out', 'b.apdbak'),
    dataKey,
    recovery: await wrapDataKey(dataKey, code, FAST),
    createdAt: 1_700_000_000_000,
  });
  return { plain, file, dataKey, code, out: path.join(dir, 'opened.bin') };
}

/** The offsets of each chunk (length prefix included) after the header. */
function chunks(bytes: Buffer): { start: number; end: number }[] {
  let at = 12 + bytes.readUInt32BE(8);
  const found: { start: number; end: number }[] = [];
  while (at < bytes.length) {
    const end = at + 4 + bytes.readUInt32BE(at);
    found.push({ start: at, end });
    at = end;
  }
  return found;
}

describe('recovery codes', () => {
  it('are 25 symbols without look-alikes in five groups, read back however they are typed', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}(-[2-9A-HJKMNP-Z]{5}){4}$/);
    const bare = code.replaceAll('-', '');
    expect(
      normalizeRecoveryCode(
        ` ${bare
          .toLowerCase()
          .match(/.{1,5}/g)
          ?.join(' ')}\n`,
      ),
    ).toBe(bare);
    expect(formatRecoveryCode(bare)).toBe(code);
    for (const bad of ['', bare.slice(1), `${bare.slice(1)}0`, `${bare.slice(1)}O`, `${bare.slice(1)}1`]) {
      expect(() => normalizeRecoveryCode(bad)).toThrow(RecoveryError);
    }
  });

  it('wrap the data key so that only the same code unwraps it', async () => {
    const dataKey = randomBytes(32);
    const code = newRecoveryCode();
    const record = await wrapDataKey(dataKey, code, FAST);
    expect(JSON.stringify(record)).not.toContain(code.replaceAll('-', ''));
    expect(await unwrapDataKey(record, code.toLowerCase())).toEqual(dataKey);
    await expectRefusal(unwrapDataKey(record, newRecoveryCode()), 'RECOVERY_CODE_WRONG');
  });
});

describe('the encrypted backup file', () => {
  it('opens with the data key or with the recovery code, chunk by chunk, to the same bytes', async () => {
    const { plain, file, dataKey, code, out } = await sealed();
    const bytes = await readFile(file);
    expect(chunks(bytes)).toHaveLength(3);
    expect(bytes.includes(plain.subarray(0, 64))).toBe(false);
    expect((await readBackupHeader(file)).createdAt).toBe(1_700_000_000_000);
    expect((await openBackupFile(file, { dataKey }, out)).dataKey).toEqual(dataKey);
    expect(await readFile(out)).toEqual(plain);
    await rm(out);
    // Another PC: a different key in its keychain, and the code.
    const other = await openBackupFile(file, { dataKey: randomBytes(32), code }, out);
    expect(other.dataKey).toEqual(dataKey);
    expect(await readFile(out)).toEqual(plain);
  });

  it.each([
    ['cut at a chunk boundary', (bytes: Buffer) => bytes.subarray(0, chunks(bytes)[1]?.end)],
    ['cut inside a chunk', (bytes: Buffer) => bytes.subarray(0, bytes.length - 7)],
    [
      'with two chunks swapped',
      (bytes: Buffer) => {
        const [first, second, third] = chunks(bytes) as [
          { start: number; end: number },
          { start: number; end: number },
          { start: number; end: number },
        ];
        return Buffer.concat([
          bytes.subarray(0, first.start),
          bytes.subarray(second.start, second.end),
          bytes.subarray(first.start, first.end),
          bytes.subarray(third.start),
        ]);
      },
    ],
    ['with bytes appended', (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc(20)])],
    [
      'with its header changed',
      (bytes: Buffer) => {
        const copy = Buffer.from(bytes);
        const at = copy.indexOf('1700000000000');
        copy[at] = '2'.charCodeAt(0);
        return copy;
      },
    ],
  ])('is refused %s, leaving nothing behind', async (_name, damage) => {
    const { file, dataKey, out } = await sealed();
    const damaged = path.join(dir, 'damaged.apdbak');
    await writeFile(damaged, damage(await readFile(file)));
    await expectRefusal(openBackupFile(damaged, { dataKey }, out), 'BACKUP_DAMAGED');
    expect(await exists(out)).toBe(false);
  });

  it('asks for the code on a PC whose key is not the store’s, and refuses a wrong one before writing', async () => {
    const { file, out } = await sealed();
    await expectRefusal(openBackupFile(file, { dataKey: randomBytes(32) }, out), 'RECOVERY_CODE_NEEDED');
    await expectRefusal(openBackupFile(file, { code: newRecoveryCode() }, out), 'RECOVERY_CODE_WRONG');
    expect(await exists(out)).toBe(false);
  });

  it('opens a backup made before the store had a code only with the key that made it', async () => {
    const plainFile = path.join(dir, 'plain.bin');
    await writeFile(plainFile, 'ledger');
    const dataKey = randomBytes(32);
    const file = await sealBackupFile({
      plainFile,
      target: path.join(dir, 'n.apdbak'),
      dataKey,
      recovery: null,
      createdAt: 1,
    });
    await expectRefusal(
      openBackupFile(file, { code: newRecoveryCode() }, path.join(dir, 'x')),
      'RECOVERY_CODE_WRONG',
    );
    await openBackupFile(file, { dataKey }, path.join(dir, 'y'));
    expect(await readFile(path.join(dir, 'y'), 'utf8')).toBe('ledger');
  });

  it('tells a plain SQLite file, a foreign file and an empty one apart', async () => {
    const sqlite = path.join(dir, 'ledger.sqlite');
    await writeFile(sqlite, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    await expectRefusal(readBackupHeader(sqlite), 'BACKUP_PLAIN_SQLITE');
    const text = path.join(dir, 'notes.txt');
    await writeFile(text, 'just some notes about the store');
    await expectRefusal(readBackupHeader(text), 'BACKUP_NOT_A_BACKUP');
    const empty = path.join(dir, 'empty.apdbak');
    await writeFile(empty, '');
    await expectRefusal(readBackupHeader(empty), 'BACKUP_NOT_A_BACKUP');
    const cut = path.join(dir, 'cut.apdbak');
    await writeFile(cut, 'APDS');
    await expectRefusal(readBackupHeader(cut), 'BACKUP_DAMAGED');
  });
});
