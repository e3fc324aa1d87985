import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  session as electronSession,
  ipcMain,
  Menu,
  Notification,
  net,
  protocol,
  shell,
  Tray,
} from 'electron';
import {
  afterRun as afterRunReport,
  attentionLabel,
  createDeskApi,
  createDeskHost,
  createDispatch,
  type DeskHost,
  IDLE_LOCK_MINUTES,
  nextChargeLabel,
  type Session,
} from './core/desk/index.ts';
import { readSetting } from './core/ledger/index.ts';
import { createLogger, type Logger } from './core/log/index.ts';
import { createKeytarSecretStore } from './core/secrets/index.ts';
import { APP_ENTRY_URL, APP_ORIGIN, handleAppProtocol, registerAppScheme } from './shell/app-protocol.ts';
import { BILLING_PARTITION, openBillingWindow } from './shell/billing-window.ts';
import { createDeskOpener, readTrainingFlag, writeTrainingFlag } from './shell/desk-opener.ts';
import { installGuards } from './shell/guards.ts';
import { isTrustedSender, registerIpc } from './shell/ipc-register.ts';
import { setLaunchAtLogin } from './shell/launch-at-login.ts';
import { createNotifier } from './shell/notifications.ts';
import { createOpenExternal } from './shell/open-external.ts';
import { sendEvent } from './shell/send-event.ts';
import { installGracefulShutdown } from './shell/shutdown.ts';
import { claimSingleInstance } from './shell/single-instance.ts';
import { STARTUP_FAILURE_TITLE, startupFailureMessage } from './shell/startup-failure.ts';
import { createTray } from './shell/tray.ts';
import { mainWindowOptions } from './shell/window-options.ts';

// The composition root: the one place where Electron, the core and the shell meet.
const rendererDir = path.join(import.meta.dirname, '../renderer');
const preloadPath = path.join(import.meta.dirname, 'preload.cjs');

registerAppScheme(protocol);
let window: BrowserWindow | undefined;
// Set as start-up goes; the failure path logs and closes what was opened.
let log: Logger | undefined;
let logFile = 'desk.log';
const openedSoFar: { name: string; close: () => Promise<void> | void }[] = [];

