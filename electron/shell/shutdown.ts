import type { App } from 'electron';

export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

/**
 * Holds the first quit until every step has run, in order, so that in-flight charges finish
 * and the ledger closes cleanly. A failing step is logged and does not stop the ones after it:
 * the ledger must still be closed when the Toss client fails to.
 */
export function installGracefulShutdown(
  app: App,
  steps: readonly ShutdownStep[],
  log: { error(msg: string, fields?: object): void },
): void {
  let started = false;
  app.on('before-quit', (event) => {
    // Every quit is held, also one asked for while the steps run; app.exit() ends the process
    // without emitting 'before-quit' again.
    event.preventDefault();
    if (started) return;
    started = true;
    void runSteps(steps, log).then(() => app.exit(0));
  });
}

async function runSteps(
  steps: readonly ShutdownStep[],
  log: { error(msg: string, fields?: object): void },
): Promise<void> {
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      log.error('shutdown step failed', {
        step: step.name,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
