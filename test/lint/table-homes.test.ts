import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Each ledger table has one home: the modules allowed to hold SQL that names it. Everything else
 * calls the home's named functions, so a change to a table's shape has one place to go. A query
 * that joins several tables lives in the home of the table it is about (due periods with their
 * member's card are a periods query), and the screens' read models (charge log, month totals,
 * review queue, member labels) are queries in ledger/ beside the homes. The schema and migrations
 * name every table and are left out.
 */
const homes: Record<string, string[]> = {
  charge_attempts: [
    'electron/core/ledger/attempts.ts',
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/failed-periods.ts',
    'electron/core/ledger/month-totals.ts',
    'electron/core/ledger/periods.ts',
    'electron/core/ledger/refunds.ts',
    'electron/core/ledger/review-queue.ts',
    'electron/core/ledger/toss-unmatched.ts',
  ],
  refunds: [
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/month-totals.ts',
    'electron/core/ledger/refunds.ts',
  ],
  toss_unmatched: ['electron/core/ledger/toss-unmatched.ts'],
  subscription_periods: [
    'electron/core/ledger/due-periods.ts',
    'electron/core/ledger/failed-periods.ts',
    'electron/core/ledger/periods.ts',
    'electron/core/ledger/subscriptions.ts',
  ],
  subscriptions: [
    'electron/core/ledger/consents.ts',
    'electron/core/ledger/failed-periods.ts',
    'electron/core/ledger/periods.ts',
    'electron/core/ledger/subscriptions.ts',
  ],
  plans: ['electron/core/ledger/plans.ts'],
  consents: ['electron/core/ledger/consents.ts', 'electron/core/ledger/subscriptions.ts'],
  price_changes: ['electron/core/ledger/consents.ts', 'electron/core/ledger/subscriptions.ts'],
  members: [
    'electron/core/ledger/attempts.ts',
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/consents.ts',
    'electron/core/ledger/member-labels.ts',
    'electron/core/ledger/members.ts',
    'electron/core/ledger/periods.ts',
    'electron/core/ledger/review-queue.ts',
    'electron/core/ledger/subscriptions.ts',
  ],
  cards: [
    'electron/core/ledger/attempts.ts',
    'electron/core/ledger/cards.ts',
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/failed-periods.ts',
    'electron/core/ledger/members.ts',
    'electron/core/ledger/periods.ts',
    'electron/core/ledger/subscriptions.ts',
  ],
  audit_log: ['electron/core/audit/audit-rows.ts'],
  audit_chain: ['electron/core/audit/audit-rows.ts'],
  settings: ['electron/core/ledger/settings.ts'],
  operators: ['electron/core/ledger/consents.ts', 'electron/core/ledger/operators.ts'],
};

/** Where the schema is written: every table is named there by design. */
const SCHEMA_FILES = new Set([
  'electron/core/ledger/audit-schema.ts',
  'electron/core/ledger/consent-schema.ts',
  'electron/core/ledger/migrations.ts',
  'electron/core/ledger/next-due-schema.ts',
  'electron/core/ledger/schema-v1.ts',
]);

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !SCHEMA_FILES.has(file))
    .sort();
}

/** The files whose SQL reads or writes `table`. */
function filesNaming(table: string, sources: Map<string, string>): string[] {
  const sql = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE)\\s+${table}\\b`);
  return [...sources].filter(([, text]) => sql.test(text)).map(([file]) => file);
}

const sources = new Map<string, string>();
for (const file of await sourceFiles('electron'))
  sources.set(file, await readFile(path.join(root, file), 'utf8'));

describe('one home per ledger table', () => {
  it.each(Object.entries(homes))('SQL naming %s lives only in its home', (table, allowed) => {
    expect(filesNaming(table, sources)).toEqual([...allowed].sort());
  });

  it('statements are prepared one way, through the cached statement() of the ledger', () => {
    const preparing = [...sources]
      .filter(([file, text]) => file !== 'electron/core/ledger/statement.ts' && /\.prepare\(/.test(text))
      .map(([file]) => file);
    expect(preparing).toEqual([]);
  });

  it('the check sees SQL: a probe naming a table is found', () => {
    const probe = new Map([['probe.ts', 'db.prepare(`SELECT id FROM refunds WHERE 1`)']]);
    expect(filesNaming('refunds', probe)).toEqual(['probe.ts']);
    expect(filesNaming('refund', probe)).toEqual([]);
  });

  it('every table the schema creates has a home', async () => {
    const schema = (
      await Promise.all([...SCHEMA_FILES].map((file) => readFile(path.join(root, file), 'utf8')))
    ).join('\n');
    const created = [...schema.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1]);
    expect(new Set(created)).toEqual(new Set(Object.keys(homes)));
  });
});
