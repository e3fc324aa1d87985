import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  afterRun,
  createDeskApi,
  createDeskHost,
  createDispatch,
  type Desk,
  type DeskHost,
  type Dispatch,
  openDesk,
  type Session,
} from '../../electron/core/desk/index.ts';
import { createLogger, type Logger } from '../../electron/core/log/index.ts';
import type { SecretStore } from '../../electron/core/secrets/index.ts';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/index.ts';
import { CHANNEL_NAMES, type ChannelName, type IpcResult } from '../../shared/ipc/index.ts';
import { submitSandboxWindow } from '../support/sandbox-window.ts';
import { bridgeClientScript } from './bridge-client.ts';
import { createEventStream, type EventStream } from './event-stream.ts';
import { assertLoopbackTossUrl, isLiveKey, UiBridgeRefusal } from './guards.ts';
import { BRIDGE_SCRIPT_PATH, injectBridgeScript, send, sendRendererFile } from './static-files.ts';

export interface UiBridgeOptions {
  /** The built renderer (vite build output). */
  readonly rendererDir: string;
  readonly secretStore: SecretStore;
  /** Default: a fresh temp folder, removed on close. */
  readonly dataDir?: string;
  /** Default: an emulator started for this bridge. Anything but loopback is refused. */
  readonly tossBaseUrl?: string;
  readonly now?: () => Date;
  /**
   * Whether the schedule loop ticks every minute as in the app. Tests leave it off so that only
   * the screens start due runs; the preview turns it on.
   */
  readonly scheduleTimer?: boolean;
  readonly log?: Logger;
  /** Default 0: any free port. */
  readonly port?: number;
}

