import type { App } from 'electron';

/**
 * Only one instance may run: a second one would start a second schedule loop on the same
 * ledger (design.md, invariant 5). The loser quits; the winner is told so it can show itself.
 */
export function claimSingleInstance(app: App, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}
