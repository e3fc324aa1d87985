import { openLedger } from '../../electron/core/ledger/index.ts';

/**
 * Child process for the writer-lock tests: opens the ledger named on the command line, commits a
 * row, says "ready" and holds the ledger until it is killed.
 */
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: hold-ledger.ts <ledger file>');
const ledger = openLedger(file);
ledger.db
  .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('held.by', ?, ?)")
  .run(JSON.stringify(process.pid), Date.now());
process.stdout.write('ready\n');
// The timer keeps the ledger reachable: a module's top-level binding that no closure uses can be
// collected, and collecting the lock's connection closes its file, which drops the OS lock.
setInterval(() => ledger.db.open, 60_000);