export interface UiBridge {
  /** Where the renderer is served, e.g. http://127.0.0.1:43121/ */
  readonly url: string;
  readonly tossBaseUrl: string;
  /** The same dispatch the page's calls go through, for seeding and checks with a session of their own. */
  dispatch<C extends ChannelName>(
    channel: C,
    payload: unknown,
    session: Session,
  ): Promise<IpcResult<unknown>>;
  desk(): Desk;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const LIVE_KEY_REFUSED: IpcResult<never> = {
  ok: false,
  error: {
    code: 'LIVE_KEY_REFUSED',
    message: '테스트용 화면에서는 라이브 키(live_sk_)를 쓸 수 없습니다. 테스트 키(test_sk_)를 입력해 주세요.',
  },
};

/**
 * Serves the built renderer on 127.0.0.1 and answers its `window.autopay` calls with the real
 * core (ledger, secrets, billing, schedules) over the emulator. Test-only: never packaged.
 */
export async function startUiBridge(options: UiBridgeOptions): Promise<UiBridge> {
  if (options.tossBaseUrl !== undefined) assertLoopbackTossUrl(options.tossBaseUrl);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? createLogger({ sink: () => {}, now, level: 'error' });
  const html = injectBridgeScript(await readFile(path.join(options.rendererDir, 'index.html'), 'utf8'));
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'autopay-ui-')));
  const sandbox: RunningSandbox | undefined =
    options.tossBaseUrl === undefined ? await startSandbox({ host: '127.0.0.1', now }) : undefined;
  const tossBaseUrl = options.tossBaseUrl ?? (sandbox as RunningSandbox).url;
  const stream = createEventStream();

  const cleanup = async (host?: DeskHost) => {
    stream.close();
    await host?.close();
    await sandbox?.close();
    if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  const pageSession: Session = { operator: null };
  let host: DeskHost | undefined;
  try {
    host = await openHost({ ...options, dataDir, tossBaseUrl, now, log, stream, session: pageSession });
    if ((await host.desk().secrets.tossSecretKeyStatus()).mode === 'live') {
      throw new UiBridgeRefusal(
        'The data folder holds a live Toss key: the UI bridge runs only with test keys',
      );
    }
  } catch (error) {
    await cleanup(host);
    throw error;
  }
  const openedHost = host;
  const dispatch = createGuardedDispatch(openedHost, now, log, stream, tossBaseUrl);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('ui bridge request failed', { error });
      if (!response.headersSent) send(response, 500, 'text/plain', 'internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://bridge');
    if (request.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
      const background = url.searchParams.get('background') === '1';
      return answerCall(url.pathname.slice('/__ipc/'.length), request, response, background);
    }
    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(response, 200, 'text/html; charset=utf-8', html);
    }
    if (url.pathname === BRIDGE_SCRIPT_PATH) {
      return send(response, 200, 'text/javascript; charset=utf-8', bridgeClientScript());
    }
    if (url.pathname === '/__events') return stream.attach(response);
    // Browsers ask for it on their own; the app has none, and a 404 would read as a page error.
    if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    return sendRendererFile(options.rendererDir, url.pathname, response);
  }

  async function answerCall(
    channel: string,
    request: IncomingMessage,
    response: ServerResponse,
    background: boolean,
  ) {
    // Another page in the same browser must not drive the desk: only this origin may call.
    if (request.headers.origin !== undefined && request.headers.origin !== origin) {
      return send(response, 403, 'text/plain', 'cross-origin call refused');
    }
    if (!(CHANNEL_NAMES as string[]).includes(channel)) {
      return send(response, 404, 'text/plain', 'unknown channel');
    }
    const body = await readBody(request);
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      payload = undefined;
    }
    const result = await dispatch(channel as ChannelName, payload, pageSession, { background });
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/`,
    tossBaseUrl,
    dispatch: (channel, payload, session) => dispatch(channel, payload, session),
    desk: () => openedHost.desk(),
    close() {
      closing ??= (async () => {
        stream.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await cleanup(openedHost);
      })();
      return closing;
    },
  };
}

function openHost(
  options: UiBridgeOptions & {
    dataDir: string;
    tossBaseUrl: string;
    now: () => Date;
    log: Logger;
    stream: EventStream;
    /** The page's session: what a run tells it depends on whether someone is signed in. */
    session: Session;
  },
): Promise<DeskHost> {
  const { stream, log } = options;
  let host: DeskHost | undefined;
  const open = (training: boolean) =>
    openDesk({
      // Training gets its own folder, as in the app, so switching never mixes the two ledgers.
      dataDir: training ? path.join(options.dataDir, 'training') : options.dataDir,
      secretStore: options.secretStore,
      tossBaseUrl: options.tossBaseUrl,
      now: options.now,
      log,
      setTimer: options.scheduleTimer ? (callback, ms) => setInterval(callback, ms) : () => undefined,
      clearTimer: (handle) => clearInterval(handle as NodeJS.Timeout | undefined),
      onRun(phase, summary, startedAt) {
        stream.emit('runProgress', { phase, summary });
        if (phase !== 'finished' || !host) return;
        const desk = host.desk();
        const report = afterRun(desk, startedAt, options.session.operator !== null);
        for (const charge of report.chargeResults) stream.emit('chargeResult', charge);
        stream.emit('attention', report.attention);
      },
    });
  return createDeskHost({ training: false, open, saveTraining: () => {}, now: options.now }).then(
    (opened) => {
      host = opened;
      return opened;
    },
  );
}

/** The real dispatch, behind the one extra rule of the bridge: no live key ever goes in. */
function createGuardedDispatch(
  host: DeskHost,
  now: () => Date,
  log: Logger,
  stream: EventStream,
  tossBaseUrl: string,
): Dispatch {
  const dispatch = createDispatch(
    createDeskApi({
      host,
      version: 'ui-bridge',
      now,
      // No second browser window here: the customer is taken to type the good test card into the
      // emulator's stand-in page (test/ui/billing-window.test.ts drives that page in Chromium).
      openRegistrationWindow: (keys) => submitSandboxWindow(tossBaseUrl, keys, { number: TEST_CARD_NUMBER }),
      launchAtLogin: launchAtLoginFlag(),
      onStatusChanged: () => stream.emit('statusChanged', {}),
    }),
    log,
  );
  return async (channel, payload, session, options) => {
    if (channel === 'setSecretKey' && hasLiveKey(payload)) return LIVE_KEY_REFUSED;
    return dispatch(channel, payload, session, options);
  };
}

/** The emulator's card that registers and approves (electron/sandbox/README.md). */
const TEST_CARD_NUMBER = '9410001234567890';

function hasLiveKey(payload: unknown): boolean {
  const key = (payload as { secretKey?: unknown } | null)?.secretKey;
  return typeof key === 'string' && isLiveKey(key);
}

/** The OS keeps this flag in the app; here it is only remembered for the screens. */
function launchAtLoginFlag() {
  let enabled = false;
  return {
    get: () => enabled,
    set(value: boolean) {
      enabled = value;
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
