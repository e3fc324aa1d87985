import type { App } from 'electron';

/**
 * Starts the app when the user logs in (Windows and macOS; Electron ignores it elsewhere), so
 * scheduled charges run without anyone opening it. The defaults (this executable, no arguments)
 * are what both installers register, and disabling must match them to remove the same entry.
 */
export function setLaunchAtLogin(app: App, enabled: boolean): void {
  app.setLoginItemSettings({ openAtLogin: enabled });
}
