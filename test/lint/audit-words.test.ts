import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

const SUBJECTS =
  'charge|refund|card|member|plan|subscription|catch_up|operator|ledger|settings|recovery|consent';
const LITERAL = new RegExp(`'((?:${SUBJECTS})\\.[a-z_]+)'`, 'g');
/** Settings keys share the look of action names; they are never audit actions on their own. */
const SETTING_KEY = /\bkey: '([a-z_]+\.[a-z_]+)'/g;
/** File names such as ledger.sqlite. */
const FILE_NAME = /\.(sqlite|csv|json)$/;
/** Actions the core builds from a name and a part, not written out whole. */
const BUILT = [
  'operator.sign_in_failed',
  'operator.approval_pin_failed',
  'consent.subscription',
  'consent.price-increase',
  'consent.trial-conversion',
  'consent.withdrawal',
  // Both a settings key and the action the restore's catch-up with Toss writes.
  'recovery.toss_catch_up',
];

/**
 * The audit log speaks to people: every action the core writes has a name in words on the audit
 * screen (an unknown one shows as written, so a new one would slip in as a raw key). The words are
 * read from the screen's table as text: the renderer's modules do not load under the Node tests.
 */
it('names every audit action the core writes, in Korean', () => {
  const files = execFileSync('git', ['ls-files', 'electron'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('.ts'));
  const code = files.map((file) =>
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n'),
  );
  const settingKeys = new Set(code.flatMap((text) => [...text.matchAll(SETTING_KEY)].map((m) => m[1])));
  const actions = new Set([
    ...code.flatMap((text) => [...text.matchAll(LITERAL)].map((m) => m[1] as string)),
    ...BUILT,
  ]);
  const words = readFileSync(path.join(root, 'renderer/screens/audit/audit-words.ts'), 'utf8');
  const named = new Set([...words.matchAll(/^ {2}'([^']+)': \[/gm)].map((m) => m[1]));
  const unnamed = [...actions]
    .filter((action) => (!settingKeys.has(action) || BUILT.includes(action)) && !FILE_NAME.test(action))
    .filter((action) => !named.has(action))
    .sort();
  expect(unnamed).toEqual([]);
});
