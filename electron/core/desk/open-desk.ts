import { mkdirSync } from 'node:fs';
import { ledgerFileIn, secretsProfileFor } from '../app-paths.ts';
import {
  type BillingServices,
  billingContext,
  createBillingServices,
  ledgerHoldsSealedValues,
} from '../billing/index.ts';
import { type Ledger, openLedger, readSetting } from '../ledger/index.ts';
import type { Logger } from '../log/index.ts';
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
  type SubscriptionService,
  startScheduleLoop,
} from '../schedule/index.ts';
import { createSealer, createSecrets, type SecretStore, type Secrets } from '../secrets/index.ts';
import { createOperatorService, type OperatorService } from '../staff/index.ts';
import { createTossClient, type TossClient } from '../toss/index.ts';
import { CATCH_UP_THRESHOLD_DAYS, RETRY_DAYS } from './settings.ts';

const DAY_MS = 24 * 60 * 60 * 1_000;

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
  /** Told when a due run starts and finishes, whoever started it (the loop, the tray, a button). */
  readonly onRun?: (phase: 'started' | 'finished', summary: RunSummary | null, startedAt: number) => void;
  /** Short Toss timeouts for loopback tests; the real API always gets the client's defaults. */
  readonly tossResponseTimeoutMs?: number;
}

/** One open data folder: what main and the test bridge call. */
export interface Desk {
  readonly dataDir: string;
  readonly ledger: Ledger;
  readonly secrets: Secrets;
  readonly operators: OperatorService;
  billing(): BillingServices;
  readonly plans: PlanService;
  readonly subscriptions: SubscriptionService;
  readonly catchUp: CatchUpService;
  /** Members' consents, raises waiting for them, trials converting (invariant 12). */
  readonly consents: ConsentService;
  /** Runs the due charges now; joins a run already going. */
  runDue(): Promise<RunSummary>;
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
    const sealer = createSealer(await secrets.ledgerDataKey({ mayCreate: !ledgerHoldsSealedValues(ledger) }));
    const toss = createTossClient({
      ...(deps.tossBaseUrl === undefined ? {} : { baseUrl: deps.tossBaseUrl }),
      ...(deps.tossResponseTimeoutMs === undefined ? {} : { responseTimeoutMs: deps.tossResponseTimeoutMs }),
      getSecretKey: () => secrets.getTossSecretKey(),
    });
    return await assemble(deps, ledger, secrets, sealer, toss);
  } catch (error) {
    ledger.close();
    throw error;
  }
}

async function assemble(
  deps: DeskDeps,
  ledger: Ledger,
  secrets: Secrets,
  sealer: ReturnType<typeof createSealer>,
  toss: TossClient,
): Promise<Desk> {
  const log = deps.log;
  const base = { ledger, sealer, toss, now: deps.now, log };
  const context = billingContext({ ...base, tossMode: 'test' });
  let billing: BillingServices;
  let runner: ScheduleRunner;
  let loop: ScheduleLoop | undefined;
  let currentRun: Promise<RunSummary> | undefined;

  function runDue(): Promise<RunSummary> {
    currentRun ??= (async () => {
      const startedAt = deps.now().getTime();
      deps.onRun?.('started', null, startedAt);
      try {
        const summary = await runner.runDue();
        deps.onRun?.('finished', summary, startedAt);
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
    billing = createBillingServices({ ...base, tossMode: status.mode ?? 'test' });
    runner = createScheduleRunner({
      ledger,
      billing,
      now: deps.now,
      log,
      catchUpThresholdMs: readSetting(ledger.db, CATCH_UP_THRESHOLD_DAYS) * DAY_MS,
      dunning: { offsetsMs: readSetting(ledger.db, RETRY_DAYS).map((days) => days * DAY_MS) },
    });
    if (status.configured) {
      loop = startScheduleLoop({
        runner: { runDue, stop: () => runner.stop() },
        reconciler: billing.reconciler,
        setTimer: deps.setTimer,
        clearTimer: deps.clearTimer,
        log,
      });
    }
  }

  await build();
  let closed: Promise<void> | undefined;
  return {
    dataDir: deps.dataDir,
    ledger,
    secrets,
    operators: createOperatorService(ledger, deps.now),
    billing: () => billing,
    plans: createPlanService(context),
    subscriptions: createSubscriptionService(context),
    catchUp: createCatchUpService(context),
    consents: createConsentService(context),
    runDue,
    reload: build,
    close() {
      closed ??= (async () => {
        await (loop ? loop.stop() : runner.stop());
        await toss.close();
        ledger.close();
      })();
      return closed;
    },
  };
}
