import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import {
  createDeskApi,
  createDeskHost,
  createDispatch,
  type DeskApi,
  type DeskHost,
  type Dispatch,
  IDLE_LOCK_MINUTES,
  openDesk,
  type Session,
} from '../../electron/core/desk/index.ts';
import { readSetting } from '../../electron/core/ledger/index.ts';
import { createLogger } from '../../electron/core/log/index.ts';
import { deriveLedgerKey } from '../../electron/core/secrets/index.ts';
import { hashPin, type Role } from '../../electron/core/staff/index.ts';
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../shared/ipc/index.ts';
import { BIRTH_DATE, CARDS } from '../billing/harness.ts';
import { submitSandboxWindow, type TypedCard } from '../support/sandbox-window.ts';
import type { SandboxFixture } from '../support/toss-sandbox.ts';
import { createMemorySecretStore } from '../ui-bridge/memory-secret-store.ts';

/** An emulator test card (test/billing/harness.ts) as the card form sends it over IPC. */
export function ipcCard(cardNumber: string = CARDS.good) {
  return { cardNumber, expiryMonth: '12', expiryYear: '30', identity: BIRTH_DATE };
}

export interface DeskFixture {
  readonly host: DeskHost;
  readonly api: DeskApi;
  readonly dispatch: Dispatch;
  readonly dataDir: string;
  readonly lines: string[];
  readonly clock: { now: number };
  /** What the customer does in Toss's registration window (the emulator's stand-in page). */
  windowCard: TypedCard | 'cancel';
  /** A fresh signed-out session, as a new window would have. */
  session(): Session;
  /** Calls a channel the way main does after the sender check. */
  call<C extends ChannelName>(
    channel: C,
    request: RequestOf<C>,
    session: Session,
  ): Promise<IpcResult<ResponseOf<C>>>;
  /** The value of a call that must succeed. */
  ok<C extends ChannelName>(channel: C, request: RequestOf<C>, session: Session): Promise<ResponseOf<C>>;
  /** A person with a PIN, written straight into the ledger (creating staff is the staff issue's). */
  addOperator(name: string, role: Role, pin: string): Promise<number>;
  /** A session signed in as a new operator of that role. */
  signedIn(role: Role): Promise<Session>;
}

/**
 * A desk over a temp data folder, an in-memory keychain of its own (the keychain code has its own
 * suite, test/secrets) and the emulator, with the API and dispatch exactly as main wires them.
 * Closed after each test.
 */
export function deskPerTest(sandbox: SandboxFixture): () => Promise<DeskFixture> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'autopay-desk-'));
    // One keychain for the store's folder and its training folder, as on a PC.
    const secretStore = createMemorySecretStore();
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const lines: string[] = [];
    const clock = { now: Date.UTC(2026, 10, 29, 1, 0, 0) };
    const now = () => new Date(clock.now);
    const log = createLogger({ sink: (line) => lines.push(line), now, level: 'debug' });
    let loginItem = false;
    const host = await createDeskHost({
      training: false,
      open: (training) =>
        openDesk({
          dataDir: training ? path.join(dataDir, 'training') : dataDir,
          secretStore,
          tossBaseUrl: sandbox.url,
          tossResponseTimeoutMs: 3_000,
          now,
          log,
          // The loop's timer never fires by itself here: tests run due charges on demand.
          setTimer: () => 0,
          clearTimer: () => undefined,
        }),
      saveTraining: () => undefined,
      now,
    });
    cleanups.push(() => host.close());
    const api = createDeskApi({
      host,
      version: '0.0.0-test',
      now,
      openRegistrationWindow: (keys) => submitSandboxWindow(sandbox.url, keys, fixture.windowCard),
      launchAtLogin: {
        get: () => loginItem,
        set: (enabled) => {
          loginItem = enabled;
        },
      },
    });
    const dispatch = createDispatch(api, log, {
      now,
      idleLockMs: () => readSetting(host.desk().ledger.db, IDLE_LOCK_MINUTES) * 60_000,
    });
    const fixture: DeskFixture = {
      host,
      api,
      dispatch,
      dataDir,
      lines,
      clock,
      windowCard: { number: CARDS.good },
      session: () => ({ operator: null }),
      call: (channel, request, session) =>
        dispatch(channel, request, session) as Promise<IpcResult<ResponseOf<typeof channel>>>,
      async ok(channel, request, session) {
        const result = await fixture.call(channel, request, session);
        if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
        return result.value;
      },
      async addOperator(name, role, pin) {
        const db = host.desk().ledger.db;
        // Keyed like the app's own hashes, with the folder's data key from the keychain.
        const pinKey = deriveLedgerKey(await host.desk().secrets.ledgerDataKey(), 'pin-hash');
        return Number(
          db
            .prepare('INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)')
            .run(name, role, await hashPin(pin, pinKey), clock.now).lastInsertRowid,
        );
      },
      async signedIn(role) {
        const session = fixture.session();
        const operatorId = await fixture.addOperator(`${role}-${lines.length}`, role, '2468');
        await fixture.ok('signIn', { operatorId, pin: '2468' }, session);
        return session;
      },
    };
    return fixture;
  };
}
