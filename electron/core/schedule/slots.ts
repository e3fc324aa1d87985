/** At most `size` holders at once; the others wait, first come, first served. */
export interface Slots {
  /** Resolves once a slot is this caller's. */
  take(): Promise<void>;
  /** Hands a taken slot back (to the longest waiter, if any). */
  give(): void;
}

export function createSlots(size: number): Slots {
  let free = size;
  const waiting: (() => void)[] = [];
  return {
    take() {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    give() {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}
