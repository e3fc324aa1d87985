import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerFileIn } from '../../electron/core/app-paths.ts';
import { openLedger } from '../../electron/core/ledger/index.ts';
import { APP_ENTRY_URL } from '../../electron/shell/app-protocol.ts';
import { mainWindowOptions } from '../../electron/shell/window-options.ts';
import { CHANNEL_NAMES, ipcChannel } from '../../shared/ipc/index.ts';

/** A stand-in for the parts of Electron main.ts touches, recording what it was asked to do. */
const fake = vi.hoisted(() => {
  const state = {
    userData: '',
    singleInstance: true,
    order: [] as string[],
    handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
    windows: [] as { options: unknown; url: string; webContents: Record<string, unknown> }[],
    trays: [] as { destroyed: boolean }[],
    exitCode: undefined as number | undefined,
    errorBoxes: [] as { title: string; content: string }[],
  };
  return { state };
});

vi.mock('electron', () => {
  const { state } = fake;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => state.singleInstance,
    quit: vi.fn(() => state.order.push('quit')),
    releaseSingleInstanceLock: vi.fn(() => state.order.push('lock released')),
    exit: vi.fn((code: number) => {
      state.exitCode = code;
      state.order.push('exit');
    }),
    whenReady: vi.fn(async () => {
      state.order.push('whenReady');
    }),
    getPath: () => state.userData,
    isReady: () => state.order.includes('whenReady'),
    getVersion: () => '0.1.0',
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: vi.fn(),
  });
  class BrowserWindow {
    readonly webContents: Record<string, unknown>;
    constructor(options: unknown) {
      const mainFrame = { url: APP_ENTRY_URL_FOR_FAKE, parent: null };
      this.webContents = { mainFrame, send: vi.fn(), isDestroyed: () => false };
      state.windows.push({ options, url: '', webContents: this.webContents });
    }
    once() {}
    show() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    focus() {}
    async loadURL(url: string) {
      const entry = state.windows.at(-1);
      if (entry) entry.url = url;
    }
  }
  const APP_ENTRY_URL_FOR_FAKE = 'app://desk/index.html';
  class Tray {
    readonly record = { destroyed: false };
    constructor() {
      state.trays.push(this.record);
    }
    setToolTip() {}
    on() {}
    setContextMenu() {}
    destroy() {
      this.record.destroyed = true;
      state.order.push('tray destroyed');
    }
  }
  return {
    app,
    BrowserWindow,
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => template },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        state.errorBoxes.push({ title, content });
        state.order.push('error shown');
      },
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    ipcMain: { handle: (channel: string, handler: never) => state.handlers.set(channel, handler) },
    net: { fetch: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: () => state.order.push('scheme registered'),
      handle: () => state.order.push('protocol handled'),
    },
    shell: { openExternal: vi.fn() },
  };
});

/*
 * main.ts composes the keytar store itself; what is tested here is the composition, not the
 * keychain (test/secrets has the real one, and bundles-boot boots the built app on it), so keytar
 * is an in-memory keychain for this file and the suite runs where there is none.
 */
vi.mock('keytar', () => {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => JSON.stringify([service, account]);
  return {
    default: {
      getPassword: async (service: string, account: string) => entries.get(key(service, account)) ?? null,
      setPassword: async (service: string, account: string, value: string) => {
        entries.set(key(service, account), value);
      },
      deletePassword: async (service: string, account: string) => entries.delete(key(service, account)),
    },
  };
});

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function startMain(singleInstance: boolean, before?: (userData: string) => void) {
  const { state } = fake;
  state.userData = await mkdtemp(path.join(tmpdir(), 'autopay-main-'));
  before?.(state.userData);
  dirs.push(state.userData);
  state.singleInstance = singleInstance;
  state.order = [];
  state.handlers.clear();
  state.windows = [];
  state.trays = [];
  state.exitCode = undefined;
  state.errorBoxes = [];
  vi.resetModules();
  const electron = await import('electron');
  // One fake app for the file: listeners an earlier start left (its guards) go first.
  (electron.app as unknown as EventEmitter).removeAllListeners();
  await import('../../electron/main.ts');
  return { state, app: electron.app as unknown as EventEmitter };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(condition()).toBe(true);
}

