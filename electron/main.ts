import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
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
  IDLE_LOCK_MINUTES,
  nextChargeLabel,
  type Session,
} from './core/desk/index.ts';
import { readSetting } from './core/ledger/index.ts';
import { createLogger } from './core/log/index.ts';
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
import { createTray } from './shell/tray.ts';
import { mainWindowOptions } from './shell/window-options.ts';

// The composition root: the one place where Electron, the core and the shell meet.
const rendererDir = path.join(import.meta.dirname, '../renderer');
const preloadPath = path.join(import.meta.dirname, 'preload.cjs');

registerAppScheme(protocol);
if (claimSingleInstance(app, () => showWindow())) {
  app.whenReady().then(start, (error: unknown) => fail(error));
}

let window: BrowserWindow | undefined;
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
  const logFile = path.join(baseDir, 'logs', 'desk.log');
  const log = createLogger({ sink: (line) => appendFileSync(logFile, `${line}\n`), now, level: 'info' });
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
  const opener = createDeskOpener({
    baseDir,
    secretStore: createKeytarSecretStore(),
    now,
    log,
    setTimer: (callback, ms) => setInterval(callback, ms),
    clearTimer: (handle) => clearInterval(handle as NodeJS.Timeout),
    onRun(phase, summary, startedAt) {
      const target = contents();
      if (target) sendEvent(target, 'runProgress', { phase, summary });
      if (phase === 'finished') afterRun(startedAt);
    },
  });
  const host = await createDeskHost({
    training: readTrainingFlag(baseDir),
    open: (training) => opener.open(training),
    saveTraining: (training) => writeTrainingFlag(baseDir, training),
    now,
  });

  function afterRun(startedAt: number): void {
    // Names and amounts only while someone is signed in (run-attention.ts says why).
    const report = afterRunReport(host.desk(), startedAt, session.operator !== null);
    for (const notice of report.notices) {
      notify(notice.kind === 'charge' ? { ...notice, message: notice.tossMessage } : notice);
    }
    const target = contents();
    for (const charge of report.chargeResults) if (target) sendEvent(target, 'chargeResult', charge);
    if (target) sendEvent(target, 'attention', report.attention);
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
    dispatch: createDispatch(api, log, {
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
          .catch((error: unknown) => log.error('run failed', { error })),
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
    log,
  );
  // Closing the window keeps the app in the tray: scheduled charges go on.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
  showWindow();
}

function fail(error: unknown): void {
  console.error('Autopay Desk could not start', error);
  app.exit(1);
}
