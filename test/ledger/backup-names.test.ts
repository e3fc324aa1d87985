import { describe, expect, it } from 'vitest';
import {
  stampedFileName,
  stampedFiles,
  stampTime,
  zonedFileStamp,
} from '../../electron/core/ledger/database-files.ts';

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

  it("orders a folder's backups by the instant each name holds, not its text, and skips strangers", () => {
    // 04:45Z, as an older version named it, and 04:30Z in Seoul time: by text the UTC one sorts
    // first, but the Seoul one is older.
    const names = [
      'ledger-2025-02-01T14-00-00-000+0900.apdbak',
      'ledger-2025-02-01T04-45-00-000Z.apdbak',
      'ledger-2025-02-01T13-30-00-000+0900.apdbak',
      'ledger-2025-02-01T13-30-00-000.apdbak',
      'other-2025-01-01T00-00-00-000Z.apdbak',
      'ledger-2025-01-01T00-00-00-000Z.sqlite',
      'memo.txt',
    ];
    expect(stampedFiles(names, 'ledger-', '.apdbak')).toEqual([
      { name: 'ledger-2025-02-01T13-30-00-000+0900.apdbak', at: Date.UTC(2025, 1, 1, 4, 30) },
      { name: 'ledger-2025-02-01T04-45-00-000Z.apdbak', at: Date.UTC(2025, 1, 1, 4, 45) },
      { name: 'ledger-2025-02-01T14-00-00-000+0900.apdbak', at: Date.UTC(2025, 1, 1, 5) },
    ]);
    expect(stampedFileName('ledger-', new Date(Date.UTC(2025, 1, 1, 5)), 'Asia/Seoul', '.apdbak')).toBe(
      'ledger-2025-02-01T14-00-00-000+0900.apdbak',
    );
  });
});
