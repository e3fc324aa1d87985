import { describe, expect, it } from 'vitest';
import {
  runWriteAhead,
  type WriteAheadHooks,
  type WriteAheadOptions,
} from '../../electron/core/schedule/write-ahead.ts';

/** Items 0…count-1, then none; throws instead of giving item `throwAt` when it is set. */
function items(count: number, throwAt?: number) {
  let next = 0;
  return {
    taken: () => next,
    next(): number | undefined {
      if (next === throwAt) throw new Error('page read failed');
      return next < count ? next++ : undefined;
    },
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The pipeline over `source`; `pace` resolves at once unless given. */
function pipeline(
  source: { next(): number | undefined },
  sizes: Pick<WriteAheadOptions<number>, 'concurrency' | 'writeAhead'>,
  charge: WriteAheadOptions<number>['charge'],
  pace: WriteAheadOptions<number>['pace'] = () => Promise.resolve(),
) {
  return runWriteAhead<number>({ ...sizes, next: () => source.next(), pace, charge });
}

describe('the write-ahead pipeline', () => {
  it('charges every item once, with at most `concurrency` requests out, writing the first `writeAhead` at once', async () => {
    const source = items(20);
    let out = 0;
    let maxOut = 0;
    const takenBeforeFirstCommit: number[] = [];
    const charged: number[] = [];
    const lazily: boolean[] = [];
    await pipeline(
      source,
      { concurrency: 2, writeAhead: 4 },
      async (item, writeLazily, hooks: WriteAheadHooks) => {
        lazily.push(writeLazily);
        await turn(); // the attempt's commit
        if (item === 0) takenBeforeFirstCommit.push(source.taken());
        await hooks.leave();
        out++;
        maxOut = Math.max(maxOut, out);
        await turn(); // Toss answers
        out--;
        hooks.answered();
        charged.push(item);
      },
    );
    expect(charged.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(maxOut).toBe(2);
    expect(takenBeforeFirstCommit).toEqual([4]);
    // The first batch is committed at once: nothing is out yet that it could wait behind.
    expect(lazily.slice(0, 4)).toEqual([false, false, false, false]);
  });

  it('an item refused before its request leaves gives its place to the next', async () => {
    const source = items(10);
    const sent: number[] = [];
    await pipeline(source, { concurrency: 1, writeAhead: 2 }, async (item, _writeLazily, hooks) => {
      await turn();
      if (item % 2 === 1) return; // not chargeable: its request never leaves
      await hooks.leave();
      await turn();
      hooks.answered();
      sent.push(item);
    });
    expect(sent.sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8]);
  });

  it('waits for `pace` with a slot held, before each request leaves', async () => {
    const source = items(3);
    const events: string[] = [];
    await pipeline(
      source,
      { concurrency: 1, writeAhead: 1 },
      async (item, _writeLazily, hooks) => {
        await hooks.leave();
        events.push(`sent ${item}`);
        hooks.answered();
      },
      async () => {
        events.push('pace');
      },
    );
    expect(events).toEqual(['pace', 'sent 0', 'pace', 'sent 1', 'pace', 'sent 2']);
  });

  it('when taking the next items fails, ends with that error once the charges started have settled', async () => {
    const source = items(10, 6);
    const started: number[] = [];
    const settled: number[] = [];
    const run = pipeline(
      source,
      { concurrency: 2, writeAhead: 4 },
      // Each is refused before its request leaves, so the next ones are taken as each settles.
      async (item) => {
        started.push(item);
        await turn();
        settled.push(item);
      },
    );
    await expect(run).rejects.toThrow('page read failed');
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(settled).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('when taking the next items fails as a request leaves, that request and the ones written still leave', async () => {
    // Item 1 leaves once item 0 is answered; the refill it makes then reads item 3, which fails.
    const source = items(10, 3);
    const sent: number[] = [];
    const refused: number[] = [];
    const run = pipeline(source, { concurrency: 1, writeAhead: 2 }, async (item, _writeLazily, hooks) => {
      await turn(); // the attempt's commit
      try {
        await hooks.leave();
      } catch {
        // A committed attempt whose request never leaves waits for the reconciler (beforeSend).
        refused.push(item);
        return;
      }
      sent.push(item);
      await turn(); // Toss answers
      hooks.answered();
    });
    await expect(run).rejects.toThrow('page read failed');
    expect(refused).toEqual([]);
    expect(sent).toEqual([0, 1, 2]);
  });

  it('when the first items cannot be taken, throws before charging anything', () => {
    const source = items(10, 0);
    let charges = 0;
    expect(() =>
      pipeline(source, { concurrency: 2, writeAhead: 4 }, async () => {
        charges++;
      }),
    ).toThrow('page read failed');
    expect(charges).toBe(0);
  });
});
