import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Each ledger table has one home: the modules allowed to hold SQL that names it. Everything else
 * calls the home's named functions, so a change to a table's shape has one place to go. The schema
 * and migrations name every table and are left out.
 */
const homes: Record<string, string[]> = {
  charge_attempts: [
    'electron/core/billing/period-rows.ts',
    'electron/core/ledger/attempts.ts',
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/month-totals.ts',
    'electron/core/ledger/refunds.ts',
    'electron/core/ledger/review-queue.ts',
    'electron/core/ledger/toss-unmatched.ts',
    'electron/core/recovery/toss-catch-up.ts',
    'electron/core/schedule/dunning.ts',
  ],
  refunds: [
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/month-totals.ts',
    'electron/core/ledger/refunds.ts',
  ],
  toss_unmatched: ['electron/core/ledger/toss-unmatched.ts'],
  subscription_periods: [
    'electron/core/billing/period-rows.ts',
    'electron/core/ledger/due-periods.ts',
    'electron/core/recovery/toss-catch-up.ts',
    'electron/core/schedule/catch-up.ts',
    'electron/core/schedule/consents.ts',
    'electron/core/schedule/due-now.ts',
    'electron/core/schedule/dunning.ts',
    'electron/core/schedule/lifecycle-rows.ts',
    'electron/core/schedule/materialize.ts',
    'electron/core/schedule/runner.ts',
    'electron/core/schedule/upcoming.ts',
  ],
  subscriptions: [
    'electron/core/billing/period-rows.ts',
    'electron/core/desk/dashboard.ts',
    'electron/core/recovery/toss-catch-up.ts',
    'electron/core/schedule/catch-up.ts',
    'electron/core/schedule/consents.ts',
    'electron/core/schedule/due-now.ts',
    'electron/core/schedule/dunning.ts',
    'electron/core/schedule/materialize.ts',
    'electron/core/schedule/plans.ts',
    'electron/core/schedule/store-time.ts',
    'electron/core/schedule/subscriptions.ts',
    'electron/core/schedule/upcoming.ts',
  ],
  plans: ['electron/core/schedule/plan-rows.ts', 'electron/core/schedule/plans.ts'],
  consents: [
    'electron/core/schedule/consent-periods.ts',
    'electron/core/schedule/consent-rows.ts',
    'electron/core/schedule/consents.ts',
    'electron/core/schedule/upcoming.ts',
  ],
  price_changes: [
    'electron/core/schedule/consent-periods.ts',
    'electron/core/schedule/consents.ts',
    'electron/core/schedule/materialize.ts',
    'electron/core/schedule/plans.ts',
    'electron/core/schedule/price-changes.ts',
    'electron/core/schedule/upcoming.ts',
  ],
  members: [
    'electron/core/billing/member-rows.ts',
    'electron/core/billing/members.ts',
    'electron/core/billing/period-rows.ts',
    'electron/core/billing/sealed-keys.ts',
    'electron/core/desk/member-labels.ts',
    'electron/core/ledger/attempts.ts',
    'electron/core/ledger/charge-log.ts',
    'electron/core/ledger/review-queue.ts',
    'electron/core/recovery/restore-backup.ts',
    'electron/core/recovery/toss-catch-up.ts',
    'electron/core/schedule/catch-up.ts',
    'electron/core/schedule/consents.ts',
    'electron/core/schedule/due-now.ts',
    'electron/core/schedule/upcoming.ts',
  ],
  cards: [
    'electron/core/billing/card-rows.ts',
    'electron/core/billing/cards.ts',
    'electron/core/billing/period-rows.ts',
    'electron/core/billing/sealed-keys.ts',
    'electron/core/ledger/attempts.ts',
    'electron/core/ledger/charge-log.ts',
    'electron/core/recovery/toss-catch-up.ts',
    'electron/core/schedule/due-now.ts',
    'electron/core/schedule/dunning.ts',
    'electron/core/schedule/upcoming.ts',
  ],
  audit_log: [
    'electron/core/audit/append-audit.ts',
    'electron/core/audit/audit-chain.ts',
    'electron/core/audit/audit-page.ts',
    'electron/core/audit/verify-audit.ts',
    'electron/core/schedule/lifecycle-rows.ts',
  ],
  audit_chain: ['electron/core/audit/audit-chain.ts', 'electron/core/audit/chain-key.ts'],
  settings: ['electron/core/ledger/settings.ts', 'electron/core/schedule/consent-terms.ts'],
  operators: [
    'electron/core/billing/audit.ts',
    'electron/core/billing/system-operator.ts',
    'electron/core/recovery/restore-backup.ts',
    'electron/core/schedule/consents.ts',
    'electron/core/settings/store-settings.ts',
    'electron/core/staff/charge-gate.ts',
    'electron/core/staff/charge-limits.ts',
    'electron/core/staff/operators.ts',
    'electron/core/staff/pin-keying.ts',
  ],
};

/** Where the schema is written: every table is named there by design. */
const SCHEMA_FILES = new Set([
  'electron/core/audit/audit-schema.ts',
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
