import { mkdirSync } from 'node:fs';
import { ledgerFileIn, secretsProfileFor } from '../app-paths.ts';
import { type AuditChain, auditChainKeyed, openAuditChain } from '../audit/index.ts';
import {
  type BillingServices,
  billingContext,
  createBillingInFlight,
  createBillingServices,
  ledgerHoldsSealedValues,
} from '../billing/index.ts';
import { type Ledger, openLedger, readSetting } from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
import {
  catchUpWithToss,
  OFFSITE_BACKUP,
  type OffsiteResult,
  offsiteDue,
  runOffsiteBackup,
  type TossCatchUpReport,
} from '../recovery/index.ts';
import {
  type CatchUpService,
  type ConsentService,
  createCatchUpService,
  createConsentService,
  createPlanService,
  createScheduleRunner,
  createSubscriptionService,
  type PlanService,
  type RunSummary,
  type ScheduleLoop,
  type ScheduleRunner,
  type ScheduleRunnerDeps,
  type SubscriptionService,
  startScheduleLoop,
} from '../schedule/index.ts';
import {
  createSealer,
  createSecrets,
  deriveLedgerKey,
  type SecretStore,
  type Secrets,
} from '../secrets/index.ts';
import { createStoreSettings, type StoreSettingsService } from '../settings/index.ts';
import {
  createChargeGate,
  createOperatorService,
  keyStoredPinHashes,
  type OperatorService,
} from '../staff/index.ts';
import { createTossClient, type TossClient } from '../toss/index.ts';

export interface DeskDeps {
  /** The data folder: ledger, backups, logs. Its keychain entries are its own (secretsProfileFor). */
  readonly dataDir: string;
  readonly secretStore: SecretStore;
  /** Default: the real Toss API. Training mode and tests pass the emulator's loopback URL. */
  readonly tossBaseUrl?: string;
  readonly now: () => Date;
  readonly log: Logger;
  /** The every-minute timer of the schedule loop; injected so tests tick it by hand. */
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  /**
   * Told when a due run starts and finishes, whoever started it (the loop, the tray, a button),
   * with the data folder it ran in (the store's desk runs on in the background in training mode).
   */
  readonly onRun?: (
    phase: 'started' | 'finished',
    summary: RunSummary | null,
    startedAt: number,
    dataDir: string,
  ) => void;
  /** Short Toss timeouts for loopback tests; the real API always gets the client's defaults. */
  readonly tossResponseTimeoutMs?: number;
  /**
   * Whether the every-minute schedule loop runs (default true: the app). The CLI opens the same
   * desk without it and runs the schedule once, when asked, through scheduleRunner().
   */
  readonly scheduleLoop?: boolean;
  /** Written as the audit actor when a call names none (the CLI: 'CLI'). */
  readonly actor?: string;
}

/** One open data folder: what main and the test bridge call. */
export interface Desk {
  readonly dataDir: string;
  readonly ledger: Ledger;
  readonly secrets: Secrets;
  /** The ledger's keyed audit chain: its status at open drives the app's red banner. */
  readonly audit: AuditChain;
  readonly operators: OperatorService;
  /** The owner's settings (schedule, key-in), enforced in the core for every caller. */
  readonly settings: StoreSettingsService;
  billing(): BillingServices;
  readonly plans: PlanService;
  readonly subscriptions: SubscriptionService;
  readonly catchUp: CatchUpService;
  /**
   * What the Toss catch-up found the last time a restored ledger was opened with a Toss key
   * (recovery/toss-catch-up.ts), or null when there was nothing to catch up.
   */
  lastCatchUp(): TossCatchUpReport | null;
  /** Writes, verifies and rotates an off-PC backup now; joins one already going. */
  offsiteBackupNow(): Promise<OffsiteResult>;
  /**
   * The off-PC schedule's minute tick: runs the backup when today's set time has passed (and
   * nothing ran since) and after a due run that charged anything. Null when nothing was due.
   */
  offsiteTick(): Promise<OffsiteResult | null>;
  /** Members' consents, raises waiting for them, trials converting (invariant 12). */
  readonly consents: ConsentService;
  /** Runs the due charges now; joins a run already going. */
  runDue(): Promise<RunSummary>;
  /**
   * A schedule runner over this desk's billing core with the owner's settings (catch-up
   * threshold, retry days), judging what is due as of `now` (the CLI's `run-due --now`).
   */
  scheduleRunner(
    options: Pick<ScheduleRunnerDeps, 'now'> &
      Partial<Pick<ScheduleRunnerDeps, 'concurrency' | 'ratePerSecond'>>,
  ): ScheduleRunner;
  /**
   * Call after the secret key or a schedule setting changed: the key's mode (test/live), the
   * runner's catch-up threshold and retry days, and the loop follow them.
   */
  reload(): Promise<void>;
  /** Stops the loop (waiting for the run going now), then closes the Toss client and the ledger. */
  close(): Promise<void>;
}

