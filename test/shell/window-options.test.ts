import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions } from '../../electron/shell/window-options.ts';

// An empty module: the options are a pure function, so any runtime use of Electron fails here.
vi.mock('electron', () => ({}));

const PRELOAD = '/opt/Autopay Desk/resources/app.asar/dist/electron/preload.cjs';

describe('mainWindowOptions', () => {
  it('locks the packaged window down completely, devtools included', () => {
    expect(mainWindowOptions({ preloadPath: PRELOAD, isPackaged: true })).toEqual({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      title: 'Autopay Desk',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: false,
      },
    });
  });

  it('allows devtools only in an unpackaged build, and changes nothing else', () => {
    const packaged = mainWindowOptions({ preloadPath: PRELOAD, isPackaged: true });
    const development = mainWindowOptions({ preloadPath: PRELOAD, isPackaged: false });
    expect(development).toEqual({
      ...packaged,
      webPreferences: { ...packaged.webPreferences, devTools: true },
    });
  });

  it('uses the preload path it is given', () => {
    const options = mainWindowOptions({ preloadPath: '/elsewhere/preload.cjs', isPackaged: true });
    expect(options.webPreferences?.preload).toBe('/elsewhere/preload.cjs');
  });
});
