import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * A stand-in for the `electron` module the built main.js imports (Electron itself cannot run
 * here). It does what Electron would as far as main.ts can tell, and records it in `record` for
 * boot-main.ts to report.
 */
export const record = {
  order: [] as string[],
  schemes: [] as string[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  handlers: [] as string[],
  windows: [] as { options: unknown; url: string }[],
  trayIcons: [] as string[],
  errorBoxes: [] as string[],
  exitCode: undefined as number | undefined,
};

class App extends EventEmitter {
  readonly isPackaged = false;
  #ready = false;
  requestSingleInstanceLock() {
    record.order.push('lock requested');
    return true;
  }
  releaseSingleInstanceLock() {
    record.order.push('lock released');
  }
  whenReady() {
    this.#ready = true;
    record.order.push('ready');
    return Promise.resolve();
  }
  isReady() {
    return this.#ready;
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
    return process.env.STAND_IN_USER_DATA ?? '';
  }
  getVersion() {
    return '0.0.0-bundle';
  }
  getLoginItemSettings() {
    return { openAtLogin: false };
  }
  setLoginItemSettings() {}
  quit() {
    record.order.push('quit');
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  }
  exit(code: number) {
    record.exitCode = code;
    record.order.push(`exit ${code}`);
  }
}

export const app = new App();

const webContents = () =>
  Object.assign(new EventEmitter(), {
    mainFrame: { url: '', parent: null },
    send() {},
    isDestroyed: () => false,
    setWindowOpenHandler() {},
    session: {},
  });

export class BrowserWindow extends EventEmitter {
  readonly webContents = webContents();
  readonly #entry: { options: unknown; url: string };
  constructor(options: unknown) {
    super();
    this.#entry = { options, url: '' };
    record.windows.push(this.#entry);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  async loadURL(url: string) {
    this.#entry.url = url;
    this.webContents.mainFrame.url = url;
  }
}

export class Tray {
  constructor(icon: string) {
    record.trayIcons.push(icon);
  }
  setToolTip() {}
  on() {}
  setContextMenu() {}
  destroy() {
    record.order.push('tray destroyed');
  }
}

export const Menu = { buildFromTemplate: (template: unknown) => template };
export const Notification = Object.assign(class {}, { isSupported: () => false });
export const dialog = {
  showErrorBox(title: string, content: string) {
    record.errorBoxes.push(`${title}: ${content}`);
  },
};
export const ipcMain = {
  handle(channel: string) {
    record.handlers.push(channel);
  },
};
export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string }[]) {
    record.schemes.push(...schemes.map((s) => s.scheme));
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    record.protocolHandlers.set(scheme, handler);
  },
};
/** Electron's net.fetch reads file: URLs; Node's fetch does not, so this one does it by hand. */
export const net = {
  async fetch(url: string) {
    if (!url.startsWith('file:')) throw new Error(`unexpected net.fetch(${url})`);
    return new Response(await readFile(fileURLToPath(url)));
  },
};
const permissive = {
  setPermissionRequestHandler() {},
  setPermissionCheckHandler() {},
  setDevicePermissionHandler() {},
  webRequest: { onBeforeRequest() {}, onHeadersReceived() {} },
};
export const session = { defaultSession: permissive, fromPartition: () => permissive };
export const shell = { openExternal: async () => undefined };

export default {
  app,
  BrowserWindow,
  Tray,
  Menu,
  Notification,
  dialog,
  ipcMain,
  protocol,
  net,
  session,
  shell,
};