/**
 * Opens a data folder: the ledger (taking its writer lock), the keychain entries, the billing core
 * and the schedule loop, which runs only while a secret key is configured (a run without one would
 * only fill the ledger with attempts that could not be sent).
 */
export async function openDesk(deps: DeskDeps): Promise<Desk> {
  mkdirSync(deps.dataDir, { recursive: true });
  const ledger = openLedger(ledgerFileIn(deps.dataDir));
  try {
    const secrets = createSecrets({ store: deps.secretStore, profile: secretsProfileFor(deps.dataDir) });
    const dataKey = await secrets.ledgerDataKey({ mayCreate: !ledgerHoldsSealedValues(ledger) });
    const sealer = createSealer(dataKey);
    const keyedBefore = auditChainKeyed(ledger.db);
    const audit = await openAuditChain(ledger.db, { dataKey, heads: secrets, now: deps.now, log: deps.log });
    const pinKey = deriveLedgerKey(dataKey, 'pin-hash');
    // PIN hashes from before the key are wrapped in the open that keys the ledger, and only then.
    if (!keyedBefore && auditChainKeyed(ledger.db)) keyStoredPinHashes(ledger, pinKey, deps.now);
    const toss = createTossClient({
      ...(deps.tossBaseUrl === undefined ? {} : { baseUrl: deps.tossBaseUrl }),
      ...(deps.tossResponseTimeoutMs === undefined ? {} : { responseTimeoutMs: deps.tossResponseTimeoutMs }),
      getSecretKey: () => secrets.getTossSecretKey(),
    });
    const operators = createOperatorService(ledger, deps.now, pinKey);
    return await assemble(deps, ledger, secrets, audit, operators, sealer, toss);
  } catch (error) {
    ledger.close();
    throw error;
  }
}

