import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCardByWindow, usableTossClientKey } from '../../electron/core/billing/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import {
  createDeskOpener,
  readTrainingFlag,
  TRAINING_CLIENT_KEY,
  trainingDataDir,
  writeTrainingFlag,
} from '../../electron/shell/desk-opener.ts';
import { submitSandboxWindow } from '../support/sandbox-window.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function opener() {
  const baseDir = await mkdtemp(path.join(tmpdir(), 'autopay-opener-'));
  cleanups.push(() => rm(baseDir, { recursive: true, force: true }));
  const made = createDeskOpener({
    baseDir,
    secretStore: createMemorySecretStore(),
    now: () => new Date(),
    log: createLogger({ sink: () => undefined, now: () => new Date(), level: 'error' }),
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  cleanups.push(() => made.close());
  return { baseDir, made };
}

it('remembers training mode in the data folder, and reads anything unreadable as off', async () => {
  const baseDir = await mkdtemp(path.join(tmpdir(), 'autopay-flag-'));
  cleanups.push(() => rm(baseDir, { recursive: true, force: true }));
  expect(readTrainingFlag(baseDir)).toBe(false);
  writeTrainingFlag(baseDir, true);
  expect(readTrainingFlag(baseDir)).toBe(true);
  writeTrainingFlag(baseDir, false);
  expect(readTrainingFlag(baseDir)).toBe(false);
});

describe('opening the store data or training data', () => {
  it('opens training in its own folder against the emulator, with a test key of its own', async () => {
    const { baseDir, made } = await opener();
    const live = await made.open(false);
    expect(live.dataDir).toBe(baseDir);
    expect(await live.secrets.tossSecretKeyStatus()).toEqual({ configured: false, mode: null });
    expect(await made.trainingEmulatorUrl()).toBeUndefined();
    await live.close();

    const training = await made.open(true);
    expect(training.dataDir).toBe(trainingDataDir(baseDir));
    expect(await training.secrets.tossSecretKeyStatus()).toEqual({ configured: true, mode: 'test' });
    // A whole registration and charge works against the emulator inside main.
    const billing = training.billing();
    const member = billing.members.create({ name: '연습 회원' });
    const { card } = await billing.cards.register({
      memberId: member.id,
      card: { number: '9410001234567890', expiry: { month: '12', year: '30' }, identity: '900101' },
    });
    const charge = await billing.charges.charge({
      memberId: member.id,
      amount: 1_000,
      orderName: '연습 결제',
    });
    expect(card.maskedNumber).toContain('*');
    expect(charge.status).toBe('DONE');
    // And so does a registration through the emulator's window, with the training client key.
    expect(usableTossClientKey(training.ledger.db, 'test')).toBe(TRAINING_CLIENT_KEY);
    const emulator = await made.trainingEmulatorUrl();
    if (emulator === undefined) throw new Error('the training emulator did not start');
    const byWindow = await registerCardByWindow(
      {
        db: training.ledger.db,
        cards: billing.cards,
        secretKeyMode: 'test',
        openWindow: (keys) => submitSandboxWindow(emulator, keys, { number: '9410051234567890' }),
      },
      { memberId: member.id },
    );
    expect(byWindow.kind === 'registered' && byWindow.registration.replaced?.deletedAtToss).toBe(true);
    await training.close();

    // The store's own folder saw none of it, and its key is still not set.
    const again = await made.open(false);
    expect(again.billing().members.search()).toEqual([]);
    expect(await again.secrets.tossSecretKeyStatus()).toEqual({ configured: false, mode: null });
    await again.close();
  });
});
