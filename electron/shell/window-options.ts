import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Everything the renderer could use to reach Node, other origins or
 * extra browser surface is switched off: it is untrusted (design.md, invariant 9) and talks to
 * main only through the preload bridge.
 */
export function mainWindowOptions(input: {
  preloadPath: string;
  isPackaged: boolean;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Autopay Desk',
    // Shown on 'ready-to-show' so staff never see a blank white frame.
    show: false,
    // The page's default white, so a resize or a slow first paint doesn't flash another colour.
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A card-shaped file or link dropped on the window must not replace the app.
      navigateOnDragDrop: false,
      // The OS spellchecker would see what staff type, including member details.
      spellcheck: false,
      devTools: !input.isPackaged,
    },
  };
}
