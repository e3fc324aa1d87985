import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const biome = path.join(root, 'node_modules/.bin/biome');

/**
 * The layer rules of design.md, checked by running the project's real Biome config over probe
 * files laid out like the repository: each forbidden import must be reported, each allowed one not.
 */
const probes: { file: string; source: string; forbidden: boolean }[] = [
  { file: 'shared/a.ts', source: "import fs from 'node:fs';", forbidden: true },
  { file: 'shared/b.ts', source: "import { app } from 'electron';", forbidden: true },
  { file: 'shared/c.ts', source: "import React from 'react';", forbidden: true },
  { file: 'shared/d.ts', source: "import { request } from 'undici';", forbidden: true },
  { file: 'shared/e.ts', source: "import { x } from '../electron/core/toss/x.ts';", forbidden: true },
  { file: 'shared/f.ts', source: "import { x } from '../renderer/x.ts';", forbidden: true },
  {
    file: 'shared/ok.ts',
    source: "import { z } from 'zod';\nimport { y } from './card/y.ts';",
    forbidden: false,
  },
  { file: 'electron/core/a.ts', source: "import { app } from 'electron';", forbidden: true },
  { file: 'electron/core/b.ts', source: "import { ipcMain } from 'electron/main';", forbidden: true },
  { file: 'electron/core/toss/c.ts', source: "import { x } from '../../../renderer/x.ts';", forbidden: true },
  {
    file: 'electron/core/toss/ok.ts',
    source:
      "import fs from 'node:fs';\nimport { request } from 'undici';\nimport { y } from '../../../shared/card/y.ts';",
    forbidden: false,
  },
  { file: 'electron/sandbox/a.ts', source: "import { app } from 'electron';", forbidden: true },
  { file: 'electron/sandbox/b.ts', source: "import { c } from '../core/toss/c.ts';", forbidden: true },
  { file: 'electron/sandbox/c.ts', source: "import { s } from '../../shared/card/s.ts';", forbidden: true },
  {
    file: 'electron/sandbox/ok.ts',
    source: "import http from 'node:http';\nimport { t } from './t.ts';",
    forbidden: false,
  },
  { file: 'electron/cli/a.ts', source: "import { app } from 'electron';", forbidden: true },
  { file: 'renderer/a.ts', source: "import fs from 'node:fs';", forbidden: true },
  { file: 'renderer/b.ts', source: "import { app } from 'electron';", forbidden: true },
  { file: 'renderer/c.ts', source: "import { ipcRenderer } from 'electron/renderer';", forbidden: true },
  { file: 'renderer/d.ts', source: "import { x } from '../electron/core/toss/x.ts';", forbidden: true },
  { file: 'renderer/e.ts', source: "import Database from 'better-sqlite3';", forbidden: true },
  {
    file: 'renderer/ok.ts',
    source: "import React from 'react';\nimport { y } from '../shared/card/y.ts';",
    forbidden: false,
  },
  { file: 'electron/shell-ok.ts', source: "import { app } from 'electron';", forbidden: false },
  // Each core folder's surface is its index.ts: another folder's files are its own business.
  { file: 'electron/core/schedule/a.ts', source: "import { x } from '../billing/x.ts';", forbidden: true },
  { file: 'electron/core/schedule/b.ts', source: "export { x } from '../billing/x.ts';", forbidden: true },
  { file: 'electron/core/staff/a.ts', source: "import type { X } from '../billing/x.ts';", forbidden: true },
  {
    file: 'electron/core/schedule/ok.ts',
    source:
      "import { x } from '../billing/index.ts';\nimport { y } from './y.ts';\nimport { p } from '../app-paths.ts';\nimport { s } from '../../../shared/card/s.ts';",
    forbidden: false,
  },
  { file: 'electron/core/top.ts', source: "import { x } from './billing/x.ts';", forbidden: true },
  {
    file: 'electron/core/top-ok.ts',
    source: "import { x } from './billing/index.ts';\nimport { s } from '../../shared/card/s.ts';",
    forbidden: false,
  },
  { file: 'electron/cli/b.ts', source: "import { x } from '../core/billing/x.ts';", forbidden: true },
  {
    file: 'electron/cli/commands/c.ts',
    source: "import { x } from '../../core/staff/x.ts';",
    forbidden: true,
  },
  {
    file: 'electron/cli/ok.ts',
    source: "import { x } from '../core/billing/index.ts';\nimport { p } from '../core/app-paths.ts';",
    forbidden: false,
  },
  { file: 'electron/main-internal.ts', source: "import { x } from './core/desk/x.ts';", forbidden: true },
  { file: 'electron/shell/a.ts', source: "import { x } from '../core/desk/x.ts';", forbidden: true },
  {
    file: 'electron/shell/ok.ts',
    source: "import { app } from 'electron';\nimport { x } from '../core/desk/index.ts';",
    forbidden: false,
  },
  { file: 'bench/a.ts', source: "import { x } from '../electron/core/ledger/x.ts';", forbidden: true },
  { file: 'bench/ok.ts', source: "import { x } from '../electron/core/ledger/index.ts';", forbidden: false },
  // The core never reaches up into what runs it: the shell, the CLI or the emulator.
  { file: 'electron/core/desk/a.ts', source: "import { m } from '../../main.ts';", forbidden: true },
  { file: 'electron/core/desk/b.ts', source: "import { w } from '../../shell/window.ts';", forbidden: true },
  { file: 'electron/core/desk/c.ts', source: "import { x } from '../../cli/x.ts';", forbidden: true },
  { file: 'electron/core/desk/d.ts', source: "import { s } from '../../sandbox/index.ts';", forbidden: true },
  { file: 'electron/core/e.ts', source: "import { s } from '../sandbox/index.ts';", forbidden: true },
  // No import cycles anywhere (type-only imports count too): both ends of one are reported.
  { file: 'electron/core/cycle/a.ts', source: "import { b } from './b.ts';", forbidden: true },
  { file: 'electron/core/cycle/b.ts', source: "import { a } from './a.ts';", forbidden: true },
  { file: 'electron/core/cycle/ok.ts', source: "import { a } from './a.ts';", forbidden: false },
];

let workdir = '';
let flagged = new Set<string>();

beforeAll(async () => {
  workdir = await mkdtemp(path.join(tmpdir(), 'autopay-lint-'));
  const config = JSON.parse(await readFile(path.join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  await writeFile(path.join(workdir, 'biome.json'), JSON.stringify(config));
  for (const probe of probes) {
    const target = path.join(workdir, probe.file);
    await mkdir(path.dirname(target), { recursive: true });
    const names = [...probe.source.matchAll(/import (?:\{ )?(\w+)/g)].map((m) => m[1]);
    await writeFile(target, `${probe.source}\n\nexport const used = [${names.join(', ')}];\n`);
  }
  const { stdout } = await run(biome, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: workdir,
  }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  const report = JSON.parse(stdout) as { diagnostics: { category: string; location: { path: string } }[] };
  flagged = new Set(
    report.diagnostics
      .filter(
        (d) =>
          d.category === 'lint/style/noRestrictedImports' ||
          d.category === 'lint/correctness/noNodejsModules' ||
          d.category === 'lint/suspicious/noImportCycles',
      )
      .map((d) => d.location.path),
  );
});

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

describe('layer import rules and no import cycles', () => {
  it.each(probes)('$file: "$source" forbidden=$forbidden', ({ file, forbidden }) => {
    expect(flagged.has(file)).toBe(forbidden);
  });
});
