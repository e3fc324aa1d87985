import type { Menu, Tray } from 'electron';

/**
 * The tray icon keeps the app reachable while the window is closed and scheduled charges keep
 * running. refresh() rebuilds the menu, e.g. after the next run's time changed.
 */
export function createTray(
  deps: { Tray: typeof Tray; Menu: typeof Menu; iconPath: string },
  actions: {
    showWindow(): void;
    runDueNow(): void;
    nextRunLabel(): string;
    /** "결제 3건 확인 필요", counts only: the tray shows whether or not anyone is signed in. */
    attentionLabel?(): string | null;
    quit(): void;
  },
): { refresh(): void; destroy(): void } {
  const tray = new deps.Tray(deps.iconPath);
  tray.setToolTip('Autopay Desk');
  tray.on('click', () => actions.showWindow());

  const refresh = () => {
    const attention = actions.attentionLabel?.() ?? null;
    tray.setContextMenu(
      deps.Menu.buildFromTemplate([
        { label: '열기', click: () => actions.showWindow() },
        { label: `다음 결제: ${actions.nextRunLabel()}`, enabled: false },
        ...(attention === null ? [] : [{ label: attention, enabled: false }]),
        { label: '지금 예정 결제 실행', click: () => actions.runDueNow() },
        { type: 'separator' },
        { label: '종료', click: () => actions.quit() },
      ]),
    );
  };
  refresh();

  return { refresh, destroy: () => tray.destroy() };
}
