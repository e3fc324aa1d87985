import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError, ledgerMigrations, restoreLedger } from '../../electron/core/ledger/index.ts';
import { tempLedgers } from './temp-ledger.ts';

const temp = tempLedgers();
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Another process (as the CLI would be) holding the ledger; resolves once it has it. */
async function holdInChild(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'hold-ledger.ts'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  expect(line).toBe('ready');
  return child;
}

function inUse(file: string) {
  return new LedgerError(
    'LEDGER_IN_USE',
    `다른 창이나 CLI가 이 장부를 사용하고 있습니다. 그쪽을 닫은 뒤 다시 시도해 주세요: ${file}`,
  );
}

describe('one writer per ledger', () => {
  it('refuses a ledger another live process holds, at once', async () => {
    const file = path.join(await temp.dir(), 'ledger.sqlite');
    await holdInChild(file);
    expect(() => temp.open(file)).toThrow(inUse(file));
    expect(() => temp.open(file)).toThrow(expect.objectContaining({ code: 'LEDGER_IN_USE' }));
    await expect(
      restoreLedger(path.join(path.dirname(file), 'any.sqlite'), file, { now: () => new Date() }),
    ).rejects.toThrow(inUse(file));
  });

  it('is free again once the holder is killed with SIGKILL, with its committed data intact', async () => {
    const file = path.join(await temp.dir(), 'ledger.sqlite');
    const child = await holdInChild(file);
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    expect(await exited).toEqual([null, 'SIGKILL']);
    const ledger = temp.open(file);
    expect(ledger.db.prepare("SELECT value FROM settings WHERE key = 'held.by'").pluck().get()).toBe(
      String(child.pid),
    );
  });

  it('refuses a second open in the same process, and allows it after close', async () => {
    const first = await temp.ledger();
    expect(() => temp.open(first.path)).toThrow(inUse(first.path));
    first.close();
    expect(temp.open(first.path).schemaVersion).toBe(ledgerMigrations.length);
  });
});
