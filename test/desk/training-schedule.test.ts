import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeskHost, openDesk } from '../../electron/core/desk/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { sandboxPerFile } from '../support/toss-sandbox.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

const sandbox = sandboxPerFile();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Timer {
  readonly dataDir: string;
  readonly tick: () => void;
  cleared: boolean;
}

describe('training mode beside the store’s schedule', () => {
  it('keeps the store’s schedule loop running in the background while staff practise', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-training-'));
    const secretStore = createMemorySecretStore();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const timers: Timer[] = [];
    const runs: { phase: string; dataDir: string }[] = [];
    const now = () => new Date();
    const open = (training: boolean) => {
      const folder = training ? path.join(dataDir, 'training') : dataDir;
      return openDesk({
        dataDir: folder,
        secretStore,
        tossBaseUrl: sandbox.url,
        now,
        log: createLogger({ sink: () => undefined, now, level: 'error' }),
        setTimer: (tick) => {
          const timer = { dataDir: folder, tick, cleared: false };
          timers.push(timer);
          return timer;
        },
        clearTimer: (timer) => {
          (timer as Timer).cleared = true;
        },
        onRun: (phase, _summary, _startedAt, ranIn) => runs.push({ phase, dataDir: ranIn }),
      });
    };
    const host = await createDeskHost({ training: false, open, saveTraining: () => undefined, now });
    cleanups.push(() => host.close());
    const store = host.desk();
    await store.secrets.setTossSecretKey(`test_sk_${randomUUID().replaceAll('-', '')}`);
    // The desk's off-PC backup tick was set at open; the schedule loop is the timer the key starts.
    const setBefore = timers.length;
    await store.reload();
    const storeLoop = timers.slice(setBefore).find((timer) => timer.dataDir === dataDir && !timer.cleared);
    if (!storeLoop) throw new Error('the store’s schedule loop did not start');

    await host.setTraining(true);
    await host.setTraining(true);
    expect(host.training()).toBe(true);
    expect(host.desk().dataDir).toBe(path.join(dataDir, 'training'));
    // The store's desk is still open, its loop's timer still set.
    expect(host.store()).toBe(store);
    expect(store.ledger.db.open).toBe(true);
    expect(storeLoop.cleared).toBe(false);

    // A minute later the store's loop ticks and runs the store's due charges, training or not.
    await host.store().runDue();
    runs.length = 0;
    storeLoop.tick();
    for (let i = 0; i < 100 && !runs.some((run) => run.phase === 'finished'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(runs).toEqual([
      { phase: 'started', dataDir },
      { phase: 'finished', dataDir },
    ]);

    // Back from training: the training desk closes, the store's desk is the one it always was.
    await host.setTraining(false);
    expect(host.desk()).toBe(store);
    expect(timers.filter((timer) => timer.dataDir !== dataDir).every((timer) => timer.cleared)).toBe(true);
    expect(storeLoop.cleared).toBe(false);
  });
});