if (claimSingleInstance(app, () => showWindow())) {
  // Also a failure inside start() (keychain locked, ledger in use, a bad migration) ends here.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

// The window's session: a window opened again (from the tray) starts signed out.
const session: Session = { operator: null };

function showWindow(): void {
  // A second instance may knock before this one is ready; the window comes with start() then.
  if (!app.isReady()) return;
  if (!window || window.isDestroyed()) {
    session.operator = null;
    window = new BrowserWindow(mainWindowOptions({ preloadPath, isPackaged: app.isPackaged }));
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(APP_ENTRY_URL);
  } else {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
}

async function start(): Promise<void> {
  const baseDir = app.getPath('userData');
  mkdirSync(path.join(baseDir, 'logs'), { recursive: true });
  const now = () => new Date();
  logFile = path.join(baseDir, 'logs', 'desk.log');
  const file = logFile;
  log = createLogger({ sink: (line) => appendFileSync(file, `${line}\n`), now, level: 'info' });
  const logger = log;
  const openExternal = createOpenExternal((url) => shell.openExternal(url));
  const notify = createNotifier(Notification);

  handleAppProtocol(protocol, net, rendererDir);
  // Toss's registration window keeps to Toss's hosts by its own session policy (billing-window.ts).
  const billingSession = () => electronSession.fromPartition(BILLING_PARTITION);
  installGuards(app, APP_ORIGIN, {
    onExternalLink: (url) => void openExternal(url),
    exempt: (contents) => contents.session === billingSession(),
  });

  // Assigned once the desk is open; a run that finishes before that has no tray to refresh yet.
  let tray: ReturnType<typeof createTray> | undefined;
  const contents = () => (window && !window.isDestroyed() ? window.webContents : undefined);
  // Set once the host is there; a run that finishes before that has nothing to refresh yet.
  let opened: DeskHost | undefined;
  const opener = createDeskOpener({
    baseDir,
    secretStore: createKeytarSecretStore(),
    now,
    log: logger,
    setTimer: (callback, ms) => setInterval(callback, ms),
    clearTimer: (handle) => clearInterval(handle as NodeJS.Timeout),
    onRun(phase, summary, startedAt, dataDir) {
      // In training mode the store's desk runs on in the background: the screens show training.
      const shown = !opened || opened.desk().dataDir === dataDir;
      const target = contents();
      if (target && shown) sendEvent(target, 'runProgress', { phase, summary });
      if (phase === 'finished') afterRun(startedAt, dataDir);
    },
  });
  openedSoFar.push({ name: 'the training emulator', close: () => opener.close() });
  const host = await createDeskHost({
    training: readTrainingFlag(baseDir),
    open: (training) => opener.open(training),
    saveTraining: (training) => writeTrainingFlag(baseDir, training),
    now,
  });
  openedSoFar.unshift({ name: 'the ledger', close: () => host.close() });
  opened = host;

  function afterRun(startedAt: number, dataDir: string): void {
    if (!opened) return;
    const desk = opened.store().dataDir === dataDir ? opened.store() : opened.desk();
    // Names and amounts only while someone is signed in (run-attention.ts says why). The OS
    // notifications concern real money also while staff practise; the screen events only the
    // desk on screen.
    const report = afterRunReport(desk, startedAt, session.operator !== null);
    for (const notice of report.notices) {
      notify(notice.kind === 'charge' ? { ...notice, message: notice.tossMessage } : notice);
    }
    const target = desk === opened.desk() ? contents() : undefined;
    if (target) {
      for (const charge of report.chargeResults) sendEvent(target, 'chargeResult', charge);
      sendEvent(target, 'attention', report.attention);
    }
    tray?.refresh();
  }

  const api = createDeskApi({
    host,
    version: app.getVersion(),
    now,
    async openRegistrationWindow(keys) {
      const origin = host.training() ? await opener.trainingEmulatorUrl() : undefined;
      return openBillingWindow(
        {
          createWindow: (options) => new BrowserWindow(options),
          session: billingSession(),
          target: origin === undefined ? { kind: 'toss' } : { kind: 'emulator', origin },
          isPackaged: app.isPackaged,
          parent: window && !window.isDestroyed() ? window : undefined,
        },
        keys,
      );
    },
    async choosePath(kind) {
      const options: Electron.OpenDialogOptions =
        kind === 'folder'
          ? { properties: ['openDirectory', 'createDirectory'] }
          : { properties: ['openFile'], filters: [{ name: 'Autopay Desk 백업', extensions: ['apdbak'] }] };
      const parent = window && !window.isDestroyed() ? window : undefined;
      const chosen = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    launchAtLogin: {
      get: () => app.getLoginItemSettings().openAtLogin,
      set: (enabled) => setLaunchAtLogin(app, enabled),
    },
    onStatusChanged() {
      const target = contents();
      if (target) sendEvent(target, 'statusChanged', {});
    },
  });
  registerIpc(ipcMain, {
    dispatch: createDispatch(api, logger, {
      now,
      idleLockMs: () => readSetting(host.desk().ledger.db, IDLE_LOCK_MINUTES) * 60_000,
    }),
    isTrusted: (event) => {
      const target = contents();
      return target !== undefined && isTrustedSender(event, target, APP_ORIGIN);
    },
    session,
  });

  tray = createTray(
    { Tray, Menu, iconPath: path.join(rendererDir, 'tray.png') },
    {
      showWindow,
      runDueNow: () =>
        void host
          .desk()
          .runDue()
          .catch((error: unknown) => logger.error('run failed', { error })),
      nextRunLabel: () => nextChargeLabel(host.desk(), now()),
      attentionLabel: () => attentionLabel(host.desk()),
      quit: () => app.quit(),
    },
  );

  installGracefulShutdown(
    app,
    [
      { name: 'stop schedules, wait for charges in flight, close the ledger', run: () => host.close() },
      { name: 'stop the training emulator', run: () => opener.close() },
      { name: 'remove the tray icon', run: () => tray?.destroy() },
    ],
    logger,
  );
  // Closing the window keeps the app in the tray: scheduled charges go on.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
  showWindow();
}

/**
 * Start-up failed: log it, close what was opened (the ledger and its writer lock first), tell
 * the person at the counter in Korean, then quit and let go of the single-instance lock, so the
 * app can be started again once the cause is fixed.
 */
async function fail(error: unknown): Promise<void> {
  if (log) log.error('start-up failed', { error });
  else console.error('Autopay Desk could not start', error);
  for (const step of openedSoFar.splice(0)) {
    try {
      await step.close();
    } catch (closeError) {
      log?.error('start-up cleanup failed', { step: step.name, error: closeError });
    }
  }
  dialog.showErrorBox(STARTUP_FAILURE_TITLE, startupFailureMessage(error, logFile));
  app.releaseSingleInstanceLock();
  app.exit(1);
}