async function assemble(
  deps: DeskDeps,
  ledger: Ledger,
  secrets: Secrets,
  audit: AuditChain,
  operators: OperatorService,
  sealer: ReturnType<typeof createSealer>,
  toss: TossClient,
): Promise<Desk> {
  const log = deps.log;
  const settings = createStoreSettings(ledger, deps.now);
  const base = {
    ledger,
    sealer,
    toss,
    now: deps.now,
    log,
    gate: createChargeGate(ledger, operators, deps.now),
    ...(deps.actor === undefined ? {} : { actor: deps.actor }),
  };
  const context = billingContext({ ...base, tossMode: 'test' });
  // Kept across rebuilds: the reconciler of new services must still see what the old ones are sending.
  const inFlight = createBillingInFlight();
  let billing: BillingServices;
  let runner: ScheduleRunner;
  let loop: ScheduleLoop | undefined;
  let currentRun: Promise<RunSummary> | undefined;
  let lastCatchUp: TossCatchUpReport | null = null;
  let offsite: Promise<OffsiteResult> | undefined;
  // A due run that charged anything asks for an off-PC copy of what it charged.
  let chargedSinceOffsite = false;

  function offsiteBackupNow(): Promise<OffsiteResult> {
    offsite ??= (async () => {
      try {
        chargedSinceOffsite = false;
        const dataKey = await secrets.ledgerDataKey({ mayCreate: false });
        return await runOffsiteBackup({ ledger, dataKey, dataDir: deps.dataDir, now: deps.now, log });
      } finally {
        offsite = undefined;
      }
    })();
    return offsite;
  }

  async function offsiteTick(): Promise<OffsiteResult | null> {
    if (readSetting(ledger.db, OFFSITE_BACKUP).folder === null) return null;
    if (!chargedSinceOffsite && !offsiteDue(ledger.db, deps.now())) return null;
    return offsiteBackupNow();
  }

  function runDue(): Promise<RunSummary> {
    currentRun ??= (async () => {
      const startedAt = deps.now().getTime();
      deps.onRun?.('started', null, startedAt, deps.dataDir);
      try {
        const summary = await runner.runDue();
        deps.onRun?.('finished', summary, startedAt, deps.dataDir);
        return summary;
      } finally {
        currentRun = undefined;
      }
    })();
    return currentRun;
  }

  // The key's mode decides Luhn checks (live only) and the settings shape the runner, so both are
  // rebuilt when either changes.
  async function build(): Promise<void> {
    await loop?.stop();
    loop = undefined;
    const status = await secrets.tossSecretKeyStatus();
    billing = createBillingServices({ ...base, tossMode: status.mode ?? 'test' }, inFlight);
    runner = scheduleRunner({ now: deps.now });
    if (status.configured) {
      // A restored ledger first learns from Toss what happened since its backup, before any
      // schedule runs. If Toss cannot be asked, the marker stays and the next open tries again;
      // the schedule may still run, since its orderIds are per period and Toss refuses a second.
      try {
        lastCatchUp = (await catchUpWithToss({ ...base, reconciler: billing.reconciler })) ?? lastCatchUp;
      } catch (error) {
        log.error('toss catch-up after restore failed; it runs again at the next open', { error });
      }
    }
    if (status.configured && deps.scheduleLoop !== false) {
      loop = startScheduleLoop({
        runner: { runDue, stop: () => runner.stop() },
        reconciler: billing.reconciler,
        setTimer: deps.setTimer,
        clearTimer: deps.clearTimer,
        log,
      });
    }
  }

  function scheduleRunner(options: Parameters<Desk['scheduleRunner']>[0]): ScheduleRunner {
    const runner = createScheduleRunner({ ledger, billing, log, ...settings.runner(), ...options });
    return {
      // A run that charged anything is followed by an off-PC backup (design.md "Recovery"), whoever
      // ran it: the loop, a button, or the CLI's run-due.
      async runDue() {
        const summary = await runner.runDue();
        if (Object.values(summary.charged).some((count) => count > 0)) chargedSinceOffsite = true;
        return summary;
      },
      stop: () => runner.stop(),
    };
  }

  await build();
  // Failures are recorded for the home screen (runOffsiteBackup) and logged; the tick goes on.
  const offsiteTimer = deps.setTimer(() => void offsiteTick().catch(() => {}), 60_000);
  let closed: Promise<void> | undefined;
  return {
    dataDir: deps.dataDir,
    ledger,
    secrets,
    audit,
    operators,
    settings,
    billing: () => billing,
    plans: createPlanService(context),
    subscriptions: createSubscriptionService(context),
    catchUp: createCatchUpService(context),
    lastCatchUp: () => lastCatchUp,
    offsiteBackupNow,
    offsiteTick,
    consents: createConsentService(context),
    runDue,
    scheduleRunner,
    reload: build,
    close() {
      closed ??= (async () => {
        deps.clearTimer(offsiteTimer);
        await offsite?.catch(() => {});
        await (loop ? loop.stop() : runner.stop());
        await toss.close();
        await audit.close();
        ledger.close();
      })();
      return closed;
    },
  };
}
