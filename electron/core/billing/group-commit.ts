import type Database from 'better-sqlite3';

/**
 * Ledger writes that share one transaction, and so one fsync (WAL, synchronous=FULL), with other
 * writes asked for around the same time. Durability per write is unchanged: a write's promise
 * settles only once the transaction holding it is committed, so whatever waits for it (a request
 * about to leave, an outcome about to be counted) still waits for the disk. What changes is how
 * many writes one fsync carries, and when the commit blocks the thread (the fsync, 1–2 ms here,
 * and the writes themselves): a due run's commits carry dozens of charges instead of one each,
 * and the ones nothing waits for are made while no answer is coming in.
 */
export interface GroupCommit {
  /**
   * Runs `write` (synchronous, in a savepoint of the group's transaction) and resolves with its
   * result after the commit, which comes in the next turn of the event loop: for a write that
   * something is held up by (a request that waits for its attempt). A write that throws is rolled
   * back alone and rejects with its own error; a commit that fails rejects every write of the
   * group with that error.
   */
  run<T>(write: () => T): Promise<T>;
  /**
   * Like run, for a write that holds nothing up yet but will soon (an attempt written ahead of its
   * request): it commits with the next `run`, or at the next pause, once no write has been asked
   * for during `quietMs` (the answers of a burst are in), and at the latest `maxWaitMs` after the
   * first of the writes waiting.
   */
  runAtPause<T>(write: () => T): Promise<T>;
  /**
   * Like runAtPause, for a write that nothing will wait for (the outcome of a charge whose request
   * is done): a pause commits it only once the first of the writes waiting has waited `gatherMs`
   * (unless one of them is runAtPause's), and at the latest `maxWaitMs` after that first one.
   */
  runLazily<T>(write: () => T): Promise<T>;
}

export interface GroupCommitTiming {
  /**
   * Schedules the commit of `run`'s writes. Default: setImmediate (after the poll phase, so every
   * answer that arrived in this turn is in the group).
   */
  readonly soon: (flush: () => void) => void;
  /** Schedules a look at the lazy writes after `ms`. Default: setTimeout. */
  readonly after: (ms: number, check: () => void) => void;
  /** Default: performance.now(). */
  readonly now: () => number;
  readonly quietMs: number;
  /** At most maxWaitMs. */
  readonly gatherMs: number;
  readonly maxWaitMs: number;
}

const DEFAULT_TIMING: GroupCommitTiming = {
  soon: setImmediate,
  after: (ms, check) => {
    setTimeout(check, ms);
  },
  now: () => performance.now(),
  // Longer than the gaps between the answers of a busy run, shorter than anyone would notice.
  quietMs: 10,
  // A slow run's answers come in bursts, one per round of requests (50 ms apart at 50 ms of
  // latency): committing their outcomes after each burst cost a commit, and a wake-up, per round.
  // Gathering two rounds or so per commit took 8-15 % off such a run's CPU (bench/PROFILING.md).
  // Attempts written ahead do not gather: one left for the urgent commit of a later turn was
  // committed in the middle of a burst, holding its answers up.
  gatherMs: 100,
  // A crash within this loses no outcome: the attempt stays PENDING and is looked up again.
  maxWaitMs: 200,
};

interface Queued {
  readonly write: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface LazyWait {
  readonly firstAt: number;
  lastAt: number;
  /** Whether the next pause commits it (it holds a runAtPause write), or only once gathered. */
  atPause: boolean;
  /** Looks scheduled so far; only the latest is taken, an earlier one was superseded. */
  looks: number;
}

/** When a write is committed: in the next turn, at the next pause, or once gathered. */
type Urgency = 'now' | 'pause' | 'gather';

type Settled =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

export function createGroupCommit(
  db: Database.Database,
  timing: GroupCommitTiming = DEFAULT_TIMING,
): GroupCommit {
  let queue: Queued[] = [];
  let soon = false;
  // While lazy writes wait: when the first and the latest of them were asked for, and how soon.
  let lazy: LazyWait | undefined;
  // Inside `all`, better-sqlite3 runs a transaction function as a savepoint.
  const one = db.transaction((write: () => unknown) => write());
  const all = db.transaction((batch: readonly Queued[]): Settled[] =>
    batch.map((item) => {
      try {
        return { ok: true, value: one(item.write) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    soon = false;
    lazy = undefined;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let settled: Settled[];
    try {
      settled = all(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const result = settled[i];
      if (result?.ok) item.resolve(result.value);
      else item.reject(result?.error);
    });
  }

  // A wait's timer is looked at when it fires rather than reset on every write. A wait that a
  // `run` has ended since is left alone, and so is a look a sooner one has superseded (look()).
  function check(wait: LazyWait): void {
    if (lazy !== wait) return;
    const ms = untilDue(wait, timing.now());
    if (ms <= 0) flush();
    else look(wait, ms);
  }

  /** How long until the wait's writes are due: quiet (and gathered), or waited maxWaitMs. */
  function untilDue(wait: LazyWait, now: number): number {
    const quietFor = timing.quietMs - (now - wait.lastAt);
    const gatherFor = wait.atPause ? 0 : timing.gatherMs - (now - wait.firstAt);
    const waitFor = timing.maxWaitMs - (now - wait.firstAt);
    return Math.min(Math.max(quietFor, gatherFor), waitFor);
  }

  function look(wait: LazyWait, ms: number): void {
    const id = ++wait.looks;
    timing.after(ms, () => {
      if (wait.looks === id) check(wait);
    });
  }

  function joinWait(urgency: 'pause' | 'gather'): void {
    const now = timing.now();
    const atPause = urgency === 'pause';
    if (!lazy) {
      lazy = { firstAt: now, lastAt: now, atPause, looks: 0 };
    } else {
      lazy.lastAt = now;
      // Its look stands, unless it was set for a gathered group and this write wants the next pause.
      if (!atPause || lazy.atPause) return;
      lazy.atPause = true;
    }
    look(lazy, untilDue(lazy, now));
  }

  function enqueue<T>(write: () => T, urgency: Urgency): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (urgency !== 'now') joinWait(urgency);
      else if (!soon) {
        timing.soon(flush);
        soon = true;
      }
    });
  }

  return {
    run: (write) => enqueue(write, 'now'),
    runAtPause: (write) => enqueue(write, 'pause'),
    runLazily: (write) => enqueue(write, 'gather'),
  };
}
