import type { Logger } from '../log/index.ts';
import type { ScheduleRunner } from './runner.ts';

/** Toss has no scheduler (toss-api.md §15.4): the desk checks for due charges every minute. */
export const DEFAULT_SCHEDULE_INTERVAL_MS = 60_000;

export interface ScheduleLoopDeps<Handle> {
  readonly runner: Pick<ScheduleRunner, 'runDue' | 'stop'>;
  /**
   * Run before every runDue(): it resolves the attempts a crash or a dropped answer left PENDING or
   * UNKNOWN, which dunning waits for (a period is never retried while an attempt is live).
   */
  readonly reconciler?: { reconcile(): Promise<unknown> };
  /** A repeating timer, like setInterval; injected so tests fire ticks without real waits. */
  readonly setTimer: (callback: () => void, ms: number) => Handle;
  readonly clearTimer: (handle: Handle) => void;
  /** Between ticks (default one minute). */
  readonly intervalMs?: number;
  readonly log: Logger;
}

export interface ScheduleLoop {
  /** Resolves when the run going now (if any) has finished; for tests and a "run now" button. */
  idle(): Promise<void>;
  /**
   * Stops the timer, waits for the run going now (its charges' answers recorded), then stops the
   * runner so nothing new starts. Ticks after it do nothing.
   */
  stop(): Promise<void>;
}

/**
 * Runs the reconciler then runner.runDue() at once (start-up) and then every intervalMs. Runs never
 * overlap: a tick that comes while a run is going is skipped rather than queued, since the next
 * tick a minute later sees everything the skipped one would have (due periods stay 'pending').
 * Errors are logged and the loop goes on: one bad run must not end the schedule for the day.
 */
export function startScheduleLoop<Handle>(deps: ScheduleLoopDeps<Handle>): ScheduleLoop {
  const intervalMs = deps.intervalMs ?? DEFAULT_SCHEDULE_INTERVAL_MS;
  if (!Number.isSafeInteger(intervalMs) || intervalMs < 1) {
    throw new RangeError('startScheduleLoop: intervalMs must be a positive integer');
  }
  const log = deps.log.child({ module: 'schedule-loop' });
  let current: Promise<void> | undefined;
  let stopping = false;

  async function runOnce(): Promise<void> {
    if (deps.reconciler) {
      try {
        await deps.reconciler.reconcile();
      } catch (error) {
        // runDue is still safe: chargePeriod never sends a try while an earlier one is unresolved.
        log.error('reconcile before the due run failed', { error });
      }
    }
    if (stopping) return;
    try {
      await deps.runner.runDue();
    } catch (error) {
      log.error('due run failed', { error });
    }
  }

  function tick(): void {
    if (stopping) return;
    if (current) {
      log.debug('due run still going: tick skipped');
      return;
    }
    current = runOnce().finally(() => {
      current = undefined;
    });
  }

  tick();
  const handle = deps.setTimer(tick, intervalMs);

  return {
    async idle() {
      await current;
    },
    async stop() {
      if (!stopping) {
        stopping = true;
        deps.clearTimer(handle);
      }
      await current;
      await deps.runner.stop();
    },
  };
}
