/**
 * The charges and refunds this process is sending or reconciling right now, by row id. A second
 * request for the same row (a double click, a retried IPC call) waits for the first one's result
 * instead of sending again, and the reconciler leaves these rows alone: their answer is on its way.
 */
export interface InFlight<T> {
  get(id: number): Promise<T> | undefined;
  has(id: number): boolean;
  /** Registers `work` under `id` before it first awaits, and forgets it once settled. */
  run(id: number, work: () => Promise<T>): Promise<T>;
}

export function createInFlight<T>(): InFlight<T> {
  const running = new Map<number, Promise<T>>();
  return {
    get: (id) => running.get(id),
    has: (id) => running.has(id),
    run(id, work) {
      const existing = running.get(id);
      if (existing) return existing;
      const promise = work().finally(() => {
        if (running.get(id) === promise) running.delete(id);
      });
      running.set(id, promise);
      return promise;
    },
  };
}
