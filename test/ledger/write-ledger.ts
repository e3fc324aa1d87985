import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { appendAudit } from '../../electron/core/audit/index.ts';
import { applyDurability } from '../../electron/core/ledger/durability.ts';
import { done, rowInserts } from './rows.ts';

/**
 * Child process for the backup tests: a second connection writing to the ledger until SIGTERM.
 * Each transaction records a charge and its audit row together, so a consistent copy has as
 * many of one as of the other. Prints "ready" once writing, and the number of charges at the end.
 */
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: write-ledger.ts <ledger file>');
const db = new Database(file);
applyDurability(db, 5_000);
const rows = rowInserts(db);
const member = rows.member({ name: '동시 기록' });
const card = rows.card(member);
const record = db.transaction(() => {
  const charge = rows.charge(member, card, done(1_000));
  appendAudit(
    db,
    { actor: 'writer', action: 'charge.done', subject: `charge_attempt:${charge}`, details: {} },
    () => new Date(),
  );
});
let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
let written = 0;
while (!stopping) {
  record();
  written++;
  if (written === 20) process.stdout.write('ready\n');
  await sleep(2);
}
db.close();
process.stdout.write(`${written}\n`);
