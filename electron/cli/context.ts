import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDir, ledgerFileIn, type PlatformInfo, secretsProfileFor } from '../core/app-paths.ts';
import {
  type BillingDeps,
  type BillingServices,
  billingContext,
  createBillingServices,
  ensureSystemOperator,
  ledgerHoldsSealedValues,
} from '../core/billing/index.ts';
import { type Ledger, openLedger } from '../core/ledger/index.ts';
import { createLogger, type Logger } from '../core/log/index.ts';
import {
  type CatchUpService,
  type ConsentService,
  createCatchUpService,
  createConsentService,
  createPlanService,
  createScheduleRunner,
  createSubscriptionService,
  type PlanService,
  type ScheduleRunner,
  type ScheduleRunnerDeps,
  type SubscriptionService,
} from '../core/schedule/index.ts';
import {
  createSealer,
  createSecrets,
  type SecretStore,
  type Secrets,
  SecretsError,
} from '../core/secrets/index.ts';
import { createTossClient, type TossClient } from '../core/toss/index.ts';
import type { GlobalOptions } from './global-options.ts';
import type { CliIo } from './io.ts';

/** The audit log's name for what the CLI does; it acts as the owner of the data folder. */
export const CLI_ACTOR = 'CLI';

/**
 * What a command needs. Services are made on first use, so `sandbox` touches no keychain and
 * `secret` opens no ledger (and so takes no writer lock from a running app).
 */
export interface CliContext {
  readonly io: CliIo;
  readonly json: boolean;
  readonly dataDir: string;
  readonly now: () => Date;
  secrets(): Secrets;
  ledger(): Ledger;
  /** The billing core over this folder's ledger; with `toss`, a Toss key must be configured. */
  billing(options: { toss: boolean }): Promise<BillingServices>;
  /** Plans and subscriptions over this folder's ledger (no Toss call is made through them). */
  schedules(): Promise<{
    plans: PlanService;
    subscriptions: SubscriptionService;
    catchUp: CatchUpService;
    consents: ConsentService;
  }>;
  /**
   * The schedule runner over the billing core (a Toss key must be configured), running as of
   * `asOf`: which periods are due and which wait for a manager is judged at that instant, while
   * the rows it writes carry the real time. `pace` overrides the runner's default concurrency and
   * rate limit.
   */
  runner(
    asOf: Date,
    pace?: Pick<ScheduleRunnerDeps, 'concurrency' | 'ratePerSecond'>,
  ): Promise<ScheduleRunner>;
  /** The operator row the CLI acts as (refunds and charges name one). */
  operatorId(): number;
  /** Releases what the command opened: the Toss connections, the ledger and its writer lock. */
  close(): Promise<void>;
}

export interface CliDeps {
  io: CliIo;
  platform: PlatformInfo;
  secretStore: () => SecretStore;
  now: () => Date;
}

export function createCliContext(options: GlobalOptions, injected: CliDeps): CliContext {
  const dataDir = options.dataDir ?? defaultDataDir(injected.platform);
  let secrets: Secrets | undefined;
  let ledger: Ledger | undefined;
  let toss: TossClient | undefined;
  let deps: BillingDeps | undefined;
  let billing: BillingServices | undefined;

  async function billingDeps(): Promise<BillingDeps> {
    if (!deps) {
      const keys = ctx.secrets();
      const status = await keys.tossSecretKeyStatus();
      const book = ctx.ledger();
      const dataKey = await keys.ledgerDataKey({ mayCreate: !ledgerHoldsSealedValues(book) });
      toss = createTossClient({
        ...(options.tossBaseUrl === undefined ? {} : { baseUrl: options.tossBaseUrl }),
        getSecretKey: () => keys.getTossSecretKey(),
      });
      deps = {
        ledger: book,
        sealer: createSealer(dataKey),
        toss,
        tossMode: status.mode ?? 'test',
        now: injected.now,
        log: fileLogger(dataDir, injected.now),
        actor: CLI_ACTOR,
      };
    }
    return deps;
  }

  const ctx: CliContext = {
    io: injected.io,
    json: options.json,
    dataDir,
    now: injected.now,
    secrets() {
      secrets ??= createSecrets({ store: injected.secretStore(), profile: secretsProfileFor(dataDir) });
      return secrets;
    },
    ledger() {
      if (!ledger) {
        mkdirSync(dataDir, { recursive: true });
        ledger = openLedger(ledgerFileIn(dataDir));
      }
      return ledger;
    },
    async billing({ toss: needsToss }) {
      if (needsToss && !(await ctx.secrets().tossSecretKeyStatus()).configured) {
        throw new SecretsError('TOSS_KEY_NOT_CONFIGURED');
      }
      billing ??= createBillingServices(await billingDeps());
      return billing;
    },
    async schedules() {
      const context = billingContext(await billingDeps());
      return {
        plans: createPlanService(context),
        subscriptions: createSubscriptionService(context),
        catchUp: createCatchUpService(context),
        consents: createConsentService(context),
      };
    },
    async runner(asOf, pace = {}) {
      const services = await ctx.billing({ toss: true });
      const { ledger: book, log } = await billingDeps();
      return createScheduleRunner({ ledger: book, billing: services, now: () => asOf, log, ...pace });
    },
    operatorId() {
      return ensureSystemOperator(ctx.ledger(), CLI_ACTOR, injected.now);
    },
    async close() {
      await toss?.close();
      ledger?.close();
      ledger = undefined;
    },
  };
  return ctx;
}

/** The CLI logs to a file in the data folder: stdout is for the command's answer only. */
function fileLogger(dataDir: string, now: () => Date): Logger {
  const file = path.join(dataDir, 'logs', 'desk-cli.log');
  mkdirSync(path.dirname(file), { recursive: true });
  return createLogger({ sink: (line) => appendFileSync(file, `${line}\n`), now, level: 'info' });
}
