import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Dates without a time have two shapes in the code, and each has one name: `CalendarDate` is the
 * core's date-fns value that schedules count in, `YearMonthDay` the plain numbers card checks
 * compare. A second type of either name would make it mean two things again.
 */
const declaredIn: Record<string, string[]> = {
  CalendarDate: ['electron/core/schedule/local-date.ts'],
  YearMonthDay: ['shared/card/calendar.ts'],
};

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** `type X =`, `interface X {`, `class X`; not `import { type X }`, which only names it. */
const declaration = (name: string) =>
  new RegExp(`^\\s*(export\\s+)?(declare\\s+)?(type|interface|class)\\s+${name}\\b(?!\\s*[,}])`, 'm');

describe('one meaning per date type', () => {
  it('declares CalendarDate and YearMonthDay once each', async () => {
    const files = (await Promise.all(['shared', 'electron', 'renderer'].map(sources))).flat().sort();
    const found: Record<string, string[]> = Object.fromEntries(
      Object.keys(declaredIn).map((name) => [name, []]),
    );
    for (const file of files) {
      const text = await readFile(path.join(root, file), 'utf8');
      for (const name of Object.keys(declaredIn)) {
        if (declaration(name).test(text)) found[name]?.push(file);
      }
    }
    expect(found).toEqual(declaredIn);
  });
});
