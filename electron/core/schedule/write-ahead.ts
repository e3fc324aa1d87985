import { createSlots } from './slots.ts';

/**
 * The write-ahead pipeline the runner charges due periods through. A slot is one request at Toss,
 * `concurrency` of them. Attempts are written ahead of their requests, in batches: when the
 * attempts taken but not sent fall to half of `writeAhead`, the next ones are taken, and their
 * writes share one commit, made once the answers coming in pause (GroupCommit.runAtPause) unless
 * fewer than `concurrency` written attempts are left to send. A request then leaves as soon as a
 * slot frees, with no commit between an answer and the next request, and each attempt is still
 * committed before its own request is sent. When `next` has nothing more (the run is over or
 * stopping), the attempts already written are sent and recorded like the ones out.
 */
export interface WriteAheadOptions<T> {
  readonly concurrency: number;
  /** Items taken and not yet sent at most (see ScheduleRunnerDeps.writeAhead). */
  readonly writeAhead: number;
  /**
   * The next item, or undefined when there is none (or no more may be taken). Synchronous, so an
   * item is never taken twice. If it throws, the pipeline ends with that error once the charges
   * out have settled (or at once, if it throws before any started).
   */
  readonly next: () => T | undefined;
  /** Waited for after a request has its slot and before it leaves (the slow-down, the rate limit). */
  readonly pace: () => Promise<void>;
  /** Charges one item; the pipeline treats a rejection like a resolution (it only counts). */
  readonly charge: (item: T, writeLazily: boolean, hooks: WriteAheadHooks) => Promise<void>;
}

/** What a charge tells the pipeline; both are called at most once per charge. */
export interface WriteAheadHooks {
  /**
   * Its attempt is committed: resolves when its request may leave (it then holds a slot). Never
   * rejects (see ChargePeriodInput.beforeSend): a failure to take the next items is kept for the end.
   */
  readonly leave: () => Promise<void>;
  /** Toss answered: the request's slot is free for the next one. */
  readonly answered: () => void;
}

/** Charges every item `next` gives; resolves once all of them have settled. */
export function runWriteAhead<T>({
  concurrency,
  writeAhead,
  next,
  pace,
  charge,
}: WriteAheadOptions<T>): Promise<void> {
  const slots = createSlots(concurrency);
  // Items taken whose requests have not left.
  let ahead = 0;
  // Of those, the ones committed and waiting for a slot.
  let ready = 0;
  // Charges started and not settled. A count and one promise, not one per item: a run over
  // 10,000 subscriptions must not hold 10,000 settled promises until it ends.
  let charging = 0;
  let failure: { readonly error: unknown } | undefined;
  let settleAll: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const allSettled = new Promise<void>((resolve, reject) => {
    settleAll = { resolve, reject };
  });

  /**
   * refill(), keeping what it throws for the end: a charge that holds a slot (its attempt is
   * committed) must still be sent, and one that settled must still be counted out.
   */
  function refillOrKeep(): void {
    try {
      refill();
    } catch (error) {
      failure ??= { error };
    }
  }

  // Takes more items when the ones written ahead run low.
  function refill(): void {
    const running = ready < concurrency;
    if (ahead > writeAhead / 2 && !running) return;
    // Running low: one more write, committed at once, takes the waiting ones with it.
    for (let taken = 0; ahead < writeAhead || (running && taken === 0); taken++) {
      const item = next();
      if (item === undefined) return;
      start(item, !running);
    }
  }

  function start(item: T, writeLazily: boolean): void {
    ahead++;
    let slot: 'waiting' | 'held' | 'given' = 'waiting';
    const giveSlot = () => {
      if (slot !== 'held') return;
      slot = 'given';
      slots.give();
    };
    const leave = async () => {
      ready++;
      await slots.take();
      ready--;
      slot = 'held';
      await pace();
      ahead--;
      refillOrKeep();
    };
    const charged = charge(item, writeLazily, { leave, answered: giveSlot });
    charging++;
    const settled = () => {
      // Refused, repeated or failed before its request left: it no longer waits to be sent.
      if (slot === 'waiting') {
        ahead--;
        refillOrKeep();
      }
      giveSlot();
      // After the refill: a charge that settles has already started the ones it made room for,
      // so none left means none to come.
      if (--charging === 0) {
        if (failure) settleAll?.reject(failure.error);
        else settleAll?.resolve();
      }
    };
    // Both arms only so that nothing can be left out.
    void charged.then(settled, settled);
  }

  refill();
  return charging > 0 ? allSettled : Promise.resolve();
}
