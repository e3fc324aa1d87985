import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stampTime, zonedFileStamp } from '../../electron/core/ledger/database-files.ts';
import { backupLedger } from '../../electron/core/ledger/index.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();

describe('backup file names in the store time', () => {
  it('stamps an instant in a zone with its offset, and reads it back', () => {
    const at = new Date(Date.UTC(2025, 0, 31, 23, 59, 59, 123));
    expect(zonedFileStamp(at, 'Asia/Seoul')).toBe('2025-02-01T08-59-59-123+0900');
    expect(zonedFileStamp(at, 'America/New_York')).toBe('2025-01-31T18-59-59-123-0500');
    expect(zonedFileStamp(at, 'Asia/Kolkata')).toBe('2025-02-01T05-29-59-123+0530');
    expect(zonedFileStamp(at, 'UTC')).toBe('2025-01-31T23-59-59-123+0000');
    for (const stamp of [
      '2025-02-01T08-59-59-123+0900',
      '2025-01-31T18-59-59-123-0500',
      '2025-01-31T23-59-59-123Z',
    ]) {
      expect(stampTime(stamp)).toBe(at.getTime());
    }
    expect(stampTime('2025-01-31T23-59-59-123')).toBeUndefined();
  });

  it("names a backup in the store's zone and rotates by the instant a name holds, not its text", async () => {
    const ledger = await temp.ledger();
    const dir = await temp.dir();
    // 04:45Z, as an older version named it, and 04:30Z in Seoul time: by text the UTC one sorts
    // first, but the Seoul one is older and is the one rotation removes.
    await writeFile(path.join(dir, 'ledger-2025-02-01T04-45-00-000Z.sqlite'), '');
    await writeFile(path.join(dir, 'ledger-2025-02-01T13-30-00-000+0900.sqlite'), '');
    const { file, removed } = await backupLedger(ledger, dir, {
      keep: 2,
      now: () => new Date(Date.UTC(2025, 1, 1, 5)),
      timeZone: 'Asia/Seoul',
    });
    expect(path.basename(file)).toBe('ledger-2025-02-01T14-00-00-000+0900.sqlite');
    expect(removed).toEqual([path.join(dir, 'ledger-2025-02-01T13-30-00-000+0900.sqlite')]);
    expect((await readdir(dir)).sort()).toEqual([
      'ledger-2025-02-01T04-45-00-000Z.sqlite',
      'ledger-2025-02-01T14-00-00-000+0900.sqlite',
    ]);
  });
});
