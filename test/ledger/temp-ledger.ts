import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Ledger, type OpenLedgerOptions, openLedger } from '../../electron/core/ledger/index.ts';

export interface TempLedgers {
  /** A fresh empty folder, deleted after the test. */
  dir(): Promise<string>;
  /** A new ledger file in a fresh folder, closed after the test. */
  ledger(options?: OpenLedgerOptions): Promise<Ledger>;
  /** Opens `file` and closes it after the test (closing it earlier is fine too). */
  open(file: string, options?: OpenLedgerOptions): Ledger;
}

/** Real ledger files in temporary folders, cleaned up after each test of the file. */
export function tempLedgers(): TempLedgers {
  const dirs: string[] = [];
  const ledgers: Ledger[] = [];
  afterEach(async () => {
    for (const ledger of ledgers.splice(0)) ledger.close();
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const temp: TempLedgers = {
    async dir() {
      const dir = await mkdtemp(path.join(tmpdir(), 'autopay-ledger-'));
      dirs.push(dir);
      return dir;
    },
    async ledger(options) {
      return temp.open(path.join(await temp.dir(), 'ledger.sqlite'), options);
    },
    open(file, options) {
      const ledger = openLedger(file, options);
      ledgers.push(ledger);
      return ledger;
    },
  };
  return temp;
}
