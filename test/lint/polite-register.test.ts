import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * One polite register in what the app says (issue: "…해 주세요", not "…하세요"). A request ends in
 * '주세요'; '마세요' (하지 마세요) is the polite negative and stays. Toss's own messages, which the
 * emulator copies byte for byte, are not the app's words and are left out. The shell's dialogs and
 * the renderer's catalogs (ko.ts, the error-code wording) say the app's words too.
 */
it('asks in one polite register: …해 주세요', () => {
  const files = execFileSync(
    'git',
    ['ls-files', 'electron/core', 'electron/cli', 'electron/shell', 'shared', 'renderer/i18n'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter((file) => /\.tsx?$/.test(file));
  const found = files.flatMap((file) =>
    [...readFileSync(path.join(root, file), 'utf8').matchAll(/[\uAC00-\uD7A3]+세요/g)]
      .map((match) => match[0])
      .filter((word) => !word.endsWith('주세요') && !word.endsWith('마세요'))
      .map((word) => `${file}: ${word}`),
  );
  expect(found).toEqual([]);
});
