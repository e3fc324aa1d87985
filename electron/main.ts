import path from 'node:path';
import { app, BrowserWindow } from 'electron';

// Composition root. The window stays locked down: the renderer gets no Node, no Electron and
// no way to reach the network or the keychain except through main.
function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Autopay Desk',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  void window.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

app.whenReady().then(createMainWindow, (error: unknown) => {
  console.error('Autopay Desk could not start', error);
  app.exit(1);
});
app.on('window-all-closed', () => app.quit());
