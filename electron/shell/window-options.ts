import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

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
    webPreferences: { preload: input.preloadPath, ...lockedDownWebPreferences(input.isPackaged) },
  };
}

/**
 * What every window of the app runs with, the main window and Toss's registration window alike:
 * no Node, no Electron, no extra browser surface, devTools only in development.
 */
export function lockedDownWebPreferences(isPackaged: boolean): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A card-shaped file or link dropped on the window must not replace the page.
    navigateOnDragDrop: false,
    // The OS spellchecker would see what is typed, including member details.
    spellcheck: false,
    devTools: !isPackaged,
  };
}
