import type Database from 'better-sqlite3';

/**
 * Ledger writes that share one transaction, and so one fsync (WAL, synchronous=FULL), with the
 * other writes asked for in the same turn of the event loop. Durability per write is unchanged: a
 * write's promise settles only once the transaction holding it is committed, so whatever waits
 * for it (a request about to leave, an outcome about to be counted) still waits for the disk.
 * What changes is how many writes one fsync carries: the scheduled charges of a due run, whose
 * answers arrive together, no longer queue for one commit each.
 */
export interface GroupCommit {
  /**
   * Runs `write` (synchronous, in a savepoint of the group's transaction) and resolves with its
   * result after the commit. A write that throws is rolled back alone and rejects with its own
   * error; a commit that fails rejects every write of the group with that error.
   */
  run<T>(write: () => T): Promise<T>;
}

interface Queued {
  readonly write: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Settled =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

export function createGroupCommit(
  db: Database.Database,
  // setImmediate runs after the poll phase: every answer that arrived in this turn is in the group.
  defer: (flush: () => void) => void = setImmediate,
): GroupCommit {
  let queue: Queued[] = [];
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
    const batch = queue;
    queue = [];
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

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) defer(flush);
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