it('a second instance quits at once and opens nothing', async () => {
  const { state } = await startMain(false);
  expect(state.order).toEqual(['scheme registered', 'quit']);
  expect(state.windows).toEqual([]);
  expect(state.handlers.size).toBe(0);
});

it('a failure inside start-up is logged, told in Korean, and the app quits releasing its lock', async () => {
  // Another process (a CLI run, say) holds the ledger: opening the desk fails inside start().
  let holder: ReturnType<typeof openLedger> | undefined;
  const { state } = await startMain(true, (userData) => {
    holder = openLedger(ledgerFileIn(userData));
  });
  try {
    await until(() => state.exitCode !== undefined);
    expect(state.exitCode).toBe(1);
    expect(state.order.slice(-3)).toEqual(['error shown', 'lock released', 'exit']);
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]?.title).toBe('Autopay Desk를 시작하지 못했습니다');
    expect(state.errorBoxes[0]?.content).toContain('다른 창이나 CLI가 이 장부를 사용하고 있습니다');
    expect(state.windows).toEqual([]);
    const log = await readFile(path.join(state.userData, 'logs', 'desk.log'), 'utf8');
    expect(log).toContain('"msg":"start-up failed"');
    expect(log).toContain('LEDGER_IN_USE');
  } finally {
    holder?.close();
  }
});

it('a migration that fails stops start-up the same way, with the reason in Korean', async () => {
  const { state } = await startMain(true, (userData) => {
    openLedger(ledgerFileIn(userData)).close();
    // Back at version 1 with version 2's indexes already there: migration 2 fails.
    const db = new Database(ledgerFileIn(userData));
    db.pragma('user_version = 1');
    db.close();
  });
  await until(() => state.exitCode !== undefined);
  expect(state.exitCode).toBe(1);
  expect(state.errorBoxes[0]?.content).toMatch(/^장부를 버전 2\(.*\)로 올리지 못해/);
  expect(state.order.slice(-2)).toEqual(['lock released', 'exit']);
  // The writer lock was let go: the ledger can be opened (and refused the same way) again.
  expect(() => openLedger(ledgerFileIn(state.userData))).toThrow(/^장부를 버전 2\(.*\)로 올리지 못해/);
});

describe('the composition root', () => {
  it('wires a locked-down window, every channel, the tray, and shuts down in order', async () => {
    const { state, app } = await startMain(true);
    await until(() => state.windows.length === 1);
    expect(state.order.slice(0, 3)).toEqual(['scheme registered', 'whenReady', 'protocol handled']);
    const window = state.windows[0];
    expect(window?.options).toEqual(
      mainWindowOptions({ preloadPath: expect.stringMatching(/preload\.cjs$/) as never, isPackaged: false }),
    );
    expect(window?.url).toBe(APP_ENTRY_URL);
    expect([...state.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
    expect(state.trays).toHaveLength(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);

    const webContents = window?.webContents;
    const trusted = {
      sender: webContents,
      senderFrame: webContents?.mainFrame,
    } as unknown as IpcMainInvokeEvent;
    const status = await state.handlers.get(ipcChannel('getAppStatus'))?.(trusted, {});
    expect(status).toMatchObject({ ok: true, value: { needsOwner: true, training: false, operator: null } });
    const foreign = { sender: {}, senderFrame: webContents?.mainFrame } as unknown as IpcMainInvokeEvent;
    expect(await state.handlers.get(ipcChannel('getAppStatus'))?.(foreign, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // The picker for a backup folder is the system's open dialog, parented to the window.
    const { dialog } = await import('electron');
    vi.mocked(dialog.showOpenDialog).mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/media/usb/backups'],
    });
    expect(await state.handlers.get(ipcChannel('choosePath'))?.(trusted, { kind: 'folder' })).toEqual({
      ok: true,
      value: { path: '/media/usb/backups' },
    });
    expect((vi.mocked(dialog.showOpenDialog).mock.calls.at(-1) as unknown[] | undefined)?.[1]).toEqual({
      properties: ['openDirectory', 'createDirectory'],
    });

    const quit = { preventDefault: vi.fn() };
    app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    await until(() => state.exitCode !== undefined);
    expect(state.exitCode).toBe(0);
    expect(state.order.slice(-2)).toEqual(['tray destroyed', 'exit']);
    // The ledger was closed and its writer lock released: another process may open it now.
    openLedger(ledgerFileIn(state.userData)).close();
  });
});
